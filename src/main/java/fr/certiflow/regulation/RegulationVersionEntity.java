package fr.certiflow.regulation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published règlement version as first registered: what campaigns running under it read, whatever the file becomes. */
@Entity
@Table(name = "cf_regulation_version")
class RegulationVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "referential_code", nullable = false, length = 64)
    private String referentialCode;

    @Column(name = "referential_version", nullable = false)
    private int referentialVersion;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false, length = 500)
    private String title;

    /** SHA-256 of {@link #content}, hex. */
    @Column(nullable = false, length = 64)
    private String checksum;

    /** The règlement as JSON. */
    @Column(nullable = false, length = 100_000)
    private String content;

    @Column(name = "source_file", nullable = false, length = 1000)
    private String sourceFile;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    /**
     * The version that replaced this one, when a documented migration moved its campaigns there (the stored text stays
     * as the record); a superseded version is not offered any more.
     */
    @Column(name = "superseded_by")
    private Integer supersededBy;

    protected RegulationVersionEntity() {
    }

    RegulationVersionEntity(Regulation regulation, String checksum, String content, String sourceFile,
            Instant registeredAt) {
        this.referentialCode = regulation.referential().code();
        this.referentialVersion = regulation.referential().version();
        this.version = regulation.version();
        this.title = regulation.title();
        this.checksum = checksum;
        this.content = content;
        this.sourceFile = sourceFile;
        this.registeredAt = registeredAt;
    }

    String checksum() {
        return checksum;
    }

    String content() {
        return content;
    }

    String sourceFile() {
        return sourceFile;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    public boolean superseded() {
        return supersededBy != null;
    }
}
