package fr.certiflow.grid;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.jury.JuryAssignment;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.referential.model.Component;
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
    private final ProductionRepository productions;
    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final CampaignReferentials referentials;
    private final IdentityService identity;
    private final Clock clock;

    GridGeneration(GridRepository grids, JuryAssignmentRepository assignments, ProductionRepository productions,
            CampaignRepository campaigns, CandidateRepository candidates, CampaignReferentials referentials,
            IdentityService identity, Clock clock) {
        this.grids = grids;
        this.assignments = assignments;
        this.productions = productions;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.referentials = referentials;
        this.identity = identity;
        this.clock = clock;
    }

    public void generate(DelegateExecution execution) {
        Production production = productions.findById(((Number) execution.getVariable(Variables.PRODUCTION_ID)).longValue()).orElseThrow();
        Campaign campaign = campaigns.findById(production.getCampaignId()).orElseThrow();
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        Component component = referentials.component(campaign, production.getComponentCode());
        // Written productions are anonymous for jurors: the grid shows the candidate number only.
        String candidateLabel = component.production().hasOral()
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
            byte[] content = GridWorkbook.write(referentials.of(campaign), component,
                    new GridWorkbook.Header(campaign.getName() + " (" + campaign.getCode() + ")", candidateLabel, jurorName, dates));
            grids.save(new Grid(production.getId(), assignment.getJurorUserId(), content, clock.instant()));
        }
    }
}
