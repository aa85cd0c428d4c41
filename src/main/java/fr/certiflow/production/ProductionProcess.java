package fr.certiflow.production;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import fr.certiflow.process.Decision;
import fr.certiflow.process.FormIds;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.Variables;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;


/**
 * Glue of the production assessment process: opening the submission, reminder, absence, return to the candidate
 * and the recorded result. Every method is idempotent, since a job may run again after a crash.
 */
@Service("productionProcess")
public class ProductionProcess {

    static final DateTimeFormatter FRENCH_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final CampaignReferentials referentials;
    private final SubmissionRepository submissions;
    private final ProductionRepository productions;
    private final ProductionContexts contexts;
    private final Notifier notifier;
    private final Clock clock;

    ProductionProcess(CampaignRepository campaigns, CandidateRepository candidates, CampaignReferentials referentials,
            SubmissionRepository submissions, ProductionRepository productions, ProductionContexts contexts,
            Notifier notifier, Clock clock) {
        this.contexts = contexts;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.referentials = referentials;
        this.submissions = submissions;
        this.productions = productions;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Opens every first-attempt submission of the campaign before any production starts: one per candidate, one per
     * group for a collective composante. The members of a group then find their shared submission instead of racing
     * to create it from parallel jobs (a unique-key violation, retried, and an error in the log each time).
     */
    public void openSubmissions(DelegateExecution execution) {
        Campaign campaign = campaigns.findById(ProcessVariables.of(execution).campaignId()).orElseThrow();
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

    /** Creates (or finds again) the production and its submission, and sets the variables the process reads. */
    public void open(DelegateExecution execution) {
        Campaign campaign = campaigns.findById(ProcessVariables.of(execution).campaignId()).orElseThrow();
        Candidate candidate = candidates.findById(ProcessVariables.of(execution).candidateId()).orElseThrow();
        String componentCode = ProcessVariables.of(execution).componentCode();
        int attempt = ProcessVariables.of(execution).attempt();
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
        if (!processKey.equals(execution.getProcessBusinessKey())) {
            throw new IllegalStateException("Production process " + execution.getProcessInstanceId() + " has business key "
                    + execution.getProcessBusinessKey() + " but its variables name " + processKey);
        }
        Submission submission = submission(campaign, route, candidate, attempt);
        Production production = productions.findByCampaignIdAndCandidateIdAndComponentCodeAndAttempt(
                        campaign.getId(), candidate.getId(), componentCode, attempt)
                .orElseGet(() -> productions.save(new Production(campaign.getId(), candidate.getId(), componentCode,
                        attempt, processKey, submission.getId(), deadline)));

        boolean oral = route.oral();
        execution.setVariable(Variables.PRODUCTION_ID, production.getId());
        execution.setVariable(Variables.ROUTE, route.describe());
        execution.setVariable(Variables.SUBMISSION_DEADLINE, Date.from(production.getDeadline()));
        execution.setVariable(Variables.REMINDER_AT,
                Date.from(production.getDeadline().minus(Duration.ofDays(campaign.getReminderDays()))));
        execution.setVariable(Variables.ENGLISH_REQUIRED, route.englishRequired());
        // A group's first attempt is assessed at the group's sitting; a resit is individual (attempt > 1). A VAE
        // candidate's composantes of a bloc share one dossier: they are assessed at one sitting (one admissibility, one
        // jury, one interview), at every attempt.
        execution.setVariable(Variables.GROUP_SITTING,
                route.vae() || attempt == 1 && route.collective() && candidate.getGroupCode() != null);
        execution.setVariable(Variables.ORAL, oral);
        execution.setVariable(Variables.CANDIDATE_LABEL, oral
                ? candidate.fullName() + " (" + candidate.getNumber() + (route.vae() ? ", VAE" : "") + ")"
                : "Candidat n° " + candidate.getNumber());
        execution.setVariable(Variables.COMPONENT_LABEL, component.code() + " " + component.title());
        execution.setVariable(Variables.EVALUATION_FORM_ID, FormIds.evaluation(regulation, component));
        execution.setVariable(Variables.HARMONISATION_FORM_ID, FormIds.harmonisation(regulation, component));
        execution.setVariable(Variables.EVALUATION_DUE,
                campaign.getEvaluationDeadline() == null ? null : Date.from(campaign.getEvaluationDeadline()));
    }

    /**
     * Opens a VAE candidate's « dossier de validation » of the bloc before the composantes' assessments start, so that
     * they find the one submission they share instead of racing to create it.
     */
    public void openValidationFile(DelegateExecution execution) {
        Campaign campaign = campaigns.findById(ProcessVariables.of(execution).campaignId()).orElseThrow();
        Candidate candidate = candidates.findById(ProcessVariables.of(execution).candidateId()).orElseThrow();
        Referential referential = referentials.of(campaign);
        String blocCode = ProcessVariables.of(execution).blocCode();
        Bloc bloc = referential.bloc(blocCode)
                .orElseThrow(() -> new IllegalStateException("No bloc " + blocCode + " in the campaign's référentiel"));
        AssessmentRoute route = AssessmentRoute.of(referentials.regulation(campaign), referential,
                bloc.components().get(0), candidate);
        if (!route.vae()) {
            throw new IllegalStateException("Candidate " + candidate.getNumber() + " is not on the VAE route");
        }
        submission(campaign, route, candidate, ProcessVariables.of(execution).attempt());
        execution.setVariable(Variables.ROUTE, route.describe());
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

    /** The non-interrupting reminder: one message per production and attempt, however often the timer fires. */
    public void sendReminder(DelegateExecution execution) {
        Production production = production(execution);
        if (production.getStatus() != ProductionStatus.AWAITING_SUBMISSION
                && production.getStatus() != ProductionStatus.RETURNED) {
            return;
        }
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        AssessmentRoute route = contexts.of(execution).route();
        if (route.vae()) {
            // One dossier for the bloc's composantes: one reminder, whichever composante's timer fires first.
            notifier.queue(MailTemplates.DOSSIER_REMINDER, candidate.getEmail(), Map.of(
                            "candidat", candidate.fullName(),
                            "campagne", campaignName(production),
                            "dossier", route.vaeDossierName(),
                            "composantes", coveredComponents(production),
                            "echeance", FRENCH_DATE.format(production.getDeadline())),
                    production.getId(), "reminder:dossier:" + production.getSubmissionId() + ":" + production.getReturnedCount());
            return;
        }
        notifier.queue(MailTemplates.REMINDER, candidate.getEmail(), Map.of(
                        "candidat", candidate.fullName(),
                        "campagne", campaignName(production),
                        "code", production.getComponentCode(),
                        "composante", String.valueOf(execution.getVariable(Variables.COMPONENT_LABEL)),
                        "echeance", FRENCH_DATE.format(production.getDeadline())),
                production.getId(), "reminder:" + production.getId() + ":" + production.getReturnedCount());
    }

    /** The deadline passed without a complete submission: the composante ends as absent. */
    public void recordAbsence(DelegateExecution execution) {
        Production production = production(execution);
        production.decided(Decision.ABSENT.code());
        execution.setVariable(Variables.COMPONENT_RESULT, Decision.ABSENT.code());
    }

    /** The coordinator returned the production: the candidate may hand it in again until the deadline. */
    public void returnToCandidate(DelegateExecution execution) {
        Production production = production(execution);
        String reason = ProcessVariables.of(execution).returnReason().orElse(null);
        if (production.getStatus() != ProductionStatus.RETURNED) {
            production.returned(reason);
            submissions.findById(production.getSubmissionId()).orElseThrow().reopen();
        }
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        AssessmentRoute route = contexts.of(execution).route();
        if (route.vae()) {
            returnDossier(production, candidate, route, reason);
            return;
        }
        notifier.queue(MailTemplates.RETURNED, candidate.getEmail(), Map.of(
                        "candidat", candidate.fullName(),
                        "campagne", campaignName(production),
                        "code", production.getComponentCode(),
                        "composante", String.valueOf(execution.getVariable(Variables.COMPONENT_LABEL)),
                        "motif", RequiredContents.describeMissing(production.getMissingContents())
                                + (reason == null || reason.isBlank() ? "(motif non précisé)" : reason.strip()),
                        "echeance", FRENCH_DATE.format(production.getDeadline())),
                production.getId(), "returned:" + production.getId() + ":" + production.getReturnedCount());
    }

    /**
     * A VAE candidate's dossier covers the bloc's composantes: each composante's process returns its production, but
     * the candidate gets one message for the dossier (queued once per dossier and return, whichever composante's
     * process runs first), naming the composantes it covers and what is missing.
     */
    private void returnDossier(Production production, Candidate candidate, AssessmentRoute route, String reason) {
        notifier.queue(MailTemplates.DOSSIER_RETURNED, candidate.getEmail(), Map.of(
                        "candidat", candidate.fullName(),
                        "campagne", campaignName(production),
                        "dossier", route.vaeDossierName(),
                        "composantes", coveredComponents(production),
                        "motif", RequiredContents.describeMissing(production.getMissingContents())
                                + (reason == null || reason.isBlank() ? "(motif non précisé)" : reason.strip()),
                        "echeance", FRENCH_DATE.format(production.getDeadline())),
                production.getId(), "returned:dossier:" + production.getSubmissionId() + ":" + production.getReturnedCount());
    }

    /** « composantes A.1, A.2 »: what a VAE candidate's dossier covers at this attempt. */
    private String coveredComponents(Production production) {
        String covered = productions.findBySubmissionId(production.getSubmissionId()).stream()
                .map(Production::getComponentCode).sorted().collect(java.util.stream.Collectors.joining(", "));
        return (covered.contains(",") ? "composantes " : "composante ") + covered;
    }

    private String campaignName(Production production) {
        return campaigns.findById(production.getCampaignId()).orElseThrow().getName();
    }

    /** The jury of the group's sitting recorded this member absent at the oral: the composante ends as absent. */
    public void recordOralAbsence(DelegateExecution execution) {
        production(execution).decided(Decision.ABSENT.code());
        execution.setVariable(Variables.COMPONENT_RESULT, Decision.ABSENT.code());
    }

    public void recordResult(DelegateExecution execution) {
        production(execution).decided(ProcessVariables.of(execution).componentResult().orElse(null));
    }

    Production production(DelegateExecution execution) {
        return contexts.production(execution);
    }

    Instant now() {
        return clock.instant();
    }
}
