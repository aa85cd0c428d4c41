package fr.certiflow.production;

import fr.certiflow.errors.RefusedException.Reason;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.referential.model.AssessmentDocument;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Hands in the files of a production. When the last required document arrives, the submission is complete and
 * every production process waiting for it (one, or each member of a group) moves on, in the same transaction: a
 * submission is either stored and delivered, or refused whole.
 */
@Service
public class SubmissionService {

    private final ProductionRepository productions;
    private final SubmissionRepository submissions;
    private final ProductionFileRepository files;
    private final ProductionContexts contexts;
    private final DocumentInspector inspector;
    private final RuntimeService runtime;
    private final Clock clock;
    private final long maxFileBytes;

    SubmissionService(ProductionRepository productions, SubmissionRepository submissions, ProductionFileRepository files,
            ProductionContexts contexts, DocumentInspector inspector,
            RuntimeService runtime, Clock clock,
            @Value("${certiflow.uploads.max-file-size:50MB}") DataSize maxFileSize) {
        this.productions = productions;
        this.submissions = submissions;
        this.files = files;
        this.contexts = contexts;
        this.inspector = inspector;
        this.runtime = runtime;
        this.clock = clock;
        this.maxFileBytes = maxFileSize.toBytes();
    }

    public record Upload(Long fileId, String documentCode, String contentType, boolean submissionComplete,
            List<String> missingDocuments) {
    }

    @Transactional
    public Upload upload(Long productionId, String documentCode, String filename, byte[] content, String uploadedBy) {
        Production production = productions.findById(productionId).orElseThrow(() ->
                UploadRefusedException.notFound("Aucune production n° " + productionId + "."));
        AssessmentRoute route = contexts.of(productionId).route();
        List<AssessmentDocument> documents = route.documents();
        AssessmentDocument document = documents.stream().filter(d -> d.code().equals(documentCode)).findFirst()
                .orElseThrow(() -> new UploadRefusedException(Reason.INVALID, "Document « " + documentCode
                        + " » inconnu pour " + (route.vae() ? "le dossier de validation du bloc " + route.bloc().code()
                        + " (" + route.regulation().title() + ")" : "la composante " + production.getComponentCode())
                        + " ; documents attendus : "
                        + documents.stream().map(AssessmentDocument::code).collect(Collectors.joining(", ")) + "."));
        if (production.getStatus() == ProductionStatus.ABSENT) {
            throw UploadRefusedException.conflict("La date limite de remise est dépassée : la production n° "
                    + productionId + " a été constatée non remise.");
        }
        if (production.getStatus() != ProductionStatus.AWAITING_SUBMISSION && production.getStatus() != ProductionStatus.RETURNED) {
            throw UploadRefusedException.conflict("La production n° " + productionId
                    + " n'attend pas de dépôt (état : " + production.getStatus() + ").");
        }
        if (!clock.instant().isBefore(production.getDeadline())) {
            throw UploadRefusedException.conflict("La date limite de remise est dépassée ("
                    + ProductionRecords.FRENCH_DATE.format(production.getDeadline()) + ").");
        }
        if (content.length == 0) {
            throw new UploadRefusedException(Reason.INVALID, "Le fichier « " + filename + " » est vide.");
        }
        if (content.length > maxFileBytes) {
            throw new UploadRefusedException(Reason.TOO_LARGE, "Le fichier « " + filename + " » dépasse la taille maximale de "
                    + DataSize.ofBytes(maxFileBytes).toMegabytes() + " Mo.");
        }
        String contentType = inspector.acceptedType(filename, content);

        Submission submission = submissions.findById(production.getSubmissionId()).orElseThrow();
        if (!document.multiple()) {
            files.deleteAll(files.findBySubmissionIdAndDocumentCode(submission.getId(), documentCode));
        }
        ProductionFile file = files.save(new ProductionFile(submission.getId(), documentCode, safeName(filename),
                contentType, content, sha256(content), uploadedBy, clock.instant()));

        Set<String> present = files.findBySubmissionIdOrderById(submission.getId()).stream()
                .map(ProductionFile::getDocumentCode).collect(Collectors.toSet());
        // Optional documents (the référentiel's required: false) never hold the submission back.
        List<String> missing = documents.stream().filter(AssessmentDocument::isRequired).map(AssessmentDocument::code)
                .filter(code -> !present.contains(code)).toList();
        if (missing.isEmpty()) {
            submit(submission);
        }
        return new Upload(file.getId(), documentCode, contentType, missing.isEmpty(), missing);
    }

    /** Marks the submission complete and delivers it to every production process waiting for it. */
    private void submit(Submission submission) {
        submission.submitted(clock.instant());
        int delivered = 0;
        for (Production member : productions.findBySubmissionId(submission.getId())) {
            if (member.getStatus() != ProductionStatus.AWAITING_SUBMISSION && member.getStatus() != ProductionStatus.RETURNED) {
                continue;
            }
            List<Execution> waiting = runtime.createExecutionQuery()
                    .messageEventSubscriptionName(ProcessKeys.MESSAGE_PRODUCTION_SUBMITTED)
                    .processDefinitionKey(ProcessKeys.PRODUCTION_ASSESSMENT)
                    .processInstanceBusinessKey(member.getProcessKey())
                    .list();
            if (waiting.isEmpty()) {
                continue;
            }
            runtime.createMessageCorrelation(ProcessKeys.MESSAGE_PRODUCTION_SUBMITTED)
                    .processInstanceId(waiting.get(0).getProcessInstanceId())
                    .correlate();
            member.moveTo(ProductionStatus.SUBMITTED);
            delivered++;
        }
        if (delivered == 0) {
            throw UploadRefusedException.conflict(
                    "Aucune évaluation n'attend cette production pour l'instant ; réessayez dans un instant.");
        }
    }

    private static String safeName(String filename) {
        String name = filename == null ? "document" : filename.replaceAll("[\\\\/]", "_").strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
