package fr.certiflow.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A published référentiel version as it was first registered: campaigns point at (code, version), and the content
 * stored here is what they read, whatever happens to the file later.
 */
@Entity
@Table(name = "cf_referential_version")
class ReferentialVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false, length = 500)
    private String title;

    /** SHA-256 of {@link #content}, hex. */
    @Column(nullable = false, length = 64)
    private String checksum;

    /** The référentiel as JSON. */
    @Column(nullable = false, length = 1_000_000)
    private String content;

    @Column(name = "source_file", nullable = false, length = 1000)
    private String sourceFile;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected ReferentialVersionEntity() {
    }

    ReferentialVersionEntity(String code, int version, String title, String checksum, String content,
            String sourceFile, Instant registeredAt) {
        this.code = code;
        this.version = version;
        this.title = title;
        this.checksum = checksum;
        this.content = content;
        this.sourceFile = sourceFile;
        this.registeredAt = registeredAt;
    }

    String code() {
        return code;
    }

    int version() {
        return version;
    }

    String title() {
        return title;
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
}
