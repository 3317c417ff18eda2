package gov.qsmo.workflow.designation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** One submitted version of a Marketplace Implementation Plan. Immutable once stored. */
@Entity
@Table(name = "plan_version")
public class PlanVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "designation_id", nullable = false, updatable = false)
  private String designationId;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int versionNumber;

  @Column(name = "service_offerings", updatable = false)
  private String serviceOfferings;

  @Column(name = "acquisition_strategy", updatable = false)
  private String acquisitionStrategy;

  @Column(updatable = false)
  private String governance;

  @Column(name = "financial_infrastructure", updatable = false)
  private String financialInfrastructure;

  @Column(updatable = false)
  private String organization;

  @Column(name = "customer_engagement", updatable = false)
  private String customerEngagement;

  @Column(name = "standards_alignment", updatable = false)
  private String standardsAlignment;

  @Column(name = "performance_measures", updatable = false)
  private String performanceMeasures;

  @Column(name = "legacy_provider_transition", updatable = false)
  private String legacyProviderTransition;

  @Column(updatable = false)
  private String risks;

  @Column(name = "submitted_by", nullable = false, updatable = false)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  protected PlanVersion() {
  }

  PlanVersion(String designationId, int versionNumber, Map<PlanSection, String> sections, String submittedBy,
      Instant submittedAt) {
    this.designationId = designationId;
    this.versionNumber = versionNumber;
    this.serviceOfferings = sections.get(PlanSection.SERVICE_OFFERINGS);
    this.acquisitionStrategy = sections.get(PlanSection.ACQUISITION_STRATEGY);
    this.governance = sections.get(PlanSection.GOVERNANCE);
    this.financialInfrastructure = sections.get(PlanSection.FINANCIAL_INFRASTRUCTURE);
    this.organization = sections.get(PlanSection.ORGANIZATION);
    this.customerEngagement = sections.get(PlanSection.CUSTOMER_ENGAGEMENT);
    this.standardsAlignment = sections.get(PlanSection.STANDARDS_ALIGNMENT);
    this.performanceMeasures = sections.get(PlanSection.PERFORMANCE_MEASURES);
    this.legacyProviderTransition = sections.get(PlanSection.LEGACY_PROVIDER_TRANSITION);
    this.risks = sections.get(PlanSection.RISKS);
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
  }

  /** The sections that have text, in plan order. */
  public Map<PlanSection, String> sections() {
    Map<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
    put(sections, PlanSection.SERVICE_OFFERINGS, serviceOfferings);
    put(sections, PlanSection.ACQUISITION_STRATEGY, acquisitionStrategy);
    put(sections, PlanSection.GOVERNANCE, governance);
    put(sections, PlanSection.FINANCIAL_INFRASTRUCTURE, financialInfrastructure);
    put(sections, PlanSection.ORGANIZATION, organization);
    put(sections, PlanSection.CUSTOMER_ENGAGEMENT, customerEngagement);
    put(sections, PlanSection.STANDARDS_ALIGNMENT, standardsAlignment);
    put(sections, PlanSection.PERFORMANCE_MEASURES, performanceMeasures);
    put(sections, PlanSection.LEGACY_PROVIDER_TRANSITION, legacyProviderTransition);
    put(sections, PlanSection.RISKS, risks);
    return sections;
  }

  private static void put(Map<PlanSection, String> sections, PlanSection section, String text) {
    if (text != null) {
      sections.put(section, text);
    }
  }

  public Long getId() {
    return id;
  }

  public String getDesignationId() {
    return designationId;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }
}
