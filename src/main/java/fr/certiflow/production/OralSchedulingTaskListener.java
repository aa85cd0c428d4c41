package fr.certiflow.production;

import fr.certiflow.campaign.Accommodation;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.identity.Groups;
import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import fr.certiflow.regulation.Regulation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Reads the oral defense's date and place from the coordinator's scheduling form, checked as the form is submitted; the
 * process then waits for that date.
 */
@Component("oralSchedulingTaskListener")
public class OralSchedulingTaskListener implements TaskListener, SubmissionCheck {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH).withZone(PARIS);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRENCH).withZone(PARIS);

    private final ProductionContexts contexts;
    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final Notifier notifier;
    private final Clock clock;

    OralSchedulingTaskListener(ProductionContexts contexts, CampaignRepository campaigns, CandidateRepository candidates,
            Notifier notifier, Clock clock) {
        this.contexts = contexts;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.SCHEDULE_ORAL);
    }

    @Override
    public void check(DelegateTask task) {
        TaskActors.requireMember(task, Groups.COORDINATORS, "Seul un coordinateur planifie les soutenances.");
        scheduled(task);
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            showAccommodations(task);
            return;
        }
        check(task);
        Instant at = parse(task.getVariableLocal(Variables.ORAL_DATE));
        String place = ProcessVariables.local(task).string(Variables.ORAL_PLACE).orElse("").strip();
        task.getExecution().setVariable(Variables.ORAL_AT, Date.from(at));
        AssessmentRoute route = contexts.of(task).route();
        // A group's sitting schedules one oral for the group: each member is convened to it. A VAE candidate's sitting
        // schedules one interview for the bloc's composantes: the candidate is convened once.
        java.util.Set<Long> convened = new java.util.HashSet<>();
        for (Production production : contexts.members(task)) {
            production.oralScheduled(at, place);
            if (!convened.add(production.getCandidateId())) {
                continue;
            }
            Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
            // A VAE candidate is convened to the règlement's interview on their dossier, not to a soutenance.
            notifier.queue(MailTemplates.CONVOCATION, candidate.getEmail(), Map.of(
                            "epreuve", route.vae() ? route.vaeInterview() + "," : "la soutenance de la production",
                            "objet", route.vae() ? route.vaeInterview() + " sur " + route.vaeDossier() + " (" + route.describe()
                                    + ")" : "la soutenance orale de votre production",
                            "candidat", candidate.fullName(),
                            "campagne", campaigns.findById(production.getCampaignId()).orElseThrow().getName(),
                            "code", route.vae() ? "bloc " + route.bloc().code() : production.getComponentCode(),
                            "composante", route.vae() ? (contexts.members(task).size() > 1 ? "les composantes "
                                    : "la composante ") + contexts.members(task).stream()
                                    .map(Production::getComponentCode).collect(java.util.stream.Collectors.joining(", "))
                                    + " du bloc " + route.bloc().code() + " " + route.bloc().title()
                                    : "la composante " + task.getVariable(Variables.COMPONENT_LABEL),
                            "date", DAY.format(at),
                            "heure", TIME.format(at),
                            "lieu", place,
                            "amenagement", oralNotice(candidate, contexts.of(task).regulation()).isEmpty() ? ""
                                    : "\n- aménagement : " + oralNotice(candidate, contexts.of(task).regulation())),
                    production.getId(), "convocation:" + production.getId() + ":" + at.getEpochSecond());
        }
    }

    /**
     * Shows the coordinator, on the task only, what the règlement's accommodations give each tiers-temps candidate of
     * the sitting at the oral: one line per candidate, nothing when none has tiers-temps.
     */
    private void showAccommodations(DelegateTask task) {
        Regulation regulation = contexts.of(task).regulation();
        java.util.List<String> lines = new java.util.ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Production production : contexts.members(task)) {
            if (!seen.add(production.getCandidateId())) {
                continue;
            }
            Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
            String notice = oralNotice(candidate, regulation);
            if (!notice.isEmpty()) {
                // The name comes from the cohort file: shown as text, never as markdown.
                lines.add("**" + ProductionDocuments.markdownText(candidate.fullName()) + "** — Aménagement : " + notice);
            }
        }
        task.setVariableLocal(Variables.ORAL_ACCOMMODATIONS, String.join("  \n", lines));
    }

    /** What the règlement gives the candidate at an oral, or nothing when they have no tiers-temps. */
    private static String oralNotice(Candidate candidate, Regulation regulation) {
        return candidate.getAccommodation() == Accommodation.TIERS_TEMPS
                ? regulation.accommodations().tiersTemps().oralNotice(regulation) : "";
    }

    /** The date and time the form gives, once checked with the place. */
    private Instant scheduled(DelegateTask task) {
        Instant at = parse(task.getVariableLocal(Variables.ORAL_DATE));
        if (!at.isAfter(clock.instant())) {
            throw new ProcessException("La date de soutenance doit être dans le futur.");
        }
        Object place = task.getVariableLocal(Variables.ORAL_PLACE);
        if (!(place instanceof String text) || text.isBlank()) {
            throw new ProcessException("Indiquez le lieu ou le lien de la soutenance.");
        }
        if (text.length() > 500) {
            throw new ProcessException("Le lieu de la soutenance dépasse 500 caractères.");
        }
        return at;
    }

    /** How the scheduling form asks for the date: JJ/MM/AAAA HH:MM, Paris time. */
    static final DateTimeFormatter FORM_FORMAT = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final String EXPECTED = " : écrivez-la JJ/MM/AAAA HH:MM (heure de Paris), par exemple 15/03/2027 14:30.";

    /**
     * Accepts the form's JJ/MM/AAAA HH:MM (Paris time), a Date, or an ISO date-time with or without offset (Paris time
     * then), as scripts send it. A date that does not exist (31/02, or an hour skipped when Paris moves to summer time)
     * is refused rather than moved.
     */
    static Instant parse(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String raw && !raw.isBlank()) {
            String text = raw.strip();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                LocalDateTime local = local(text);
                if (PARIS.getRules().getValidOffsets(local).isEmpty()) {
                    throw new ProcessException("Date de soutenance « " + text + " » : cette heure n'existe pas à Paris "
                            + "(passage à l'heure d'été).");
                }
                return local.atZone(PARIS).toInstant();
            }
        }
        throw new ProcessException("Indiquez la date et l'heure de la soutenance" + EXPECTED);
    }

    private static LocalDateTime local(String text) {
        try {
            return LocalDateTime.parse(text, FORM_FORMAT);
        } catch (DateTimeParseException notTheForms) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new ProcessException("Date de soutenance illisible ou inexistante : « " + text + " »" + EXPECTED);
            }
        }
    }
}
