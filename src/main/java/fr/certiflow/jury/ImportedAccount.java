package fr.certiflow.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Camunda account that a jury pool import created: which campaign's import, who ran it, when. */
@Entity
@Table(name = "cf_imported_account")
public class ImportedAccount {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ImportedAccount() {
    }

    ImportedAccount(String userId, Long campaignId, String createdBy, Instant createdAt) {
        this.userId = userId;
        this.campaignId = campaignId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /**
     * An account deleted by an administrator and created again by a later import: the record tells about the
     * account that exists now.
     */
    void recreated(Long campaignId, String createdBy, Instant createdAt) {
        this.campaignId = campaignId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String getUserId() {
        return userId;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
