package fr.certiflow.deliberation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The certification decision for a candidate of a campaign: proposed from the blocs, confirmed by the jury. */
@Entity
@Table(name = "cf_certification_decision")
public class CertificationDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "candidate_id", nullable = false)
    private Long candidateId;

    /** DELIVREE or NON_DELIVREE. */
    @Column(nullable = false, length = 20)
    private String proposed;

    @Column(length = 20)
    private String decision;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected CertificationDecision() {
    }

    CertificationDecision(Long campaignId, Long candidateId, String proposed) {
        this.campaignId = campaignId;
        this.candidateId = candidateId;
        this.proposed = proposed;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public String getProposed() {
        return proposed;
    }

    public String getDecision() {
        return decision;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    void propose(String proposed) {
        this.proposed = proposed;
    }

    void confirm(String decidedBy, Instant at) {
        this.decision = proposed;
        this.decidedBy = decidedBy;
        this.decidedAt = at;
    }
}
