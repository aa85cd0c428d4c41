package fr.certiflow.production;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What is handed in for one composante and attempt: by a candidate, or once by a group for a collective production,
 * whose members' productions all point at the same submission.
 */
@Entity
@Table(name = "cf_submission")
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "component_code", nullable = false, length = 64)
    private String componentCode;

    @Column(nullable = false)
    private int attempt;

    /** "candidate:&lt;number&gt;" or "group:&lt;code&gt;". */
    @Column(name = "owner_key", nullable = false, length = 80)
    private String ownerKey;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected Submission() {
    }

    Submission(Long campaignId, String componentCode, int attempt, String ownerKey) {
        this.campaignId = campaignId;
        this.componentCode = componentCode;
        this.attempt = attempt;
        this.ownerKey = ownerKey;
    }

    /**
     * Who hands the production in: the candidate's group for a collective composante, the candidate otherwise (and
     * always on the VAE route, never in a group).
     */
    static String ownerKey(AssessmentRoute route, fr.certiflow.campaign.Candidate candidate) {
        return route.collective() && candidate.getGroupCode() != null
                ? groupOwner(candidate.getGroupCode()) : candidateOwner(candidate.getNumber());
    }

    static String candidateOwner(String candidateNumber) {
        return "candidate:" + candidateNumber;
    }

    static String groupOwner(String groupCode) {
        return "group:" + groupCode;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getComponentCode() {
        return componentCode;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getOwnerKey() {
        return ownerKey;
    }

    public boolean isGroup() {
        return ownerKey.startsWith("group:");
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    void submitted(Instant at) {
        this.submittedAt = at;
    }

    void reopen() {
        this.submittedAt = null;
    }
}
