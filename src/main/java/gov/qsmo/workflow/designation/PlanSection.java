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

  /** The section with this form key. */
  public static PlanSection ofKey(String key) {
    for (PlanSection section : values()) {
      if (section.key.equals(key)) {
        return section;
      }
    }
    throw new IllegalArgumentException("No plan section with key " + key);
  }

  /** Section keys as the process keeps them ("governance,risks") to the sections, in plan order. */
  public static java.util.List<PlanSection> fromKeys(String keys) {
    if (keys == null || keys.isBlank()) {
      return java.util.List.of();
    }
    return java.util.Arrays.stream(keys.split(",")).map(String::strip).map(PlanSection::ofKey).sorted().toList();
  }

  /** The sections as the process keeps them: comma-separated keys. */
  public static String toKeys(java.util.Collection<PlanSection> sections) {
    return sections.stream().sorted().map(PlanSection::key).collect(java.util.stream.Collectors.joining(","));
  }

  /** The form key of a reviewer's comment on this section, e.g. governanceComment. */
  public String commentKey() {
    return key + "Comment";
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
