package fr.certiflow.deliberation;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.identity.Groups;
import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.Decision;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The jury president's bloc deliberation: confirms the proposed result or overrides it with a written
 * justification; an adjournment (resit) only while the campaign allows another attempt. Checked as the form is
 * submitted (a jury president decides), recorded with its author on completion and handed to the process.
 */
@Component("blocDeliberationTaskListener")
public class BlocDeliberationTaskListener implements TaskListener, SubmissionCheck {

    static final Set<String> DECISIONS = Decision.BLOC_DECISIONS.stream().map(Decision::code)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final BlocResultRepository results;
    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final Notifier notifier;
    private final Clock clock;
    private final CampaignReferentials referentials;

    BlocDeliberationTaskListener(BlocResultRepository results, CampaignRepository campaigns, CandidateRepository candidates,
            Notifier notifier, Clock clock, CampaignReferentials referentials) {
        this.referentials = referentials;
        this.results = results;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.DELIBERATE_BLOC);
    }

    private record Deliberation(String decision, String justification, String decidedBy) {
    }

    @Override
    public void check(DelegateTask task) {
        deliberation(task);
    }

    @Override
    public void notify(DelegateTask task) {
        Deliberation deliberation = deliberation(task);
        int attempt = BlocProcess.attempt(task.getExecution());
        Long campaignId = ProcessVariables.of(task).campaignId();
        Long candidateId = ProcessVariables.of(task).candidateId();
        String bloc = ProcessVariables.of(task).blocCode();
        results.findByCampaignIdAndCandidateIdAndBlocCodeAndAttempt(campaignId, candidateId, bloc, attempt)
                .ifPresent(previous -> {
                    throw new IllegalStateException("Bloc " + bloc + " of candidate " + candidateId + " was already decided at attempt " + attempt);
                });
        results.save(new BlocResult(campaignId, candidateId, bloc, attempt, ProcessVariables.of(task).proposedResult().orElse(null),
                deliberation.decision(), deliberation.justification(), deliberation.decidedBy(), clock.instant()));
        task.getExecution().setVariable(Variables.BLOC_DECISION, deliberation.decision());
        Candidate candidate = candidates.findById(candidateId).orElseThrow();
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        notifier.queue(MailTemplates.BLOC_RESULT, candidate.getEmail(), Map.of(
                        "candidat", candidate.fullName(),
                        "campagne", campaign.getName(),
                        "bloc", bloc,
                        "decision", Decision.label(deliberation.decision()).toLowerCase(java.util.Locale.FRENCH),
                        "suite", nextStep(deliberation.decision(),
                                referentials.regulation(campaign).resits().keepsValidatedComponents())),
                null, "bloc-result:" + campaignId + ":" + candidateId + ":" + bloc + ":" + attempt);
    }

    /**
     * What the candidate must do after the jury's decision on a bloc.
     *
     * @param resitKeepsValidated whether a resit keeps the composantes validated (the règlement's {@code resits.keep})
     */
    static String nextStep(String decision, boolean resitKeepsValidated) {
        if (Decision.VALIDE.is(decision)) {
            return "rien pour ce bloc, qui vous est acquis ; la décision de certification vous sera adressée après le jury "
                    + "final.";
        }
        if (Decision.AJOURNE.is(decision)) {
            return (resitKeepsValidated ? "repasser les composantes non validées de ce bloc ; leurs"
                    : "repasser toutes les composantes de ce bloc, celles déjà validées comprises ; leurs")
                    + " nouvelles échéances vous seront communiquées par un prochain courriel.";
        }
        return "prendre contact avec le coordinateur de la session pour connaître les possibilités de le repasser lors "
                + "d'une prochaine session.";
    }

    /** The decision the form submitted, from the task's own variables, once checked. */
    private static Deliberation deliberation(DelegateTask task) {
        String decidedBy = TaskActors.requireMember(task, Groups.JURY_PRESIDENTS,
                "Seul un président de jury délibère sur un bloc.");
        Object value = task.getVariableLocal(Variables.BLOC_DECISION);
        String decision = value == null ? null : value.toString();
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new ProcessException("Choisissez la décision du jury pour ce bloc.");
        }
        String proposed = ProcessVariables.of(task).proposedResult().orElse(null);
        Object justificationValue = task.getVariableLocal(Variables.JUSTIFICATION);
        String justification = justificationValue == null || justificationValue.toString().isBlank() ? null
                : justificationValue.toString().strip();
        if (!decision.equals(proposed) && justification == null) {
            throw new ProcessException("La décision (" + Decision.label(decision) + ") diffère du résultat proposé ("
                    + Decision.label(proposed) + ") : une justification écrite est obligatoire.");
        }
        if (justification != null && justification.length() > 4000) {
            throw new ProcessException("La justification dépasse 4000 caractères.");
        }
        int attempt = BlocProcess.attempt(task.getExecution());
        int maxAttempts = ProcessVariables.of(task).maxAttempts();
        if (Decision.AJOURNE.is(decision) && attempt >= maxAttempts) {
            throw new ProcessException("Le candidat a épuisé ses " + maxAttempts + " passages autorisés : le bloc ne peut plus être ajourné.");
        }
        return new Deliberation(decision, justification, decidedBy);
    }
}
