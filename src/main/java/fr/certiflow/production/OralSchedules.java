package fr.certiflow.production;

import fr.certiflow.campaign.Accommodation;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import fr.certiflow.regulation.Regulation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The oral defense (or a VAE candidate's interview) as the coordinator schedules it: the tiers-temps accommodations the
 * coordinator is shown, the date and place checked, each candidate of the sitting convened once.
 */
@Service
public class OralSchedules {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH).withZone(PARIS);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRENCH).withZone(PARIS);

    /** How the scheduling form asks for the date: JJ/MM/AAAA HH:MM, Paris time. */
    static final DateTimeFormatter FORM_FORMAT = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final String EXPECTED = " : écrivez-la JJ/MM/AAAA HH:MM (heure de Paris), par exemple 15/03/2027 14:30.";

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final Notifier notifier;
    private final Clock clock;

    OralSchedules(CampaignRepository campaigns, CandidateRepository candidates, Notifier notifier, Clock clock) {
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * What the règlement's accommodations give each tiers-temps candidate of the sitting at the oral, as the
     * coordinator reads it on the task: one line per candidate, empty when none has tiers-temps.
     */
    public String accommodations(Regulation regulation, List<Production> members) {
        List<String> lines = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Production production : members) {
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
        return String.join("  \n", lines);
    }

    /**
     * The date and time the form gives, checked with the place: in the future, a place of at most 500 characters.
     *
     * @throws RefusedException with the French message the coordinator reads
     */
    public Instant check(Object date, Object place) {
        Instant at = parse(date);
        if (!at.isAfter(clock.instant())) {
            throw new RefusedException("La date de soutenance doit être dans le futur.");
        }
        if (!(place instanceof String text) || text.isBlank()) {
            throw new RefusedException("Indiquez le lieu ou le lien de la soutenance.");
        }
        if (text.length() > 500) {
            throw new RefusedException("Le lieu de la soutenance dépasse 500 caractères.");
        }
        return at;
    }

    /**
     * Schedules the oral once checked: each production of the sitting records it, each candidate is convened once. A
     * group's sitting schedules one oral for the group; a VAE candidate's sitting one interview for the bloc's
     * composantes, to which the candidate is convened on their dossier, not to a soutenance. Returns the oral's time.
     */
    public Instant schedule(ProductionContexts.Context context, List<Production> members, Object date, Object place,
            String componentLabel) {
        Instant at = check(date, place);
        String where = ((String) place).strip();
        AssessmentRoute route = context.route();
        Set<Long> convened = new HashSet<>();
        for (Production production : members) {
            production.oralScheduled(at, where);
            if (!convened.add(production.getCandidateId())) {
                continue;
            }
            Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
            String notice = oralNotice(candidate, context.regulation());
            notifier.queue(MailTemplates.CONVOCATION, candidate.getEmail(), Map.of(
                            "epreuve", route.vae() ? route.vaeInterview() + "," : "la soutenance de la production",
                            "objet", route.vae() ? route.vaeInterview() + " sur " + route.vaeDossier() + " (" + route.describe()
                                    + ")" : "la soutenance orale de votre production",
                            "candidat", candidate.fullName(),
                            "campagne", campaigns.findById(production.getCampaignId()).orElseThrow().getName(),
                            "code", route.vae() ? "bloc " + route.bloc().code() : production.getComponentCode(),
                            "composante", route.vae() ? (members.size() > 1 ? "les composantes " : "la composante ")
                                    + members.stream().map(Production::getComponentCode).collect(Collectors.joining(", "))
                                    + " du bloc " + route.bloc().code() + " " + route.bloc().title()
                                    : "la composante " + componentLabel,
                            "date", DAY.format(at),
                            "heure", TIME.format(at),
                            "lieu", where,
                            "amenagement", notice.isEmpty() ? "" : "\n- aménagement : " + notice),
                    production.getId(), "convocation:" + production.getId() + ":" + at.getEpochSecond());
        }
        return at;
    }

    /** What the règlement gives the candidate at an oral, or nothing when they have no tiers-temps. */
    private static String oralNotice(Candidate candidate, Regulation regulation) {
        return candidate.getAccommodation() == Accommodation.TIERS_TEMPS
                ? regulation.accommodations().tiersTemps().oralNotice(regulation) : "";
    }

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
                    throw new RefusedException("Date de soutenance « " + text + " » : cette heure n'existe pas à Paris "
                            + "(passage à l'heure d'été).");
                }
                return local.atZone(PARIS).toInstant();
            }
        }
        throw new RefusedException("Indiquez la date et l'heure de la soutenance" + EXPECTED);
    }

    private static LocalDateTime local(String text) {
        try {
            return LocalDateTime.parse(text, FORM_FORMAT);
        } catch (DateTimeParseException notTheForms) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new RefusedException("Date de soutenance illisible ou inexistante : « " + text + " »" + EXPECTED);
            }
        }
    }
}
