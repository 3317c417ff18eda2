package gov.qsmo.workflow.designation.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One version of what a QSMO's director submitted for an assessment; a version returned by the board stays as it was.
 * The offerings and the open conditions are taken from the program's records when it is submitted.
 */
@Entity
@Table(name = "qsmo_assessment_submission")
public class AssessmentSubmission {

  /** The director's answers, as the form and the API carry them. */
  public record Answers(String performanceMeasures, String customersServed, String customersOnboarding,
      String customerSatisfaction, String risks) {
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "assessment_id", nullable = false, updatable = false)
  private Long assessmentId;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int versionNumber;

  @Column(name = "performance_measures", nullable = false, updatable = false)
  private String performanceMeasures;

  @Column(name = "customers_served", nullable = false, updatable = false)
  private String customersServed;

  @Column(name = "customers_onboarding", updatable = false)
  private String customersOnboarding;

  @Column(name = "customer_satisfaction", nullable = false, updatable = false)
  private String customerSatisfaction;

  @Column(nullable = false, updatable = false)
  private String risks;

  @Column(name = "offerings_summary", nullable = false, updatable = false)
  private String offeringsSummary;

  @Column(name = "open_conditions", nullable = false, updatable = false)
  private String openConditions;

  @Column(name = "submitted_by", nullable = false, updatable = false)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  protected AssessmentSubmission() {
  }

  AssessmentSubmission(Long assessmentId, int versionNumber, Answers answers, String offeringsSummary,
      String openConditions, String submittedBy, Instant submittedAt) {
    this.assessmentId = assessmentId;
    this.versionNumber = versionNumber;
    this.performanceMeasures = answers.performanceMeasures();
    this.customersServed = answers.customersServed();
    this.customersOnboarding = answers.customersOnboarding();
    this.customerSatisfaction = answers.customerSatisfaction();
    this.risks = answers.risks();
    this.offeringsSummary = offeringsSummary;
    this.openConditions = openConditions;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
  }

  public Answers answers() {
    return new Answers(performanceMeasures, customersServed, customersOnboarding, customerSatisfaction, risks);
  }

  public Long getId() {
    return id;
  }

  public Long getAssessmentId() {
    return assessmentId;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public String getOfferingsSummary() {
    return offeringsSummary;
  }

  public String getOpenConditions() {
    return openConditions;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }
}
