package fr.certiflow.production;

import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import fr.certiflow.process.Decision;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What happens to a production while it is awaited and once it is decided: the reminder before the deadline, the
 * absence when it passes, the return to the candidate (with its mail), the result. Every method is idempotent, since a
 * job may run again after a crash.
 */
@Service
public class ProductionRecords {

    static final DateTimeFormatter FRENCH_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final ProductionLookup lookup;
    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final SubmissionRepository submissions;
    private final ProductionRepository productions;
    private final Notifier notifier;

    ProductionRecords(ProductionLookup lookup, CampaignRepository campaigns, CandidateRepository candidates,
            SubmissionRepository submissions, ProductionRepository productions, Notifier notifier) {
        this.lookup = lookup;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.submissions = submissions;
        this.productions = productions;
        this.notifier = notifier;
    }

    /**
     * The reminder before the deadline: one message per production and return, however often the timer fires; none
     * once the production is handed in. A VAE dossier covers the bloc's composantes: one reminder for the dossier,
     * whichever composante's timer fires first.
     */
    public void remind(Production production, String componentLabel) {
        if (production.getStatus() != ProductionStatus.AWAITING_SUBMISSION
                && production.getStatus() != ProductionStatus.RETURNED) {
            return;
        }
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        AssessmentRoute route = lookup.context(production).route();
        if (route.vae()) {
            notifier.queue(MailTemplates.DOSSIER_REMINDER, candidate.getEmail(), Map.of(
                            "candidat", candidate.fullName(),
                            "campagne", campaignName(production),
                            "dossier", route.vaeDossierName(),
                            "composantes", coveredComponents(production),
                            "echeance", FRENCH_DATE.format(production.getDeadline())),
                    production.getId(), "reminder:dossier:" + production.getSubmissionId() + ":" + production.getReturnedCount());
            return;
        }
        notifier.queue(MailTemplates.REMINDER, candidate.getEmail(), Map.of(
                        "candidat", candidate.fullName(),
                        "campagne", campaignName(production),
                        "code", production.getComponentCode(),
                        "composante", componentLabel,
                        "echeance", FRENCH_DATE.format(production.getDeadline())),
                production.getId(), "reminder:" + production.getId() + ":" + production.getReturnedCount());
    }

    /**
     * The deadline passed without a complete submission, or the jury of the sitting recorded the candidate absent at
     * the oral: the composante ends as absent. Returns the result recorded.
     */
    public String recordAbsence(Production production) {
        production.decided(Decision.ABSENT.code());
        return Decision.ABSENT.code();
    }

    /** The result the process decided for the composante. */
    public void recordResult(Production production, String result) {
        production.decided(result);
    }

    /**
     * The coordinator returned the production: it is reopened (once per return) and the candidate is told what is
     * missing and why, to hand it in again until the deadline. A VAE candidate's dossier covers the bloc's composantes:
     * each composante's production is returned, but the candidate gets one message for the dossier (queued once per
     * dossier and return, whichever composante's process runs first), naming the composantes it covers.
     */
    public void returnToCandidate(Production production, String reason, String componentLabel) {
        if (production.getStatus() != ProductionStatus.RETURNED) {
            production.returned(reason);
            submissions.findById(production.getSubmissionId()).orElseThrow().reopen();
        }
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        AssessmentRoute route = lookup.context(production).route();
        String motive = RequiredContents.describeMissing(production.getMissingContents())
                + (reason == null || reason.isBlank() ? "(motif non précisé)" : reason.strip());
        if (route.vae()) {
            notifier.queue(MailTemplates.DOSSIER_RETURNED, candidate.getEmail(), Map.of(
                            "candidat", candidate.fullName(),
                            "campagne", campaignName(production),
                            "dossier", route.vaeDossierName(),
                            "composantes", coveredComponents(production),
                            "motif", motive,
                            "echeance", FRENCH_DATE.format(production.getDeadline())),
                    production.getId(), "returned:dossier:" + production.getSubmissionId() + ":" + production.getReturnedCount());
            return;
        }
        notifier.queue(MailTemplates.RETURNED, candidate.getEmail(), Map.of(
                        "candidat", candidate.fullName(),
                        "campagne", campaignName(production),
                        "code", production.getComponentCode(),
                        "composante", componentLabel,
                        "motif", motive,
                        "echeance", FRENCH_DATE.format(production.getDeadline())),
                production.getId(), "returned:" + production.getId() + ":" + production.getReturnedCount());
    }

    /** « composantes A.1, A.2 »: what a VAE candidate's dossier covers at this attempt. */
    private String coveredComponents(Production production) {
        String covered = productions.findBySubmissionId(production.getSubmissionId()).stream()
                .map(Production::getComponentCode).sorted().collect(Collectors.joining(", "));
        return (covered.contains(",") ? "composantes " : "composante ") + covered;
    }

    private String campaignName(Production production) {
        return campaigns.findById(production.getCampaignId()).orElseThrow().getName();
    }
}
