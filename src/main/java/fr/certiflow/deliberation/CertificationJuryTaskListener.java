package fr.certiflow.deliberation;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The certification jury, chaired by a jury president, confirms the proposed decisions of every candidate of the campaign. */
@Component("certificationJuryTaskListener")
public class CertificationJuryTaskListener implements TaskListener, SubmissionCheck {

    public static final String CONFIRMED = "certificationConfirmed";

    private final CertificationDecisionRepository decisions;
    private final Clock clock;

    CertificationJuryTaskListener(CertificationDecisionRepository decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of("Task_CertificationJury");
    }

    @Override
    public void check(DelegateTask task) {
        confirmedBy(task);
    }

    @Override
    public void notify(DelegateTask task) {
        String decidedBy = confirmedBy(task);
        Long campaignId = ((Number) task.getVariable(Variables.CAMPAIGN_ID)).longValue();
        decisions.findByCampaignIdOrderByCandidateId(campaignId).forEach(decision -> decision.confirm(decidedBy, clock.instant()));
    }

    /** The jury president who confirms, once the form's box is ticked. */
    private static String confirmedBy(DelegateTask task) {
        String president = TaskActors.requireMember(task, Groups.JURY_PRESIDENTS,
                "Seul un président de jury confirme les décisions du jury de certification.");
        Object confirmed = task.getVariableLocal(CONFIRMED);
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new ProcessException("Cochez la case de confirmation des décisions du jury de certification.");
        }
        return president;
    }
}
