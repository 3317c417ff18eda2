package gov.qsmo.workflow.rfi.responses;

import gov.qsmo.workflow.rfi.RfiAccess;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A respondent's answer to an RFI: market research, not an offer (FAR 15.201(e)). Its answers are
 * read only by those {@link RfiAccess} allows when the respondent marked it proprietary.
 */
@Entity
@Table(name = "rfi_response")
public class RfiResponse {

  @Id
  public String id;
  @Column(name = "rfi_id", nullable = false, updatable = false)
  public String rfiId;
  @Column(nullable = false, updatable = false)
  public String organization;
  @Column(updatable = false)
  public String uei;
  @Column(name = "small_business", nullable = false, updatable = false)
  public boolean smallBusiness;
  @Column(name = "contact_name", nullable = false, updatable = false)
  public String contactName;
  @Column(name = "contact_email", nullable = false, updatable = false)
  public String contactEmail;
  @Column(nullable = false, updatable = false)
  public boolean proprietary;
  @Column(name = "received_at", nullable = false, updatable = false)
  public Instant receivedAt;
  @Column(nullable = false, updatable = false)
  public boolean late;
  @Column(name = "submitted_by", nullable = false, updatable = false)
  public String submittedBy;
  @Column(name = "on_time")
  public Boolean onTime;
  @Column(name = "all_topics_answered")
  public Boolean allTopicsAnswered;
  public Boolean eligible;
  @Column(name = "override_reason")
  public String overrideReason;
  @Column(name = "screened_by")
  public String screenedBy;

  /** Topic position (1-based) to the answer. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "rfi_response_answer", joinColumns = @JoinColumn(name = "response_id"))
  @MapKeyColumn(name = "topic_position")
  @Column(name = "answer")
  public Map<Integer, String> answers = new TreeMap<>();

  protected RfiResponse() {
  }

  RfiResponse(String id, String rfiId, String submittedBy, Instant receivedAt, boolean late) {
    this.id = id;
    this.rfiId = rfiId;
    this.submittedBy = submittedBy;
    this.receivedAt = receivedAt;
    this.late = late;
  }

  public boolean isEligible() {
    return Boolean.TRUE.equals(eligible);
  }
}
