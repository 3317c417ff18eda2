package gov.qsmo.workflow.designation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Marketplace Implementation Plan as the form (and {@code POST .../plan-versions}) takes it: section
 * key to text. {@link #complete()} holds the five sections the board requires; tests change only
 * what they are about.
 */
public final class PlanBuilder {

  public static final String OFFERING = "Grants system | federal | HHS GrantSolutions | Interagency agreement";

  private final Map<String, Object> sections = new LinkedHashMap<>();

  private PlanBuilder() {
  }

  /** The five required sections, one service offering. */
  public static PlanBuilder complete() {
    return new PlanBuilder()
        .with("serviceOfferings", OFFERING)
        .with("acquisitionStrategy", "GSA schedule.")
        .with("governance", "Customer council.")
        .with("financialInfrastructure", "Fee for service.")
        .with("organization", "Program office.");
  }

  /** The service offerings, one per line: name | federal or commercial | provider | contract vehicle. */
  public PlanBuilder offerings(String lines) {
    return with("serviceOfferings", lines);
  }

  public PlanBuilder with(String section, String text) {
    sections.put(section, text);
    return this;
  }

  public PlanBuilder without(String section) {
    sections.remove(section);
    return this;
  }

  /** The sections, in a map the caller may change. */
  public Map<String, Object> build() {
    return new LinkedHashMap<>(sections);
  }
}
