package fr.certiflow.deliberation;

import fr.certiflow.process.ProcessException;
import fr.certiflow.process.Variables;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The certification jury confirms the proposed decisions of every candidate of the campaign. */
@Component("certificationJuryTaskListener")
public class CertificationJuryTaskListener implements TaskListener {

    public static final String CONFIRMED = "certificationConfirmed";

    private final CertificationDecisionRepository decisions;
    private final Clock clock;

    CertificationJuryTaskListener(CertificationDecisionRepository decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object confirmed = task.getVariable(CONFIRMED);
        if (!Boolean.TRUE.equals(confirmed) && !"true".equals(String.valueOf(confirmed))) {
            throw new ProcessException("Cochez la case de confirmation des décisions du jury de certification.");
        }
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String decidedBy = authentication != null ? authentication.getUserId()
                : task.getAssignee() != null ? task.getAssignee() : "inconnu";
        Long campaignId = ((Number) task.getVariable(Variables.CAMPAIGN_ID)).longValue();
        decisions.findByCampaignIdOrderByCandidateId(campaignId).forEach(decision -> decision.confirm(decidedBy, clock.instant()));
    }
}
