package fr.certiflow.referential;

import fr.certiflow.errors.NotFoundException;
import fr.certiflow.referential.model.Referential;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referentials")
class ReferentialController {

    private final ReferentialCatalog catalog;

    ReferentialController(ReferentialCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every published version: code, version, title. */
    @GetMapping
    List<ReferentialSummary> list() {
        return catalog.list();
    }

    /** The latest version's whole tree. */
    @GetMapping("/{code}")
    Referential latest(@PathVariable String code) {
        return catalog.latest(code).orElseThrow(() -> new NotFoundException("Aucun référentiel de code « " + code + " »."));
    }

    @GetMapping("/{code}/versions/{version}")
    Referential version(@PathVariable String code, @PathVariable int version) {
        return catalog.find(code, version).orElseThrow(() ->
                new NotFoundException("Aucun référentiel de code « " + code + " » en version " + version + "."));
    }
}
