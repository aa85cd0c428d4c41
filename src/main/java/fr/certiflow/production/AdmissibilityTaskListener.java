package fr.certiflow.production;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.identity.Groups;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.Admissibility;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The coordinator's admissibility check. Shows the production's files, the référentiel's required contents as a
 * checklist ({@link RequiredContents}) and, for documents required in a language, what the language check found (on
 * the task, for its form alone); then, as the form is submitted, checks the
 * decision: a production may be returned once, with a reason, and only while the candidate still has time to hand it
 * in again. On completion the decision, read from the task's own variables, is handed to the process; the reason of a
 * return only as a transient variable for the step that mails it (the production and the task keep it).
 */
@Component("admissibilityTaskListener")
public class AdmissibilityTaskListener implements TaskListener, SubmissionCheck {

    /** The missing items and the reason, as the return mail carries them (its body holds 4000 characters). */
    static final int RETURN_TEXT_MAXIMUM = 3500;

    private final ProductionContexts contexts;
    private final ProductionDocuments documents;
    private final LanguageCheck languageCheck;
    private final CandidateRepository candidates;
    private final Clock clock;

    AdmissibilityTaskListener(ProductionContexts contexts, ProductionDocuments documents, LanguageCheck languageCheck,
            CandidateRepository candidates, Clock clock) {
        this.contexts = contexts;
        this.candidates = candidates;
        this.languageCheck = languageCheck;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.CHECK_ADMISSIBILITY);
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            ProductionContexts.Context context = contexts.of(task);
            Long productionId = context.production().getId();
            task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, documents.markdownLinks(productionId));
            task.setVariableLocal(Variables.PRODUCTION_CONSOLE, "/certiflow/productions/" + productionId);
            String languages = languageCheck.summary(context);
            if (languages != null) {
                task.setVariableLocal(Variables.LANGUAGE_CHECK_SUMMARY, languages);
            }
            showRequiredContents(task, context);
            return;
        }
        EngineErrors.forForm(() -> {
            check(task);
            recordRequiredContents(task);
        });
        Object decision = task.getVariableLocal(Variables.ADMISSIBILITY);
        if (Admissibility.RECEVABLE.is(decision)) {
            // At a sitting, the group's production is every member's: each becomes admissible.
            contexts.members(task).forEach(member -> member.moveTo(ProductionStatus.ADMISSIBLE));
        } else {
            // Read by the return step in this same transaction (no wait state between them): nothing to keep.
            task.getExecution().setVariable(Variables.RETURN_REASON, org.camunda.bpm.engine.variable.Variables.stringValue(
                    ProcessVariables.local(task).string(Variables.RETURN_REASON).orElse("").strip(), true));
        }
        task.getExecution().setVariable(Variables.ADMISSIBILITY, decision);
    }

    @Override
    public void check(DelegateTask task) {
        TaskActors.requireMember(task, Groups.COORDINATORS, "Seul un coordinateur décide de la recevabilité d'une production.");
        Object decision = task.getVariableLocal(Variables.ADMISSIBILITY);
        if (Admissibility.RECEVABLE.is(decision)) {
            checkAdmissibleDespiteMissing(task);
            return;
        }
        if (!Admissibility.A_RETOURNER.is(decision)) {
            throw new ProcessException("Indiquez si la production est recevable ou à renvoyer au candidat.");
        }
        Object reason = task.getVariableLocal(Variables.RETURN_REASON);
        if (!(reason instanceof String text) || text.isBlank()) {
            throw new ProcessException("Indiquez au candidat la raison du renvoi de sa production.");
        }
        if (text.length() > 4000) {
            throw new ProcessException("La raison du renvoi dépasse 4000 caractères.");
        }
        checkReturnFitsTheMail(task, text);
        checkReturnable(task);
    }

    /**
     * A return goes to every member of a sitting, whose processes wait for the group's next hand-in until their own
     * deadline: it is allowed only while every member may still be returned (the returns any member has used count)
     * and hand the production in again (the earliest of the members' deadlines, each extended by the member's own
     * accommodations, must not have passed). For one production, its own count and deadline.
     */
    private void checkReturnable(DelegateTask task) {
        ProductionContexts.Context context = contexts.of(task);
        int allowed = context.regulation().admissibility().returnsAllowed();
        List<Production> members = contexts.members(task);
        // A VAE sitting's members are one candidate's composantes: one dossier, one deadline, no group.
        boolean group = members.stream().map(Production::getCandidateId).distinct().count() > 1;
        for (Production member : members) {
            String whose = group ? " (" + memberName(member) + ")" : "";
            if (member.getReturnedCount() >= allowed) {
                throw new ProcessException(allowed == 0
                        ? "Le " + context.regulation().title() + " ne permet pas de renvoyer une production au candidat."
                        : "Cette production" + whose + " a déjà été renvoyée " + (allowed == 1 ? "une fois" : allowed + " fois")
                                + " : elle ne peut plus l'être (" + context.regulation().title() + ").");
            }
            if (!clock.instant().isBefore(member.getDeadline())) {
                throw new ProcessException(group
                        ? "La date limite de remise de " + memberName(member) + " est passée ("
                                + ProductionProcess.FRENCH_DATE.format(member.getDeadline()) + ") : la production du groupe ne "
                                + "peut plus être renvoyée, ce membre ne pourrait plus la remettre."
                        : "La date limite de remise est passée : la production ne peut plus être renvoyée.");
            }
        }
    }

    private String memberName(Production production) {
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        return candidate.numberedName();
    }

    /** The référentiel's required contents as the checklist of the form: its options, none ticked. */
    private void showRequiredContents(DelegateTask task, ProductionContexts.Context context) {
        task.setVariableLocal(Variables.REQUIRED_CONTENTS_OPTIONS, RequiredContents.of(context.route()).options());
    }

    /**
     * « Recevable » while a required content is unticked needs the coordinator's written reason: the decision stays
     * theirs (a production may no longer be returnable), but it is argued and recorded on the production.
     */
    private void checkAdmissibleDespiteMissing(DelegateTask task) {
        List<String> missing = requiredContents(task).missing(task.getVariableLocal(Variables.REQUIRED_CONTENTS_PRESENT));
        if (missing.isEmpty()) {
            return;
        }
        Object reason = task.getVariableLocal(Variables.ADMISSIBLE_DESPITE_MISSING);
        if (!(reason instanceof String text) || text.isBlank()) {
            throw new ProcessException("La production ne comprend pas : " + String.join(" ; ", missing)
                    + ". Renvoyez-la au candidat, ou justifiez par écrit sa recevabilité malgré ces manques.");
        }
        if (text.length() > 4000) {
            throw new ProcessException("La justification de la recevabilité dépasse 4000 caractères.");
        }
    }

    /** The return mail carries the missing items and the reason: together they must fit in one mail. */
    private void checkReturnFitsTheMail(DelegateTask task, String reason) {
        List<String> missing = requiredContents(task).missing(task.getVariableLocal(Variables.REQUIRED_CONTENTS_PRESENT));
        if (RequiredContents.describeMissing(missing).length() + reason.strip().length() > RETURN_TEXT_MAXIMUM) {
            throw new ProcessException("La raison du renvoi est trop longue : avec la liste des éléments manquants, elle"
                    + " dépasse " + RETURN_TEXT_MAXIMUM + " caractères. Raccourcissez-la.");
        }
    }

    /** The items found missing (and the reason to accept them missing) are kept on the production. */
    private void recordRequiredContents(DelegateTask task) {
        List<String> missing = requiredContents(task).missing(task.getVariableLocal(Variables.REQUIRED_CONTENTS_PRESENT));
        Object reason = task.getVariableLocal(Variables.ADMISSIBLE_DESPITE_MISSING);
        String despite = Admissibility.RECEVABLE.is(task.getVariableLocal(Variables.ADMISSIBILITY)) && !missing.isEmpty()
                ? ((String) reason).strip() : null;
        // Each member's return mail and evaluation forms read them from the member's own production.
        contexts.members(task).forEach(member -> member.contentsChecked(missing, despite));
    }

    private RequiredContents requiredContents(DelegateTask task) {
        return RequiredContents.of(contexts.of(task).route());
    }
}
