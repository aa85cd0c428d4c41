package fr.certiflow.campaign;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The coordinator says the cohort and the jury are imported: the campaign is launched if it has both. */
@Component("prepareCohortTaskListener")
public class PrepareCohortTaskListener implements TaskListener, SubmissionCheck {

    private final CampaignReadiness readiness;

    public PrepareCohortTaskListener(CampaignReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.PREPARE_COHORT);
    }

    @Override
    public void check(DelegateTask task) {
        TaskActors.requireMember(task, Groups.COORDINATORS, "Seul un coordinateur lance une campagne.");
        readiness.check(ProcessVariables.of(task).campaignId());
    }

    @Override
    public void notify(DelegateTask task) {
        EngineErrors.forForm(() -> check(task));
        readiness.launch(ProcessVariables.of(task).campaignId());
    }
}
