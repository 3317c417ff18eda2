package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.calendar.TestDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFI with its evaluation plan as {@code POST /api/rfis} takes it: by default the HHS RFI on
 * grants reporting tools, three topics, three criteria weighted 50/30/20, numeric scale, chaired
 * by panel.chair, closing in 20 days. Tests change only what they are about.
 */
public final class RfiPlanBuilder {

  private final Map<String, Object> plan = new LinkedHashMap<>();
  private final List<Map<String, Object>> criteria = new ArrayList<>(List.of(
      Map.of("name", "Capabilities", "weight", 50, "guidance", "Coverage of reporting needs"),
      Map.of("name", "Standards", "weight", 30, "guidance", "Use of grants data standards"),
      Map.of("name", "Cost", "weight", 20, "guidance", "Credible pricing")));

  private RfiPlanBuilder() {
    plan.put("title", "Request for Information: grants reporting tools");
    plan.put("description", "Tools for recipients' financial and performance reporting.");
    plan.put("agencyCode", "HHS");
    plan.put("topics", List.of("Reporting capabilities", "Data standards", "Pricing"));
    plan.put("closeDate", TestDates.businessDay(LocalDate.now().plusDays(20)).toString());
    plan.put("allowLate", false);
    plan.put("panelChair", "panel.chair");
    plan.put("scaleType", "NUMERIC");
  }

  public static RfiPlanBuilder rfi() {
    return new RfiPlanBuilder();
  }

  public RfiPlanBuilder title(String title) {
    return with("title", title);
  }

  public RfiPlanBuilder description(String description) {
    return with("description", description);
  }

  public RfiPlanBuilder topics(String... topics) {
    return with("topics", List.of(topics));
  }

  /** The close date, moved to the next business day (a close date must be one); {@code with} sets any text. */
  public RfiPlanBuilder closeDate(LocalDate closeDate) {
    return with("closeDate", TestDates.businessDay(closeDate).toString());
  }

  public RfiPlanBuilder scaleType(String scaleType) {
    return with("scaleType", scaleType);
  }

  /** The guidance of the first criterion (Capabilities). */
  public RfiPlanBuilder capabilitiesGuidance(String guidance) {
    criteria.set(0, Map.of("name", "Capabilities", "weight", 50, "guidance", guidance));
    return this;
  }

  public RfiPlanBuilder with(String field, Object value) {
    plan.put(field, value);
    return this;
  }

  /** The plan, in a map the caller may change. */
  public Map<String, Object> build() {
    Map<String, Object> built = new LinkedHashMap<>(plan);
    built.put("criteria", List.copyOf(criteria));
    return built;
  }
}
