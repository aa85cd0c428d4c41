package fr.certiflow.deliberation;

import fr.certiflow.process.ProcessException;
import fr.certiflow.process.Variables;
import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The jury president's bloc deliberation: confirms the proposed result or overrides it with a written
 * justification; an adjournment (resit) only while the campaign allows another attempt.
 */
@Component("blocDeliberationTaskListener")
public class BlocDeliberationTaskListener implements TaskListener {

    public static final String DECISION = "blocDecision";
    public static final String JUSTIFICATION = "justification";
    static final Set<String> DECISIONS = Set.of(Decisions.VALIDE, Decisions.NON_VALIDE, Decisions.AJOURNE, Decisions.ABSENT);

    private final BlocResultRepository results;
    private final Clock clock;

    BlocDeliberationTaskListener(BlocResultRepository results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object value = task.getVariable(DECISION);
        String decision = value == null ? null : value.toString();
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new ProcessException("Choisissez la décision du jury pour ce bloc.");
        }
        String proposed = (String) task.getVariable(BlocProcess.PROPOSED_RESULT);
        Object justificationValue = task.getVariable(JUSTIFICATION);
        String justification = justificationValue == null || justificationValue.toString().isBlank() ? null
                : justificationValue.toString().strip();
        if (!decision.equals(proposed) && justification == null) {
            throw new ProcessException("La décision (" + Decisions.label(decision) + ") diffère du résultat proposé ("
                    + Decisions.label(proposed) + ") : une justification écrite est obligatoire.");
        }
        int attempt = BlocProcess.attempt(task.getExecution());
        int maxAttempts = ((Number) task.getVariable(BlocProcess.MAX_ATTEMPTS)).intValue();
        if (Decisions.AJOURNE.equals(decision) && attempt >= maxAttempts) {
            throw new ProcessException("Le candidat a épuisé ses " + maxAttempts + " passages autorisés : le bloc ne peut plus être ajourné.");
        }
        Long campaignId = ((Number) task.getVariable(Variables.CAMPAIGN_ID)).longValue();
        Long candidateId = ((Number) task.getVariable(Variables.CANDIDATE_ID)).longValue();
        String bloc = (String) task.getVariable(Variables.BLOC_CODE);
        String decidedBy = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? (task.getAssignee() == null ? "inconnu" : task.getAssignee())
                : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        results.findByCampaignIdAndCandidateIdAndBlocCodeAndAttempt(campaignId, candidateId, bloc, attempt)
                .ifPresent(previous -> {
                    results.delete(previous);
                    results.flush();
                });
        results.save(new BlocResult(campaignId, candidateId, bloc, attempt, proposed, decision, justification,
                decidedBy, clock.instant()));
    }
}
