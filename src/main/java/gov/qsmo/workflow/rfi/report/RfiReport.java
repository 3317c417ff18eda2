package gov.qsmo.workflow.rfi.report;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A generated evaluation report, as PDF and as CSV of every score. The final one carries the approval. */
@Entity
@Table(name = "rfi_report")
public class RfiReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;
  @Column(name = "rfi_id", nullable = false, updatable = false)
  String rfiId;
  @Column(nullable = false, updatable = false)
  public int version;
  @Column(name = "final", nullable = false, updatable = false)
  public boolean finalReport;
  @Column(name = "generated_at", nullable = false, updatable = false)
  public Instant generatedAt;
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  public byte[] pdf;
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  public byte[] csv;

  protected RfiReport() {
  }

  RfiReport(String rfiId, int version, boolean finalReport, Instant generatedAt, byte[] pdf, byte[] csv) {
    this.rfiId = rfiId;
    this.version = version;
    this.finalReport = finalReport;
    this.generatedAt = generatedAt;
    this.pdf = pdf;
    this.csv = csv;
  }
}
