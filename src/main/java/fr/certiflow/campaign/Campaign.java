package fr.certiflow.campaign;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import fr.certiflow.regulation.Regulation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An assessment campaign (session): a référentiel version, the blocs it assesses, its dates and rules. */
@Entity
@Table(name = "cf_campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(name = "referential_code", nullable = false, length = 64)
    private String referentialCode;

    @Column(name = "referential_version", nullable = false)
    private int referentialVersion;

    /** The version of the référentiel's règlement de certification the campaign runs under. */
    @Column(name = "regulation_version", nullable = false)
    private int regulationVersion;

    /** Start of the submission period: accommodations such as tiers-temps extend it in proportion. */
    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "evaluation_deadline")
    private Instant evaluationDeadline;

    @Column(name = "deliberation_date")
    private Instant deliberationDate;

    @Column(name = "jurors_per_production", nullable = false)
    private int jurorsPerProduction;

    /** How many times a deferred (ajourné) bloc may be assessed again. */
    @Column(name = "resit_attempts", nullable = false)
    private int resitAttempts;

    /** How long a candidate has to hand in a production again when a bloc is deferred (ajourné). */
    @Column(name = "resit_period_days", nullable = false)
    private int resitPeriodDays;

    /**
     * The collective composantes (« Travail collectif ») a candidate may be assessed on without a group, comma-separated;
     * empty: none, every candidate issu de la formation assessed on one needs a group.
     */
    @Column(name = "individual_work", length = 500)
    private String individualWork;

    @Column(name = "reminder_days", nullable = false)
    private int reminderDays = 7;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CampaignStatus status = CampaignStatus.DRAFT;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "launched_at")
    private Instant launchedAt;

    /** The campaign process instance that runs this campaign: one, bound once. */
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cf_campaign_bloc", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "bloc_code", length = 64)
    private Set<String> blocs = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cf_campaign_deadline", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "component_code", length = 64)
    @Column(name = "submission_deadline", nullable = false)
    private Map<String, Instant> submissionDeadlines = new LinkedHashMap<>();

    protected Campaign() {
    }

    public Campaign(String code, String name, String referentialCode, int referentialVersion, Instant opensAt,
            Instant createdAt) {
        this.code = code;
        this.name = name;
        this.referentialCode = referentialCode;
        this.referentialVersion = referentialVersion;
        this.opensAt = opensAt;
        this.createdAt = createdAt;
    }

    /**
     * The campaign runs under this règlement of its référentiel: it records its version, and copies the figures the
     * process reads with the campaign (jurors per production, resits).
     */
    public void runUnder(Regulation regulation) {
        if (!regulation.referential().code().equals(referentialCode)
                || regulation.referential().version() != referentialVersion) {
            throw new IllegalArgumentException(regulation.title() + " does not apply to référentiel " + referentialCode
                    + " version " + referentialVersion);
        }
        this.regulationVersion = regulation.version();
        this.jurorsPerProduction = regulation.juries().production().jurors();
        this.resitAttempts = regulation.resits().attempts();
        this.resitPeriodDays = regulation.resits().periodDays();
    }

    public int getRegulationVersion() {
        return regulationVersion;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getReferentialCode() {
        return referentialCode;
    }

    public int getReferentialVersion() {
        return referentialVersion;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getEvaluationDeadline() {
        return evaluationDeadline;
    }

    public void setEvaluationDeadline(Instant evaluationDeadline) {
        this.evaluationDeadline = evaluationDeadline;
    }

    public Instant getDeliberationDate() {
        return deliberationDate;
    }

    public void setDeliberationDate(Instant deliberationDate) {
        this.deliberationDate = deliberationDate;
    }

    public int getJurorsPerProduction() {
        return jurorsPerProduction;
    }

    public void setJurorsPerProduction(int jurorsPerProduction) {
        this.jurorsPerProduction = jurorsPerProduction;
    }

    public int getResitAttempts() {
        return resitAttempts;
    }

    public void setResitAttempts(int resitAttempts) {
        this.resitAttempts = resitAttempts;
    }

    public int getResitPeriodDays() {
        return resitPeriodDays;
    }

    public void setResitPeriodDays(int resitPeriodDays) {
        this.resitPeriodDays = resitPeriodDays;
    }

    public int getReminderDays() {
        return reminderDays;
    }

    /** The collective composantes this campaign allows to be assessed as individual work, in the référentiel's order. */
    public java.util.List<String> getIndividualWorkAllowed() {
        return individualWork == null || individualWork.isEmpty() ? java.util.List.of()
                : java.util.List.of(individualWork.split(","));
    }

    public void allowIndividualWork(java.util.List<String> components) {
        this.individualWork = components.isEmpty() ? null : String.join(",", components);
    }

    public void setReminderDays(int reminderDays) {
        this.reminderDays = reminderDays;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLaunchedAt() {
        return launchedAt;
    }

    /**
     * The campaign assesses the candidate on this bloc: one of its blocs, not acquired by the candidate in an earlier
     * campaign that still counts under the règlement's validity.
     */
    public boolean assesses(Candidate candidate, String blocCode, Regulation.BlocRule rule) {
        return blocs.contains(blocCode) && !acquiredEarlier(candidate, blocCode, rule);
    }

    /** The candidate acquired the bloc in an earlier campaign, and it is still valid when this campaign opens. */
    public boolean acquiredEarlier(Candidate candidate, String blocCode, Regulation.BlocRule rule) {
        return candidate.getAcquiredBlocs().containsKey(blocCode)
                && rule.stillValid(candidate.getAcquiredBlocs().get(blocCode), opensAt.atZone(PARIS).toLocalDate());
    }

    private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

    public Set<String> getBlocs() {
        return blocs;
    }

    public Map<String, Instant> getSubmissionDeadlines() {
        return submissionDeadlines;
    }

    public Optional<Instant> submissionDeadline(String componentCode) {
        return Optional.ofNullable(submissionDeadlines.get(componentCode));
    }

    public void launched(Instant at) {
        this.status = CampaignStatus.LAUNCHED;
        this.launchedAt = at;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    /** Binds the campaign to the process instance that runs it; a second instance is refused. */
    public void runBy(String processInstance) {
        if (processInstanceId != null && !processInstanceId.equals(processInstance)) {
            throw new IllegalStateException("Campaign " + code + " is already run by process instance " + processInstanceId);
        }
        this.processInstanceId = processInstance;
    }

    public void close() {
        this.status = CampaignStatus.CLOSED;
    }

    public void publishResults() {
        this.status = CampaignStatus.RESULTS_PUBLISHED;
    }
}
