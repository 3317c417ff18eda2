package gov.qsmo.workflow.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A QSMO's request to customer agencies for their systems inventory, due on a business day. */
@Entity
@Table(name = "data_call")
public class DataCall {

  @Id
  private String id;

  @Column(name = "designation_id", nullable = false, updatable = false)
  private String designationId;

  @Column(nullable = false, updatable = false)
  private String title;

  @Column(updatable = false)
  private String instructions;

  @Column(name = "due_date", nullable = false, updatable = false)
  private LocalDate dueDate;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected DataCall() {
  }

  DataCall(String id, String designationId, String title, String instructions, LocalDate dueDate, String createdBy,
      Instant createdAt) {
    this.id = id;
    this.designationId = designationId;
    this.title = title;
    this.instructions = instructions;
    this.dueDate = dueDate;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public String getId() {
    return id;
  }

  public String getDesignationId() {
    return designationId;
  }

  public String getTitle() {
    return title;
  }

  public String getInstructions() {
    return instructions;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
