package fr.certiflow.jury;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The jurors a coordinator chooses by hand when the rule found no eligible jury: checked as the form is submitted (a
 * coordinator, jurors of the campaign's pool), recorded on completion.
 */
@Component("manualAssignmentTaskListener")
public class ManualAssignmentTaskListener implements TaskListener, SubmissionCheck {

    /** The form field: juror user ids separated by commas, spaces or semicolons. */
    public static final String JUROR_IDS = "jurorIds";

    private final JuryAssignmentService service;
    private final JurorRepository jurors;
    private final ProductionContexts contexts;

    ManualAssignmentTaskListener(JuryAssignmentService service, JurorRepository jurors, ProductionContexts contexts) {
        this.service = service;
        this.jurors = jurors;
        this.contexts = contexts;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of("Task_AssignJuryManually");
    }

    @Override
    public void check(DelegateTask task) {
        TaskActors.requireMember(task, Groups.COORDINATORS, "Seul un coordinateur désigne un jury à la main.");
        chosen(task);
    }

    @Override
    public void notify(DelegateTask task) {
        check(task);
        service.record(contexts.production(task), List.copyOf(chosen(task)), true);
    }

    /** The jurors named in the form, each in the campaign's jury pool. */
    private Set<String> chosen(DelegateTask task) {
        Object value = task.getVariableLocal(JUROR_IDS);
        Set<String> ids = new LinkedHashSet<>();
        if (value instanceof String text) {
            Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw new ProcessException("Indiquez au moins un juré (identifiants séparés par des virgules).");
        }
        Production production = contexts.production(task);
        for (String id : ids) {
            if (jurors.findByCampaignIdAndUserId(production.getCampaignId(), id).isEmpty()) {
                throw new ProcessException("« " + id + " » n'est pas un juré du jury de cette campagne.");
            }
        }
        return ids;
    }
}
