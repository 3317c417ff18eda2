package gov.qsmo.workflow.rfi.plan;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.ALLOW_LATE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CLOSE_DATE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CRITERIA;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.DESCRIPTION;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PANEL_CHAIR;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCALE_LEVELS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCALE_TYPE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.TITLE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.TOPICS;

import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.ScaleType;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.PipeLines;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An evaluation plan as written, before it is checked against the rules ({@link RfiPlanService#check}).
 * Forms write criteria and scale levels one per line with '|' between the parts; the API sends them
 * structured. Both end up here.
 */
public record PlanDraft(String title, String description, String agencyCode, List<String> topics, LocalDate closeDate,
    boolean allowLate, String panelChair, ScaleType scaleType, List<ScaleType.Level> levels,
    List<CriterionDraft> criteria) {

  public record CriterionDraft(String name, int weight, String guidance) {
  }

  /** Reads a plan from the fields of the draft or revise form. */
  static PlanDraft fromForm(Map<String, ?> form, String agencyCode) {
    ScaleType scaleType = form.get(SCALE_TYPE) == null ? ScaleType.NUMERIC
        : Inputs.requiredChoice(form, SCALE_TYPE, "Rating scale", ScaleType.class);
    String levels = Inputs.optionalText(form, SCALE_LEVELS, "Scale levels", Inputs.MAX_TEXT);
    return new PlanDraft(
        Inputs.requiredText(form, TITLE, "Title", 200),
        Inputs.requiredText(form, DESCRIPTION, "Description", Inputs.MAX_TEXT),
        agencyCode,
        lines(Inputs.requiredText(form, TOPICS, "Topics", Inputs.MAX_TEXT)),
        Inputs.requiredDate(form, CLOSE_DATE, "Close date"),
        Inputs.optionalBoolean(form, ALLOW_LATE, "Accept late responses", false),
        Inputs.requiredText(form, PANEL_CHAIR, "Panel chair", 100),
        scaleType,
        levels == null ? scaleType.defaults() : parseLevels(levels),
        parseCriteria(Inputs.requiredText(form, CRITERIA, "Criteria", Inputs.MAX_TEXT)));
  }

  /** The form fields that show this plan again (the revise form opens with them). */
  public Map<String, Object> toForm() {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(TITLE, title);
    form.put(DESCRIPTION, description);
    form.put(TOPICS, String.join("\n", topics));
    form.put(CLOSE_DATE, closeDate.toString());
    form.put(ALLOW_LATE, allowLate);
    form.put(PANEL_CHAIR, panelChair);
    form.put(SCALE_TYPE, scaleType.name());
    form.put(SCALE_LEVELS, levels.stream().map(l -> l.value() + " | " + l.label() + " | " + l.definition())
        .collect(Collectors.joining("\n")));
    form.put(CRITERIA, criteria.stream().map(c -> c.name() + " | " + c.weight() + " | " + c.guidance())
        .collect(Collectors.joining("\n")));
    return form;
  }

  public static PlanDraft of(Rfi rfi, java.time.ZoneId zone) {
    return new PlanDraft(rfi.title, rfi.description, rfi.agencyCode, List.copyOf(rfi.topics),
        rfi.closesAt.atZone(zone).toLocalDate(), rfi.allowLate, rfi.panelChairId, rfi.scaleType,
        rfi.scale.stream().map(l -> new ScaleType.Level(l.value, l.label, l.definition)).toList(),
        rfi.criteria.stream().map(c -> new CriterionDraft(c.name, c.weight, c.guidance)).toList());
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  /** "value | label | definition" per line. */
  static List<ScaleType.Level> parseLevels(String text) {
    List<ScaleType.Level> levels = new ArrayList<>();
    for (PipeLines.Line line : PipeLines.parse(text, 3)) {
      List<String> parts = line.parts();
      String where = "Scale levels, line " + line.number();
      if (parts.size() < 2 || !line.part(0).matches("\\d{1,2}")) {
        throw new InvalidRequestException(SCALE_LEVELS, where + ": write 'value | label | definition', e.g. "
            + "'3 | Satisfactory | Adequate approach and understanding'.");
      }
      int value = Integer.parseInt(line.part(0));
      String label = line.part(1);
      String definition = parts.size() == 3 ? line.part(2) : "";
      if (label.isEmpty()) {
        throw new InvalidRequestException(SCALE_LEVELS, where + ": level " + value + " has no label.");
      }
      if (definition.isEmpty()) {
        throw new InvalidRequestException(SCALE_LEVELS, "Scale level " + value + " (" + label
            + ") has no definition; write what a reviewer must see to give it (" + where + ").");
      }
      levels.add(new ScaleType.Level(value, label, definition));
    }
    return levels;
  }

  /** "name | weight | guidance" per line. */
  static List<CriterionDraft> parseCriteria(String text) {
    List<CriterionDraft> criteria = new ArrayList<>();
    for (PipeLines.Line line : PipeLines.parse(text, 3)) {
      List<String> parts = line.parts();
      String where = "Criteria, line " + line.number();
      if (parts.size() < 3) {
        throw new InvalidRequestException(CRITERIA, where + ": write 'name | weight | guidance', e.g. "
            + "'Customer experience | 25 | How the solution serves grantees and grant staff'.");
      }
      String weight = line.part(1);
      if (!weight.matches("\\d{1,3}")) {
        throw new InvalidRequestException(CRITERIA, where + ": the weight '" + weight
            + "' is not a whole number of percent.");
      }
      criteria.add(new CriterionDraft(line.part(0), Integer.parseInt(weight), line.part(2)));
    }
    return criteria;
  }
}
