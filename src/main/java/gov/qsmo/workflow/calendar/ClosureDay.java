package gov.qsmo.workflow.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A day an administrator closed the offices (an unscheduled OPM closure): no business day. */
@Entity
@Table(name = "closure_day")
public class ClosureDay {

  @Id
  private LocalDate day;

  @Column(nullable = false)
  private String reason;

  @Column(name = "added_by", nullable = false)
  private String addedBy;

  @Column(name = "added_at", nullable = false)
  private Instant addedAt;

  protected ClosureDay() {
  }

  ClosureDay(LocalDate day, String reason, String addedBy, Instant addedAt) {
    this.day = day;
    this.reason = reason;
    this.addedBy = addedBy;
    this.addedAt = addedAt;
  }

  public LocalDate getDay() {
    return day;
  }

  public String getReason() {
    return reason;
  }

  public String getAddedBy() {
    return addedBy;
  }

  public Instant getAddedAt() {
    return addedAt;
  }
}
