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
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A candidate of a campaign's cohort. */
@Entity
@Table(name = "cf_candidate")
public class Candidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "candidate_number", nullable = false, length = 64)
    private String number;

    @Column(name = "last_name", nullable = false, length = 200)
    private String lastName;

    @Column(name = "first_name", nullable = false, length = 200)
    private String firstName;

    @Column(nullable = false, length = 320)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Pathway pathway = Pathway.FORMATION;

    /** The group the candidate belongs to for collective productions. */
    @Column(name = "group_code", length = 64)
    private String groupCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Accommodation accommodation = Accommodation.NONE;

    @Column(name = "extension_days")
    private Integer extensionDays;

    @Column(length = 200)
    private String trainer;

    @Column(length = 200)
    private String employer;

    /** Blocs acquired in earlier campaigns, with the date they were acquired. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cf_acquired_bloc", joinColumns = @JoinColumn(name = "candidate_id"))
    @MapKeyColumn(name = "bloc_code", length = 64)
    @Column(name = "acquired_on")
    private Map<String, LocalDate> acquiredBlocs = new LinkedHashMap<>();

    protected Candidate() {
    }

    public Candidate(Long campaignId, String number, String lastName, String firstName, String email) {
        this.campaignId = campaignId;
        this.number = number;
        this.lastName = lastName;
        this.firstName = firstName;
        this.email = email;
    }

    public void update(String lastName, String firstName, String email) {
        this.lastName = lastName;
        this.firstName = firstName;
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getNumber() {
        return number;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFirstName() {
        return firstName;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    /** « Prénom Nom (n° 2027-001) », as a group's member is named on tasks, grids and messages. */
    public String numberedName() {
        return fullName() + " (n° " + number + ")";
    }

    public String getEmail() {
        return email;
    }

    public Pathway getPathway() {
        return pathway;
    }

    public void setPathway(Pathway pathway) {
        this.pathway = pathway;
    }

    public String getGroupCode() {
        return groupCode;
    }

    public void setGroupCode(String groupCode) {
        this.groupCode = groupCode;
    }

    public Accommodation getAccommodation() {
        return accommodation;
    }

    public Integer getExtensionDays() {
        return extensionDays;
    }

    public void setAccommodation(Accommodation accommodation, Integer extensionDays) {
        this.accommodation = accommodation;
        this.extensionDays = extensionDays;
    }

    public String getTrainer() {
        return trainer;
    }

    public void setTrainer(String trainer) {
        this.trainer = trainer;
    }

    public String getEmployer() {
        return employer;
    }

    public void setEmployer(String employer) {
        this.employer = employer;
    }

    public Map<String, LocalDate> getAcquiredBlocs() {
        return acquiredBlocs;
    }
}
