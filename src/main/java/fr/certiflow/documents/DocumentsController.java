package fr.certiflow.documents;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.deliberation.Decisions;
import fr.certiflow.evaluation.ConsolidatedRatingRepository;
import fr.certiflow.evaluation.EvaluationRepository;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.jury.JuryDerogationRepository;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.progress.CampaignProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Collectors;
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

/** The jury's documents as Excel workbooks: minutes, progress, consolidated grids. */
@RestController
class DocumentsController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MinutesService minutes;
    private final CampaignProgress progress;
    private final ProductionContexts contexts;
    private final ProductionRepository productions;
    private final CandidateRepository candidates;
    private final EvaluationRepository evaluations;
    private final ConsolidatedRatingRepository consolidated;
    private final JuryAssignmentRepository assignments;
    private final JurorRepository jurors;
    private final JuryDerogationRepository derogations;

    DocumentsController(MinutesService minutes, CampaignProgress progress, ProductionContexts contexts,
            ProductionRepository productions, CandidateRepository candidates, EvaluationRepository evaluations,
            ConsolidatedRatingRepository consolidated, JuryAssignmentRepository assignments, JurorRepository jurors,
            JuryDerogationRepository derogations) {
        this.assignments = assignments;
        this.jurors = jurors;
        this.derogations = derogations;
        this.minutes = minutes;
        this.progress = progress;
        this.contexts = contexts;
        this.productions = productions;
        this.candidates = candidates;
        this.evaluations = evaluations;
        this.consolidated = consolidated;
    }

    @GetMapping("/api/campaigns/{id}/minutes")
    ResponseEntity<byte[]> minutes(@PathVariable Long id) {
        return workbook("pv-deliberation-" + id + ".xlsx", minutes.minutes(id));
    }

    @GetMapping("/api/campaigns/{id}/progress.xlsx")
    ResponseEntity<byte[]> progress(@PathVariable Long id) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ProgressWorkbook.write(out, progress.of(id));
            return workbook("avancement-" + id + ".xlsx", out.toByteArray());
        }
    }

    @GetMapping("/api/productions/{id}/consolidated.xlsx")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> consolidated(@PathVariable Long id) {
        if (!productions.existsById(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune production n° " + id + ".");
        }
        ProductionContexts.Context context = contexts.of(id);
        Candidate candidate = candidates.findById(context.production().getCandidateId()).orElseThrow();
        byte[] content = ConsolidatedGridWorkbook.write("Grille consolidée — " + context.campaign().getName(),
                candidate.getNumber() + (context.component().production().hasOral() ? " " + candidate.fullName() : ""),
                context.component(), evaluations.findByProductionIdOrderByJurorUserId(id),
                consolidated.findByProductionIdOrderByCriterionCode(id),
                context.production().getResult() == null ? null : Decisions.label(context.production().getResult()),
                JuryDesignations.jury(assignments.findByProductionIdOrderByJurorUserId(id),
                        jurors.findByCampaignIdOrderByUserId(context.campaign().getId()).stream()
                                .collect(Collectors.toMap(Juror::getUserId, Function.identity()))),
                derogations.findByProductionId(id).map(JuryDesignations::derogation).orElse(null));
        return workbook("grille-consolidee-" + id + ".xlsx", content);
    }

    private static ResponseEntity<byte[]> workbook(String filename, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(XLSX)
                .body(content);
    }
}
