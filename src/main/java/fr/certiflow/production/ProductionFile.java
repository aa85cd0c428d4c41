package fr.certiflow.production;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file handed in for a submission, kept in the database that every node shares. */
@Entity
@Table(name = "cf_production_file")
public class ProductionFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id", nullable = false)
    private Long submissionId;

    @Column(name = "document_code", nullable = false, length = 64)
    private String documentCode;

    @Column(nullable = false, length = 255)
    private String filename;

    /** Detected from the bytes, never taken from the client. */
    @Column(name = "content_type", nullable = false, length = 200)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "detected_language", length = 8)
    private String detectedLanguage;

    @Column(name = "language_confidence")
    private Double languageConfidence;

    @Column(name = "uploaded_by", length = 64)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected ProductionFile() {
    }

    ProductionFile(Long submissionId, String documentCode, String filename, String contentType, byte[] content,
            String sha256, String uploadedBy, Instant uploadedAt) {
        this.submissionId = submissionId;
        this.documentCode = documentCode;
        this.filename = filename;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public String getDocumentCode() {
        return documentCode;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content;
    }

    public String getDetectedLanguage() {
        return detectedLanguage;
    }

    public Double getLanguageConfidence() {
        return languageConfidence;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    void languageDetected(String language, double confidence) {
        this.detectedLanguage = language;
        this.languageConfidence = confidence;
    }
}
