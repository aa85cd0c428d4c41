package fr.certiflow.production;

import fr.certiflow.process.ProcessException;
import fr.certiflow.process.Variables;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Shows the coordinator the production's files, then checks the admissibility decision before the task completes: a production may be returned once,
 * with a reason, and only while the candidate still has time to hand it in again.
 */
@Component("admissibilityTaskListener")
public class AdmissibilityTaskListener implements TaskListener {

    public static final String ADMISSIBLE = "RECEVABLE";
    public static final String RETURN = "A_RETOURNER";

    private final ProductionContexts contexts;
    private final ProductionDocuments documents;
    private final Clock clock;

    AdmissibilityTaskListener(ProductionContexts contexts, ProductionDocuments documents, Clock clock) {
        this.contexts = contexts;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, documents.markdownLinks(contexts.production(task).getId()));
            return;
        }
        Object decision = task.getVariable(Variables.ADMISSIBILITY);
        Production production = contexts.production(task);
        if (ADMISSIBLE.equals(decision)) {
            production.moveTo(ProductionStatus.ADMISSIBLE);
            return;
        }
        if (!RETURN.equals(decision)) {
            throw new ProcessException("Indiquez si la production est recevable ou à renvoyer au candidat.");
        }
        Object reason = task.getVariable(Variables.RETURN_REASON);
        if (!(reason instanceof String text) || text.isBlank()) {
            throw new ProcessException("Indiquez au candidat la raison du renvoi de sa production.");
        }
        if (production.getReturnedCount() >= 1) {
            throw new ProcessException("Cette production a déjà été renvoyée une fois : elle ne peut plus l'être.");
        }
        if (!clock.instant().isBefore(production.getDeadline())) {
            throw new ProcessException("La date limite de remise est passée : la production ne peut plus être renvoyée.");
        }
    }
}
