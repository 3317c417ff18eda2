package gov.qsmo.workflow.rfi.responses;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file a respondent attached to a response, kept in the database with its SHA-256 digest. */
@Entity
@Table(name = "rfi_attachment")
public class RfiAttachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;
  @Column(name = "response_id", nullable = false, updatable = false)
  String responseId;
  @Column(name = "file_name", nullable = false, updatable = false)
  public String fileName;
  @Column(name = "content_type", nullable = false, updatable = false)
  public String contentType;
  @Column(name = "size_bytes", nullable = false, updatable = false)
  public long sizeBytes;
  @Column(nullable = false, updatable = false)
  public String sha256;
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  public byte[] content;
  @Column(name = "uploaded_by", nullable = false, updatable = false)
  String uploadedBy;
  @Column(name = "uploaded_at", nullable = false, updatable = false)
  public Instant uploadedAt;

  protected RfiAttachment() {
  }

  RfiAttachment(String responseId, String fileName, String contentType, byte[] content, String sha256,
      String uploadedBy, Instant uploadedAt) {
    this.responseId = responseId;
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
    this.sizeBytes = content.length;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }
}
