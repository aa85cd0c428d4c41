package fr.certiflow.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A member of a campaign's jury pool; {@link #userId} is the Camunda user who gets the tasks. */
@Entity
@Table(name = "cf_juror")
public class Juror {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 320)
    private String email;

    @Column(length = 200)
    private String organisation;

    /** A professional from outside the training organisation. */
    @Column(nullable = false)
    private boolean external;

    @Column(name = "english_qualified", nullable = false)
    private boolean englishQualified;

    @Column(nullable = false)
    private boolean president;

    @Column(name = "max_load", nullable = false)
    private int maxLoad;

    /** Candidate numbers or organisations the juror declared a conflict of interest with, separated by ';'. */
    @Column(length = 2000)
    private String conflicts;

    protected Juror() {
    }

    public Juror(Long campaignId, String userId, String displayName, boolean external, boolean englishQualified,
            boolean president, int maxLoad) {
        this.campaignId = campaignId;
        this.userId = userId;
        this.displayName = displayName;
        this.external = external;
        this.englishQualified = englishQualified;
        this.president = president;
        this.maxLoad = maxLoad;
    }

    public void update(String displayName, boolean external, boolean englishQualified, boolean president, int maxLoad) {
        this.displayName = displayName;
        this.external = external;
        this.englishQualified = englishQualified;
        this.president = president;
        this.maxLoad = maxLoad;
    }

    public String conflictsText() {
        return conflicts;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getUserId() {
        return userId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public boolean isExternal() {
        return external;
    }

    public boolean isEnglishQualified() {
        return englishQualified;
    }

    public boolean isPresident() {
        return president;
    }

    public int getMaxLoad() {
        return maxLoad;
    }

    public Set<String> conflicts() {
        return conflicts == null ? Set.of() : Arrays.stream(conflicts.split(";")).map(String::trim)
                .filter(value -> !value.isEmpty()).collect(Collectors.toSet());
    }

    public void setConflicts(String conflicts) {
        this.conflicts = conflicts;
    }
}
