package fr.certiflow.deliberation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The certification decision for a candidate of a campaign: proposed from the blocs, then taken by the certification
 * jury, which follows the proposal or decides otherwise with a written justification.
 */
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

    @Column(name = "follows_proposal")
    private Boolean followsProposal;

    @Column(length = 4000)
    private String justification;

    /** The certification jury that took the decision. */
    @Column(name = "jury_id")
    private Long juryId;

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

    public Instant getDecidedAt() {
        return decidedAt;
    }

    /** Null until the jury decides. */
    public Boolean getFollowsProposal() {
        return followsProposal;
    }

    public String getJustification() {
        return justification;
    }

    public Long getJuryId() {
        return juryId;
    }

    /** The jury decided otherwise than proposed. */
    public boolean derogates() {
        return decision != null && !decision.equals(proposed);
    }

    void propose(String proposed) {
        this.proposed = proposed;
    }

    /**
     * The jury's decision: the proposal when {@code decision} is null, otherwise the decision with its justification;
     * its author is the president who chaired the jury, its date the jury's sitting.
     */
    void decide(CertificationJury jury, String decision, String justification) {
        if (this.decision != null) {
            throw new IllegalStateException("Certification of candidate " + candidateId + " was already decided");
        }
        this.decision = decision == null ? proposed : decision;
        this.followsProposal = this.decision.equals(proposed);
        this.justification = justification;
        this.juryId = jury.getId();
        this.decidedBy = jury.getChairedBy();
        this.decidedAt = jury.getSatAt();
    }
}
