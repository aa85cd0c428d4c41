package fr.certiflow.deliberation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's certification jury as it was designated and sat: its members from the campaign's jury pool (each
 * present or not), the jury president who chaired, when it decided, and the règlement it was checked against. One per
 * campaign; each {@link CertificationDecision} of the campaign names it.
 */
@Entity
@Table(name = "cf_certification_jury")
public class CertificationJury {

    /** A designated member, as the jury pool described them on the day. */
    @Embeddable
    public static class Member {

        @Column(name = "user_id", nullable = false, length = 64)
        private String userId;

        @Column(name = "display_name", nullable = false, length = 200)
        private String displayName;

        @Column(length = 200)
        private String organisation;

        @Column(nullable = false)
        private boolean president;

        @Column(nullable = false)
        private boolean present;

        protected Member() {
        }

        Member(String userId, String displayName, String organisation, boolean president, boolean present) {
            this.userId = userId;
            this.displayName = displayName;
            this.organisation = organisation;
            this.president = president;
            this.present = present;
        }

        public String getUserId() {
            return userId;
        }

        public String getDisplayName() {
            return displayName;
        }

        public String getOrganisation() {
            return organisation;
        }

        public boolean isPresident() {
            return president;
        }

        public boolean isPresent() {
            return present;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "chaired_by", nullable = false, length = 64)
    private String chairedBy;

    @Column(name = "sat_at", nullable = false)
    private Instant satAt;

    @Column(name = "policy_source", nullable = false, length = 300)
    private String policySource;

    @Column(name = "minimum_members", nullable = false)
    private int minimumMembers;

    @Column(nullable = false)
    private int quorum;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cf_certification_jury_member", joinColumns = @JoinColumn(name = "jury_id"))
    @OrderColumn(name = "member_order")
    private List<Member> members = new ArrayList<>();

    protected CertificationJury() {
    }

    CertificationJury(Long campaignId, String chairedBy, Instant satAt, CertificationJuryPolicy policy, List<Member> members) {
        this.campaignId = campaignId;
        this.chairedBy = chairedBy;
        this.satAt = satAt;
        this.policySource = policy.source();
        this.minimumMembers = policy.minimumMembers();
        this.quorum = policy.quorum();
        this.members.addAll(members);
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    /** The jury president who chaired the sitting and submitted its decisions. */
    public String getChairedBy() {
        return chairedBy;
    }

    public Instant getSatAt() {
        return satAt;
    }

    public String getPolicySource() {
        return policySource;
    }

    public int getMinimumMembers() {
        return minimumMembers;
    }

    public int getQuorum() {
        return quorum;
    }

    /** Designated members, the chair first. */
    public List<Member> getMembers() {
        return List.copyOf(members);
    }

    public List<Member> present() {
        return members.stream().filter(Member::isPresent).toList();
    }
}
