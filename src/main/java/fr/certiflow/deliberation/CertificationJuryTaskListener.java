package fr.certiflow.deliberation;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The campaign's certification jury task (see {@link CertificationJuries}): on creation, what the jury reads; as the
 * form is submitted, the check of the sitting (a jury president chairs); on completion, its record.
 */
@Component("certificationJuryTaskListener")
public class CertificationJuryTaskListener implements TaskListener, SubmissionCheck {

    private final CertificationJuries juries;

    public CertificationJuryTaskListener(CertificationJuries juries) {
        this.juries = juries;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.CERTIFICATION_JURY);
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            CertificationJuries.Submission submission = submission(task);
            EngineErrors.forForm(() -> juries.record(ProcessVariables.of(task).campaignId(), submission));
        }
    }

    @Override
    public void check(DelegateTask task) {
        CertificationJuries.Submission submission = submission(task);
        juries.check(ProcessVariables.of(task).campaignId(), submission);
    }

    private void created(DelegateTask task) {
        CertificationJuries.Briefing briefing = juries.brief(ProcessVariables.of(task).campaignId());
        task.setVariableLocal(Variables.CERTIFICATION_JURY_RULES, briefing.rules());
        task.setVariableLocal(Variables.CERTIFICATION_JURY_POOL, SpinValues.jsonValue(briefing.poolJson()).create());
        task.setVariableLocal(Variables.CERTIFICATION_PROPOSALS, SpinValues.jsonValue(briefing.proposalsJson()).create());
        task.setVariableLocal(Variables.MINUTES_LINK, briefing.minutesLink());
    }

    /** The form's values (task-local), once a jury president is found to chair. */
    private static CertificationJuries.Submission submission(DelegateTask task) {
        String chair = TaskActors.requireMember(task, Groups.JURY_PRESIDENTS,
                "Seul un président de jury préside le jury de certification et enregistre ses décisions.");
        return new CertificationJuries.Submission(chair, plain(task.getVariableLocal(Variables.CERTIFICATION_JURY_MEMBERS)),
                plain(task.getVariableLocal(Variables.CERTIFICATION_JURY_PRESENT)),
                task.getVariableLocal(Variables.CERTIFICATION_EXCEPTIONS),
                Boolean.TRUE.equals(task.getVariableLocal(Variables.CERTIFICATION_CONFIRMED)));
    }

    /** A checklist's value as Tasklist submits it: a JSON value, read as its text. */
    private static Object plain(Object value) {
        return value instanceof SpinJsonNode json ? json.toString() : value;
    }
}
