package fr.certiflow.grid;

import fr.certiflow.identity.CurrentUser;
import fr.certiflow.identity.CurrentUsers;
import fr.certiflow.identity.Groups;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A juror downloads their own grid; coordinators and administrators any grid. */
@RestController
class GridController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final GridRepository grids;
    private final CurrentUsers users;

    GridController(GridRepository grids, CurrentUsers users) {
        this.grids = grids;
        this.users = users;
    }

    @GetMapping("/api/grids/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> download(@PathVariable Long id, HttpServletRequest request) {
        CurrentUser user = users.require(request);
        Grid grid = grids.findById(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune grille n° " + id + "."));
        if (!grid.getJurorUserId().equals(user.id()) && !user.isIn(Groups.COORDINATORS) && !user.isAdministrator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Cette grille est celle d'un autre juré.");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("grille-" + grid.getProductionId() + "-" + grid.getJurorUserId() + ".xlsx").build().toString())
                .contentType(XLSX)
                .body(grid.getContent());
    }
}
