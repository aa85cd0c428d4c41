package fr.certiflow.deliberation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The jury's decision on a bloc for a candidate at one attempt, with the proposal it confirmed or overrode. */
@Entity
@Table(name = "cf_bloc_result")
public class BlocResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "candidate_id", nullable = false)
    private Long candidateId;

    @Column(name = "bloc_code", nullable = false, length = 64)
    private String blocCode;

    @Column(nullable = false)
    private int attempt;

    @Column(nullable = false, length = 20)
    private String proposed;

    /** VALIDE, NON_VALIDE, AJOURNE or ABSENT. */
    @Column(nullable = false, length = 20)
    private String decision;

    /** Required when the decision overrides the proposal. */
    @Column(length = 4000)
    private String justification;

    @Column(name = "decided_by", nullable = false, length = 64)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected BlocResult() {
    }

    BlocResult(Long campaignId, Long candidateId, String blocCode, int attempt, String proposed, String decision,
            String justification, String decidedBy, Instant decidedAt) {
        this.campaignId = campaignId;
        this.candidateId = candidateId;
        this.blocCode = blocCode;
        this.attempt = attempt;
        this.proposed = proposed;
        this.decision = decision;
        this.justification = justification;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public String getBlocCode() {
        return blocCode;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getProposed() {
        return proposed;
    }

    public String getDecision() {
        return decision;
    }

    public String getJustification() {
        return justification;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public boolean overridden() {
        return !proposed.equals(decision);
    }
}
