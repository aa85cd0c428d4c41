package fr.certiflow.grid;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.jury.JuryAssignment;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.referential.model.Component;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;

/**
 * The grid step of the production process: one Excel grid per assigned juror, stored by Certiflow. A grid already
 * generated is kept, so a job that runs again after a crash does not generate it twice.
 */
@org.springframework.stereotype.Component("gridGeneration")
public class GridGeneration {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private final GridRepository grids;
    private final JuryAssignmentRepository assignments;
    private final ProductionContexts contexts;
    private final CandidateRepository candidates;
    private final IdentityService identity;
    private final Clock clock;
    private final Timer timer;

    GridGeneration(GridRepository grids, JuryAssignmentRepository assignments, ProductionContexts contexts,
            CandidateRepository candidates, IdentityService identity, Clock clock, MeterRegistry meters) {
        this.timer = Timer.builder("certiflow.grid.generation").description("Grids of one production generated").register(meters);
        this.grids = grids;
        this.assignments = assignments;
        this.contexts = contexts;
        this.candidates = candidates;
        this.identity = identity;
        this.clock = clock;
    }

    /** The VAE route, in place of the référentiel's production (one line, as wide as the grid); null otherwise. */
    static String vaeRoute(ProductionContexts.Context context) {
        return context.route().vae() ? context.route().describe() : null;
    }

    public void generate(DelegateExecution execution) {
        timer.record(() -> generateGrids(execution));
    }

    private void generateGrids(DelegateExecution execution) {
        ProductionContexts.Context context = contexts.of(execution);
        Production production = context.production();
        Campaign campaign = context.campaign();
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        Component component = context.component();
        // Written productions are anonymous for jurors: the grid shows the candidate number only.
        String candidateLabel = context.route().oral()
                ? candidate.fullName() + " (n° " + candidate.getNumber() + ")"
                : "n° " + candidate.getNumber();
        for (JuryAssignment assignment : assignments.findByProductionIdOrderByJurorUserId(production.getId())) {
            if (grids.findByProductionIdAndJurorUserId(production.getId(), assignment.getJurorUserId()).isPresent()) {
                continue;
            }
            User juror = identity.createUserQuery().userId(assignment.getJurorUserId()).singleResult();
            String jurorName = juror == null ? assignment.getJurorUserId()
                    : (juror.getFirstName() + " " + juror.getLastName()).strip();
            String dates = "Remise avant le " + DAY.format(production.getDeadline())
                    + (campaign.getEvaluationDeadline() == null ? "" : " — évaluation avant le " + DAY.format(campaign.getEvaluationDeadline()));
            String token = java.util.UUID.randomUUID().toString();
            byte[] content = GridWorkbook.write(context.referential(), context.scale(), component,
                    new GridWorkbook.Header(campaign.getName() + " (" + campaign.getCode() + ")", candidateLabel, jurorName, dates,
                            vaeRoute(context)),
                    token, production.getId(), assignment.getJurorUserId());
            grids.save(new Grid(production.getId(), assignment.getJurorUserId(), token, content, clock.instant()));
        }
    }
}
