package fr.certiflow.campaign;

import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The end of a campaign: the proposed certification decisions (kept by the deliberation, {@link Certifications}), the
 * minutes, and the results each candidate receives once. Engine-free: {@link CampaignProcess} is its glue.
 */
@Service
public class CampaignResults {

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final Certifications certifications;
    private final Notifier notifier;

    public CampaignResults(CampaignRepository campaigns, CandidateRepository candidates, Certifications certifications,
            Notifier notifier) {
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.certifications = certifications;
        this.notifier = notifier;
    }

    /**
     * Proposes each candidate's certification decision; returns the summary the jury's task shows (markdown, the
     * counts only).
     */
    public String proposeCertification(long campaignId) {
        Campaign campaign = campaign(campaignId);
        List<Candidate> cohort = candidates.findByCampaignIdOrderByNumber(campaign.getId());
        int awarded = certifications.propose(campaign, cohort);
        return "Proposition : certification délivrée à **" + awarded + "** candidat(s) sur " + cohort.size() + ".";
    }

    /** The minutes are drawn up: the campaign is closed. */
    public void drawUpMinutes(long campaignId) {
        campaign(campaignId).close();
    }

    /**
     * Each candidate with a decision receives it once (the mail's key is the campaign and the candidate), with what to
     * do next; the campaign's results are then published.
     */
    public void publish(long campaignId) {
        Campaign campaign = campaign(campaignId);
        for (Candidate candidate : candidates.findByCampaignIdOrderByNumber(campaign.getId())) {
            certifications.decision(campaign.getId(), candidate.getId()).ifPresent(decision ->
                    notifier.queue(MailTemplates.RESULT, candidate.getEmail(), Map.of(
                                    "candidat", candidate.fullName(),
                                    "campagne", campaign.getName(),
                                    "decision", decision.label(),
                                    "suite", decision.awarded()
                                            ? "aucune démarche n'est nécessaire ; le certificateur vous fera parvenir votre parchemin."
                                            : "prenez contact avec le coordinateur de la session pour connaître les blocs à repasser et les prochaines sessions."),
                            null, "result:" + campaign.getId() + ":" + candidate.getId()));
        }
        campaign.publishResults();
    }

    private Campaign campaign(long campaignId) {
        return campaigns.findById(campaignId).orElseThrow();
    }
}
