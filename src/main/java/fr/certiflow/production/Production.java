package fr.certiflow.production;

import fr.certiflow.process.Decision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One candidate's production for one composante, at one attempt: what the production process is about. */
@Entity
@Table(name = "cf_production")
public class Production {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "candidate_id", nullable = false)
    private Long candidateId;

    @Column(name = "component_code", nullable = false, length = 64)
    private String componentCode;

    @Column(nullable = false)
    private int attempt;

    /** The business key of the production's process instance: what binds the process to this row. */
    @Column(name = "process_key", nullable = false, length = 200, updatable = false)
    private String processKey;

    @Column(name = "submission_id", nullable = false)
    private Long submissionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ProductionStatus status = ProductionStatus.AWAITING_SUBMISSION;

    /** The candidate's own deadline: the campaign's, extended by an accommodation. */
    @Column(nullable = false)
    private Instant deadline;

    @Column(name = "return_reason", length = 4000)
    private String returnReason;

    /** The référentiel's required contents the coordinator found missing at the latest admissibility check, one per line. */
    @Column(name = "missing_contents", length = 4000)
    private String missingContents;

    /** Why the coordinator declared the production admissible although contents are missing. */
    @Column(name = "admissible_despite", length = 4000)
    private String admissibleDespite;

    @Column(name = "returned_count", nullable = false)
    private int returnedCount;

    @Column(name = "oral_at")
    private Instant oralAt;

    @Column(name = "oral_place", length = 500)
    private String oralPlace;

    /** VALIDE, NON_VALIDE or ABSENT once the composante is decided. */
    @Column(length = 20)
    private String result;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Production() {
    }

    Production(Long campaignId, Long candidateId, String componentCode, int attempt, String processKey, Long submissionId,
            Instant deadline) {
        this.campaignId = campaignId;
        this.candidateId = candidateId;
        this.componentCode = componentCode;
        this.attempt = attempt;
        this.processKey = processKey;
        this.submissionId = submissionId;
        this.deadline = deadline;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public String getComponentCode() {
        return componentCode;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getProcessKey() {
        return processKey;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public ProductionStatus getStatus() {
        return status;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public int getReturnedCount() {
        return returnedCount;
    }

    public Instant getOralAt() {
        return oralAt;
    }

    public String getOralPlace() {
        return oralPlace;
    }

    public String getResult() {
        return result;
    }

    public void moveTo(ProductionStatus status) {
        this.status = status;
    }

    void returned(String reason) {
        this.returnReason = reason;
        this.returnedCount++;
        this.status = ProductionStatus.RETURNED;
    }

    /** The required contents found missing at admissibility (empty: none), in the référentiel's order. */
    public java.util.List<String> getMissingContents() {
        return missingContents == null || missingContents.isEmpty() ? java.util.List.of()
                : java.util.List.of(missingContents.split("\n"));
    }

    public String getAdmissibleDespite() {
        return admissibleDespite;
    }

    void contentsChecked(java.util.List<String> missing, String admissibleDespite) {
        String joined = String.join("\n", missing);
        this.missingContents = joined.isEmpty() ? null : joined.length() > 4000 ? joined.substring(0, 4000) : joined;
        this.admissibleDespite = admissibleDespite;
    }

    public void oralScheduled(Instant at, String place) {
        this.oralAt = at;
        this.oralPlace = place;
    }

    public void decided(String result) {
        this.result = result;
        this.status = Decision.ABSENT.is(result) ? ProductionStatus.ABSENT : ProductionStatus.ASSESSED;
    }
}
