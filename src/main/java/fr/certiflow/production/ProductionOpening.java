package fr.certiflow.production;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.FormIds;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Opens what candidates hand in: a campaign's first-attempt submissions, a production and its submission (with its
 * deadline, accommodations included, and what its process needs to know of its route), a VAE candidate's dossier of a
 * bloc. Every method is idempotent: a job may run again after a crash.
 */
@Service
public class ProductionOpening {

    /** What the production process reads once its production is open. */
    public record OpenedProduction(Long productionId, String route, Instant submissionDeadline, Instant reminderAt,
            boolean englishRequired, boolean groupSitting, boolean oral, String candidateLabel, String componentLabel,
            String evaluationFormId, String harmonisationFormId, Instant evaluationDue) {
    }

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final CampaignReferentials referentials;
    private final SubmissionRepository submissions;
    private final ProductionRepository productions;
    private final Clock clock;

    ProductionOpening(CampaignRepository campaigns, CandidateRepository candidates, CampaignReferentials referentials,
            SubmissionRepository submissions, ProductionRepository productions, Clock clock) {
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.referentials = referentials;
        this.submissions = submissions;
        this.productions = productions;
        this.clock = clock;
    }

    /**
     * Opens every first-attempt submission of the campaign before any production starts: one per candidate, one per
     * group for a collective composante. The members of a group then find their shared submission instead of racing
     * to create it from parallel jobs (a unique-key violation, retried, and an error in the log each time).
     */
    public void openSubmissions(long campaignId) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        Referential referential = referentials.of(campaign);
        Regulation regulation = referentials.regulation(campaign);
        Set<String> existing = new HashSet<>();
        for (Submission submission : submissions.findByCampaignIdAndAttempt(campaign.getId(), 1)) {
            existing.add(submission.getComponentCode() + " " + submission.getOwnerKey());
        }
        List<Submission> missing = new ArrayList<>();
        for (Candidate candidate : candidates.findByCampaignIdOrderByNumber(campaign.getId())) {
            for (Bloc bloc : referential.blocs()) {
                if (!campaign.assesses(candidate, bloc.code(), regulation.bloc())) {
                    continue;
                }
                for (Component component : bloc.components()) {
                    AssessmentRoute route = AssessmentRoute.of(regulation, referential, component, candidate);
                    String owner = Submission.ownerKey(route, candidate);
                    if (existing.add(route.submissionCode() + " " + owner)) {
                        missing.add(new Submission(campaign.getId(), route.submissionCode(), 1, owner));
                    }
                }
            }
        }
        submissions.saveAll(missing);
    }

    /**
     * Creates (or finds again) the production and its submission. The process's business key must be the one the
     * production's campaign, candidate, composante and attempt name.
     */
    public OpenedProduction open(long campaignId, long candidateId, String componentCode, int attempt, String businessKey,
            String processInstanceId) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        Candidate candidate = candidates.findById(candidateId).orElseThrow();
        Regulation regulation = referentials.regulation(campaign);
        Component component = referentials.component(campaign, componentCode);
        AssessmentRoute route = AssessmentRoute.of(regulation, referentials.of(campaign), component, candidate);

        Instant campaignDeadline = submissionDeadline(campaign, route);
        // A resit opens a new submission period from now; accommodations extend it in the same way.
        Instant opens = attempt == 1 ? campaign.getOpensAt() : clock.instant();
        Instant due = attempt == 1 ? campaignDeadline : opens.plus(Duration.ofDays(campaign.getResitPeriodDays()));
        Instant deadline = candidate.getAccommodation().extend(opens, due, candidate.getExtensionDays(),
                regulation.accommodations().tiersTemps().deadline());
        String processKey = ProcessKeys.productionBusinessKey(campaign.getCode(), candidate.getNumber(), componentCode, attempt);
        if (!processKey.equals(businessKey)) {
            throw new IllegalStateException("Production process " + processInstanceId + " has business key "
                    + businessKey + " but its variables name " + processKey);
        }
        Submission submission = submission(campaign, route, candidate, attempt);
        Production production = productions.findByCampaignIdAndCandidateIdAndComponentCodeAndAttempt(
                        campaign.getId(), candidate.getId(), componentCode, attempt)
                .orElseGet(() -> productions.save(new Production(campaign.getId(), candidate.getId(), componentCode,
                        attempt, processKey, submission.getId(), deadline)));

        boolean oral = route.oral();
        return new OpenedProduction(production.getId(), route.describe(), production.getDeadline(),
                production.getDeadline().minus(Duration.ofDays(campaign.getReminderDays())), route.englishRequired(),
                // A group's first attempt is assessed at the group's sitting; a resit is individual (attempt > 1). A VAE
                // candidate's composantes of a bloc share one dossier: they are assessed at one sitting (one
                // admissibility, one jury, one interview), at every attempt.
                route.vae() || attempt == 1 && route.collective() && candidate.getGroupCode() != null,
                oral,
                oral ? candidate.fullName() + " (" + candidate.getNumber() + (route.vae() ? ", VAE" : "") + ")"
                        : "Candidat n° " + candidate.getNumber(),
                component.code() + " " + component.title(),
                FormIds.evaluation(regulation, component),
                FormIds.harmonisation(regulation, component),
                campaign.getEvaluationDeadline());
    }

    /**
     * Opens a VAE candidate's « dossier de validation » of the bloc before the composantes' assessments start, so that
     * they find the one submission they share instead of racing to create it. Returns the route's description.
     */
    public String openValidationFile(long campaignId, long candidateId, String blocCode, int attempt) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        Candidate candidate = candidates.findById(candidateId).orElseThrow();
        Referential referential = referentials.of(campaign);
        Bloc bloc = referential.bloc(blocCode)
                .orElseThrow(() -> new IllegalStateException("No bloc " + blocCode + " in the campaign's référentiel"));
        AssessmentRoute route = AssessmentRoute.of(referentials.regulation(campaign), referential,
                bloc.components().get(0), candidate);
        if (!route.vae()) {
            throw new IllegalStateException("Candidate " + candidate.getNumber() + " is not on the VAE route");
        }
        submission(campaign, route, candidate, attempt);
        return route.describe();
    }

    private Submission submission(Campaign campaign, AssessmentRoute route, Candidate candidate, int attempt) {
        // A resit is individual: the member hands in their own production, even on a collective composante.
        String owner = attempt > 1 && route.collective() ? Submission.candidateOwner(candidate.getNumber())
                : Submission.ownerKey(route, candidate);
        return submissions.findByCampaignIdAndComponentCodeAndAttemptAndOwnerKey(
                        campaign.getId(), route.submissionCode(), attempt, owner)
                .orElseGet(() -> submissions.save(new Submission(campaign.getId(), route.submissionCode(), attempt, owner)));
    }

    /** The composante's deadline; a VAE dossier covers the bloc, due at the latest deadline of its composantes. */
    private static Instant submissionDeadline(Campaign campaign, AssessmentRoute route) {
        List<Component> covered = route.vae() ? route.bloc().components() : List.of(route.component());
        Instant latest = null;
        for (Component component : covered) {
            Instant deadline = campaign.submissionDeadline(component.code()).orElseThrow(() -> new IllegalStateException(
                    "Campaign " + campaign.getCode() + " has no submission deadline for component " + component.code()));
            latest = latest == null || deadline.isAfter(latest) ? deadline : latest;
        }
        return latest;
    }
}
