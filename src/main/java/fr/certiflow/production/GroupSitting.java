package fr.certiflow.production;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sitting of a group on a collective composante (« Évaluation d'une production collective »): one per group
 * submission and round, owned by the submission. Its process does the admissibility check, the jury, the oral and the
 * jurors' evaluations once for the group; each member's own production process then decides its result.
 */
@Entity
@Table(name = "cf_group_sitting")
public class GroupSitting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id", nullable = false)
    private Long submissionId;

    /** How many times the group's production was returned before this sitting opened. */
    @Column(nullable = false)
    private int round;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "component_code", nullable = false, length = 64)
    private String componentCode;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "group_code", nullable = false, length = 64)
    private String groupCode;

    @Column(name = "business_key", nullable = false, length = 255)
    private String businessKey;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "absent_production_ids", nullable = false, length = 2000)
    private String absentProductionIds = "";

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    protected GroupSitting() {
    }

    GroupSitting(Long submissionId, int round, Long campaignId, String componentCode, int attempt, String groupCode,
            String businessKey, Instant openedAt) {
        this.submissionId = submissionId;
        this.round = round;
        this.campaignId = campaignId;
        this.componentCode = componentCode;
        this.attempt = attempt;
        this.groupCode = groupCode;
        this.businessKey = businessKey;
        this.openedAt = openedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public int getRound() {
        return round;
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

    public String getGroupCode() {
        return groupCode;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The members' productions the jury recorded absent at the oral. */
    public Set<Long> absentProductionIds() {
        return Arrays.stream(absentProductionIds.split(" ")).filter(id -> !id.isBlank()).map(Long::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void recordAbsent(Long productionId) {
        Set<Long> absent = absentProductionIds();
        absent.add(productionId);
        this.absentProductionIds = absent.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
