package gov.qsmo.workflow.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** An agency asked by a data call: whether and when it answered, and its latest version. */
@Entity
@Table(name = "data_call_agency")
@IdClass(DataCallAgency.Key.class)
public class DataCallAgency {

  /** The composite key: the data call and the agency. */
  public record Key(String dataCallId, String agencyCode) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "data_call_id")
  private String dataCallId;

  @Id
  @Column(name = "agency_code")
  private String agencyCode;

  @Column(name = "latest_version")
  private Integer latestVersion;

  private Integer systems;

  @Column(name = "first_submitted_at")
  private Instant firstSubmittedAt;

  @Column(name = "last_submitted_at")
  private Instant lastSubmittedAt;

  protected DataCallAgency() {
  }

  DataCallAgency(String dataCallId, String agencyCode) {
    this.dataCallId = dataCallId;
    this.agencyCode = agencyCode;
  }

  void submitted(int version, int systemCount, Instant at) {
    this.latestVersion = version;
    this.systems = systemCount;
    if (firstSubmittedAt == null) {
      firstSubmittedAt = at;
    }
    this.lastSubmittedAt = at;
  }

  public String getDataCallId() {
    return dataCallId;
  }

  public String getAgencyCode() {
    return agencyCode;
  }

  public Integer getLatestVersion() {
    return latestVersion;
  }

  public Integer getSystems() {
    return systems;
  }

  public Instant getFirstSubmittedAt() {
    return firstSubmittedAt;
  }

  public Instant getLastSubmittedAt() {
    return lastSubmittedAt;
  }
}
