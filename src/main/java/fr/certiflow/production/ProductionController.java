package fr.certiflow.production;

import fr.certiflow.errors.ForbiddenException;
import fr.certiflow.errors.NotFoundException;
import fr.certiflow.identity.CurrentUser;
import fr.certiflow.identity.CurrentUsers;
import fr.certiflow.identity.Groups;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files of a production: handed in by a coordinator for the candidate, read by the coordinators and by the jurors
 * assigned to the production (and jury presidents, who harmonise), nobody else.
 */
@RestController
@RequestMapping("/api/productions")
class ProductionController {

    private final SubmissionService submissions;
    private final ProductionRepository productions;
    private final ProductionFileRepository files;
    private final ProductionJurors jurors;
    private final CurrentUsers users;

    ProductionController(SubmissionService submissions, ProductionRepository productions, ProductionFileRepository files,
            ProductionJurors jurors, CurrentUsers users) {
        this.submissions = submissions;
        this.productions = productions;
        this.files = files;
        this.jurors = jurors;
        this.users = users;
    }

    @PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SubmissionService.Upload> upload(@PathVariable Long id, @RequestParam("document") String document,
            @RequestParam("file") MultipartFile file) throws IOException {
        SubmissionService.Upload upload = submissions.upload(id, document, file.getOriginalFilename(), file.getBytes(),
                users.require().id());
        return ResponseEntity.status(HttpStatus.CREATED).body(upload);
    }

    record FileView(Long id, String documentCode, String filename, String contentType, long size, String detectedLanguage,
            Instant uploadedAt, String href) {
    }

    @GetMapping("/{id}/files")
    @Transactional(readOnly = true)
    List<FileView> list(@PathVariable Long id) {
        Production production = readable(id);
        return files.findBySubmissionIdOrderById(production.getSubmissionId()).stream()
                .map(file -> new FileView(file.getId(), file.getDocumentCode(), file.getFilename(), file.getContentType(),
                        file.getSizeBytes(), file.getDetectedLanguage(), file.getUploadedAt(),
                        "/api/productions/" + id + "/files/" + file.getId()))
                .toList();
    }

    @GetMapping("/{id}/files/{fileId}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long fileId) {
        Production production = readable(id);
        ProductionFile file = files.findById(fileId)
                .filter(candidate -> candidate.getSubmissionId().equals(production.getSubmissionId()))
                .orElseThrow(() -> new NotFoundException("Aucun fichier n° " + fileId
                        + " dans la production n° " + id + "."));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.getFilename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.getContentType()))
                .body(file.getContent());
    }

    private Production readable(Long id) {
        CurrentUser user = users.require();
        Production production = productions.findById(id).orElseThrow(() ->
                new NotFoundException("Aucune production n° " + id + "."));
        boolean allowed = user.isIn(Groups.COORDINATORS) || user.isIn(Groups.JURY_PRESIDENTS) || user.isAdministrator()
                || jurors.isAssigned(id, user.id());
        if (!allowed) {
            throw new ForbiddenException("Vous n'êtes pas juré de cette production.");
        }
        return production;
    }
}
