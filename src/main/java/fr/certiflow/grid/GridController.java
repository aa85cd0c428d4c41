package fr.certiflow.grid;

import fr.certiflow.errors.ForbiddenException;
import fr.certiflow.errors.NotFoundException;
import fr.certiflow.identity.CurrentUser;
import fr.certiflow.identity.CurrentUsers;
import fr.certiflow.identity.Groups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A juror downloads their own grid; coordinators and administrators any grid. */
@RestController
class GridController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final GridRepository grids;
    private final GridEvaluationService evaluations;
    private final CurrentUsers users;
    private final GridFileNames fileNames;

    GridController(GridRepository grids, GridEvaluationService evaluations, CurrentUsers users, GridFileNames fileNames) {
        this.grids = grids;
        this.evaluations = evaluations;
        this.users = users;
        this.fileNames = fileNames;
    }

    /** The juror hands in the filled grid instead of the form. */
    @PostMapping(path = "/api/grids/{id}/evaluation", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> evaluation(@PathVariable Long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        CurrentUser user = users.require();
        Grid grid = grids.findById(id).orElseThrow(() ->
                new NotFoundException("Aucune grille n° " + id + "."));
        if (!grid.getJurorUserId().equals(user.id())) {
            throw new ForbiddenException("Seul le juré de cette grille peut la déposer.");
        }
        String message = evaluations.submit(grid, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.ok(Map.of("gridId", id, "message", message));
    }

    @GetMapping("/api/grids/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> download(@PathVariable Long id) {
        CurrentUser user = users.require();
        Grid grid = grids.findById(id).orElseThrow(() ->
                new NotFoundException("Aucune grille n° " + id + "."));
        if (!grid.getJurorUserId().equals(user.id()) && !user.isIn(Groups.COORDINATORS) && !user.isAdministrator()) {
            throw new ForbiddenException("Cette grille est celle d'un autre juré.");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, GridFileNames.contentDisposition(fileNames.of(grid)).toString())
                .contentType(XLSX)
                .body(grid.getContent());
    }
}
