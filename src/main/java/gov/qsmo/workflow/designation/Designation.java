package gov.qsmo.workflow.designation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A QSMO designation of one agency for one functional area. Its id is the process business key. */
@Entity
@Table(name = "designation")
public class Designation {

  @Id
  private String id;

  @Column(name = "functional_area_code", nullable = false)
  private String functionalAreaCode;

  @Column(name = "agency_code", nullable = false)
  private String agencyCode;

  @Column(nullable = false)
  private String scope;

  @Column(name = "plan_due_date", nullable = false)
  private LocalDate planDueDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DesignationStatus status;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "designated_scope")
  private String designatedScope;

  @Column(name = "effective_date")
  private LocalDate effectiveDate;

  @Column(name = "designated_plan_version")
  private Integer designatedPlanVersion;

  @Column(name = "supersedes_id")
  private String supersedesId;

  @Column(name = "superseded_by_id")
  private String supersededById;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Designation() {
  }

  Designation(String id, String functionalAreaCode, String agencyCode, String scope, LocalDate planDueDate,
      String processInstanceId, String createdBy, Instant now) {
    this.id = id;
    this.functionalAreaCode = functionalAreaCode;
    this.agencyCode = agencyCode;
    this.scope = scope;
    this.planDueDate = planDueDate;
    this.processInstanceId = processInstanceId;
    this.status = DesignationStatus.IDENTIFIED;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void extendPlanDueDate(LocalDate newDueDate, Instant now) {
    this.planDueDate = newDueDate;
    this.updatedAt = now;
  }

  void designate(String scope, LocalDate effectiveDate, int planVersion, Instant now) {
    this.designatedScope = scope;
    this.effectiveDate = effectiveDate;
    this.designatedPlanVersion = planVersion;
    moveTo(DesignationStatus.DESIGNATED, now);
  }

  void amendScope(String scope, Instant now) {
    this.designatedScope = scope;
    this.updatedAt = now;
  }

  void supersedes(String predecessorId) {
    this.supersedesId = predecessorId;
  }

  void supersededBy(String successorId, Instant now) {
    this.supersededById = successorId;
    moveTo(DesignationStatus.SUPERSEDED, now);
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void moveTo(DesignationStatus next, Instant now) {
    this.status = next;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getFunctionalAreaCode() {
    return functionalAreaCode;
  }

  public String getAgencyCode() {
    return agencyCode;
  }

  public String getScope() {
    return scope;
  }

  public LocalDate getPlanDueDate() {
    return planDueDate;
  }

  public DesignationStatus getStatus() {
    return status;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getDesignatedScope() {
    return designatedScope;
  }

  public LocalDate getEffectiveDate() {
    return effectiveDate;
  }

  public Integer getDesignatedPlanVersion() {
    return designatedPlanVersion;
  }

  public String getSupersedesId() {
    return supersedesId;
  }

  public String getSupersededById() {
    return supersededById;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
