package gov.qsmo.workflow.designation;

/**
 * The sections of a Marketplace Implementation Plan. The key is the Camunda Form field key and the
 * JSON property name; {@code required} marks the five sections every plan must have.
 */
public enum PlanSection {
  SERVICE_OFFERINGS("serviceOfferings", "Proposed service offerings", true),
  ACQUISITION_STRATEGY("acquisitionStrategy", "Acquisition strategy", true),
  GOVERNANCE("governance", "Governance", true),
  FINANCIAL_INFRASTRUCTURE("financialInfrastructure", "Financial infrastructure", true),
  ORGANIZATION("organization", "Organization", true),
  CUSTOMER_ENGAGEMENT("customerEngagement", "Customer engagement", false),
  STANDARDS_ALIGNMENT("standardsAlignment", "Standards alignment (Federal Integrated Business Framework)", false),
  PERFORMANCE_MEASURES("performanceMeasures", "Performance measures", false),
  LEGACY_PROVIDER_TRANSITION("legacyProviderTransition", "Legacy-provider transition", false),
  RISKS("risks", "Risks", false);

  private final String key;
  private final String title;
  private final boolean required;

  PlanSection(String key, String title, boolean required) {
    this.key = key;
    this.title = title;
    this.required = required;
  }

  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  public boolean required() {
    return required;
  }
}
