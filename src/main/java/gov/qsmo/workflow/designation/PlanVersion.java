package gov.qsmo.workflow.designation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.ListIndexBase;

/**
 * One submitted version of a Marketplace Implementation Plan. Immutable once stored. The proposed
 * service offerings are kept twice: as the section's text (what the director wrote, compared between
 * versions and checked for completeness) and as one row per offering, read from that text.
 */
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

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "plan_service_offering", joinColumns = @JoinColumn(name = "plan_version_id"))
  @OrderColumn(name = "position")
  @ListIndexBase(1)
  @Immutable
  private List<ServiceOffering> serviceOfferingRows = new ArrayList<>();

  @Column(name = "submitted_by", nullable = false, updatable = false)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  protected PlanVersion() {
  }

  PlanVersion(String designationId, int versionNumber, Map<PlanSection, String> sections,
      List<ServiceOffering> serviceOfferings, String submittedBy, Instant submittedAt) {
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
    this.serviceOfferingRows = new ArrayList<>(serviceOfferings);
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

  /**
   * The proposed service offerings, in the plan's order. Empty when the section is missing, and for
   * versions submitted before offerings were stored one by one (their section text is all there is).
   */
  public List<ServiceOffering> serviceOfferings() {
    return List.copyOf(serviceOfferingRows);
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
