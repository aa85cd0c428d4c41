package fr.certiflow.production;

import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.process.Admissibility;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The coordinator's admissibility decision on a production (or a sitting's shared production): what the task shows
 * (files, language check, the référentiel's required contents as a checklist), and the rules of the decision. A
 * production may be returned with a reason, only as often as the règlement allows and while the candidate still has
 * time to hand it in again; « recevable » while a required content is missing needs a written justification.
 */
@Service
public class AdmissibilityDecisions {

    /** The missing items and the reason, as the return mail carries them (its body holds 4000 characters). */
    static final int RETURN_TEXT_MAXIMUM = 3500;

    /** What the admissibility task shows: the files, the language check (null when no document requires a language). */
    public record AdmissibilityView(String documentsSummary, String productionConsole, String languageSummary,
            RequiredContents requiredContents) {
    }

    /** The form as submitted: the decision, the reason of a return, the items ticked present, the justification. */
    public record AdmissibilityForm(Object decision, Object returnReason, Object contentsPresent, Object admissibleDespite) {
    }

    /** The decision taken: admissible, or returned with its reason (stripped, possibly empty). */
    public record AdmissibilityOutcome(boolean admissible, String returnReason) {
    }

    private final ProductionDocuments documents;
    private final LanguageChecks languageChecks;
    private final CandidateRepository candidates;
    private final Clock clock;

    AdmissibilityDecisions(ProductionDocuments documents, LanguageChecks languageChecks, CandidateRepository candidates,
            Clock clock) {
        this.documents = documents;
        this.languageChecks = languageChecks;
        this.candidates = candidates;
        this.clock = clock;
    }

    public AdmissibilityView view(ProductionContexts.Context context) {
        Long productionId = context.production().getId();
        return new AdmissibilityView(documents.markdownLinks(productionId), "/certiflow/productions/" + productionId,
                languageChecks.summary(context), RequiredContents.of(context.route()));
    }

    /**
     * Checks the decision as the form is submitted.
     *
     * @param members the productions the decision applies to: every member's at a sitting
     * @throws RefusedException with the French message the coordinator reads
     */
    public void check(ProductionContexts.Context context, List<Production> members, AdmissibilityForm form) {
        if (Admissibility.RECEVABLE.is(form.decision())) {
            checkAdmissibleDespiteMissing(context, form);
            return;
        }
        if (!Admissibility.A_RETOURNER.is(form.decision())) {
            throw new RefusedException("Indiquez si la production est recevable ou à renvoyer au candidat.");
        }
        if (!(form.returnReason() instanceof String text) || text.isBlank()) {
            throw new RefusedException("Indiquez au candidat la raison du renvoi de sa production.");
        }
        if (text.length() > 4000) {
            throw new RefusedException("La raison du renvoi dépasse 4000 caractères.");
        }
        checkReturnFitsTheMail(context, form, text);
        checkReturnable(context, members);
    }

    /**
     * Checks and records the decision: the items found missing (and the reason to accept them missing) on each member's
     * production, which each member's return mail and evaluation forms read; at a sitting, the group's production is
     * every member's, so each becomes admissible.
     */
    public AdmissibilityOutcome decide(ProductionContexts.Context context, List<Production> members, AdmissibilityForm form) {
        check(context, members, form);
        List<String> missing = RequiredContents.of(context.route()).missing(form.contentsPresent());
        boolean admissible = Admissibility.RECEVABLE.is(form.decision());
        String despite = admissible && !missing.isEmpty() ? ((String) form.admissibleDespite()).strip() : null;
        members.forEach(member -> member.contentsChecked(missing, despite));
        if (admissible) {
            members.forEach(member -> member.moveTo(ProductionStatus.ADMISSIBLE));
            return new AdmissibilityOutcome(true, null);
        }
        return new AdmissibilityOutcome(false, ((String) form.returnReason()).strip());
    }

    /**
     * A return goes to every member of a sitting, whose processes wait for the group's next hand-in until their own
     * deadline: it is allowed only while every member may still be returned (the returns any member has used count)
     * and hand the production in again (the earliest of the members' deadlines, each extended by the member's own
     * accommodations, must not have passed). For one production, its own count and deadline.
     */
    private void checkReturnable(ProductionContexts.Context context, List<Production> members) {
        int allowed = context.regulation().admissibility().returnsAllowed();
        // A VAE sitting's members are one candidate's composantes: one dossier, one deadline, no group.
        boolean group = members.stream().map(Production::getCandidateId).distinct().count() > 1;
        for (Production member : members) {
            String whose = group ? " (" + memberName(member) + ")" : "";
            if (member.getReturnedCount() >= allowed) {
                throw new RefusedException(allowed == 0
                        ? "Le " + context.regulation().title() + " ne permet pas de renvoyer une production au candidat."
                        : "Cette production" + whose + " a déjà été renvoyée " + (allowed == 1 ? "une fois" : allowed + " fois")
                                + " : elle ne peut plus l'être (" + context.regulation().title() + ").");
            }
            if (!clock.instant().isBefore(member.getDeadline())) {
                throw new RefusedException(group
                        ? "La date limite de remise de " + memberName(member) + " est passée ("
                                + ProductionRecords.FRENCH_DATE.format(member.getDeadline()) + ") : la production du groupe ne "
                                + "peut plus être renvoyée, ce membre ne pourrait plus la remettre."
                        : "La date limite de remise est passée : la production ne peut plus être renvoyée.");
            }
        }
    }

    private String memberName(Production production) {
        return candidates.findById(production.getCandidateId()).orElseThrow().numberedName();
    }

    /**
     * « Recevable » while a required content is unticked needs the coordinator's written reason: the decision stays
     * theirs (a production may no longer be returnable), but it is argued and recorded on the production.
     */
    private static void checkAdmissibleDespiteMissing(ProductionContexts.Context context, AdmissibilityForm form) {
        List<String> missing = RequiredContents.of(context.route()).missing(form.contentsPresent());
        if (missing.isEmpty()) {
            return;
        }
        if (!(form.admissibleDespite() instanceof String text) || text.isBlank()) {
            throw new RefusedException("La production ne comprend pas : " + String.join(" ; ", missing)
                    + ". Renvoyez-la au candidat, ou justifiez par écrit sa recevabilité malgré ces manques.");
        }
        if (text.length() > 4000) {
            throw new RefusedException("La justification de la recevabilité dépasse 4000 caractères.");
        }
    }

    /** The return mail carries the missing items and the reason: together they must fit in one mail. */
    private static void checkReturnFitsTheMail(ProductionContexts.Context context, AdmissibilityForm form, String reason) {
        List<String> missing = RequiredContents.of(context.route()).missing(form.contentsPresent());
        if (RequiredContents.describeMissing(missing).length() + reason.strip().length() > RETURN_TEXT_MAXIMUM) {
            throw new RefusedException("La raison du renvoi est trop longue : avec la liste des éléments manquants, elle"
                    + " dépasse " + RETURN_TEXT_MAXIMUM + " caractères. Raccourcissez-la.");
        }
    }
}
