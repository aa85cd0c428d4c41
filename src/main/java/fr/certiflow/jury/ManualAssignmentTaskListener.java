package fr.certiflow.jury;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ProcessException;
import fr.certiflow.production.ProductionContexts;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the jurors a coordinator chose by hand when the rule found no eligible jury. */
@Component("manualAssignmentTaskListener")
public class ManualAssignmentTaskListener implements TaskListener {

    /** The form field: juror user ids separated by commas, spaces or semicolons. */
    public static final String JUROR_IDS = "jurorIds";

    private final JuryAssignmentService service;
    private final ProductionContexts contexts;
    private final IdentityService identity;

    ManualAssignmentTaskListener(JuryAssignmentService service, ProductionContexts contexts, IdentityService identity) {
        this.service = service;
        this.contexts = contexts;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        Object value = task.getVariable(JUROR_IDS);
        Set<String> ids = new LinkedHashSet<>();
        if (value instanceof String text) {
            Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw new ProcessException("Indiquez au moins un juré (identifiants séparés par des virgules).");
        }
        for (String id : ids) {
            if (identity.createUserQuery().userId(id).memberOfGroup(Groups.JURORS).count() == 0) {
                throw new ProcessException("« " + id + " » n'est pas un juré connu.");
            }
        }
        service.record(contexts.production(task), List.copyOf(ids), true);
    }
}
