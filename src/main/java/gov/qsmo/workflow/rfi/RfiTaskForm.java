package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.rfi.RfiProcess.TaskDisplay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What one step puts into the forms of its own tasks when they are created: each step contributes
 * one for its task keys, and {@link RfiTaskCreatedListener} hands every new task to the one for its key.
 */
public interface RfiTaskForm {

  /** The task definition keys (RfiProcess.Elements.TASK_...) this step prepares. */
  Set<String> taskKeys();

  /**
   * Fills in the task-local variables the form shows; {@code baseName} is the task's name in the model
   * (the task is already named after its RFI).
   */
  void prepare(DelegateTask task, Rfi rfi, String baseName);

  /**
   * Where a task's display variables go: the task itself; or, for the scoring tasks in one response's own
   * instance (ADR 0014), that instance. Its reviewers see the same texts, so they are written once per response
   * and removed with the instance, not created and deleted with each reviewer's task (two dozen variables and
   * their history per completion). The form reads them the same way either way (a task's variables include
   * those of its instance).
   */
  static VariableScope displayScope(DelegateTask task) {
    String definition = task.getProcessDefinitionId();
    if (definition != null && definition.startsWith(RfiProcess.SCORING_KEY + ":")) {
      return task.getExecution().getProcessInstance();
    }
    return task;
  }

  /** Whether the texts named {@code marker} are already in a display scope shared by several tasks. */
  static boolean alreadyShown(DelegateTask task, VariableScope display, String marker) {
    return display != task && display.hasVariableLocal(marker);
  }

  /** A title cut to fit a task list's row. */
  static String shorten(String title) {
    return title.length() <= 80 ? title : title.substring(0, 77) + "...";
  }

  /** The rating scale and each criterion's name, weight and guidance, as a score or consensus form shows them. */
  static void criteria(VariableScope task, Rfi rfi) {
    task.setVariableLocal(TaskDisplay.SCALE_TEXT, RfiSummaries.scale(rfi));
    task.setVariableLocal(TaskDisplay.RATING_LEVELS, ratingLevels(rfi));
    for (Rfi.Criterion criterion : rfi.criteria) {
      task.setVariableLocal(TaskDisplay.criterionName(criterion.position),
          criterion.position + "\\. " + RfiSummaries.literal(criterion.name) + " (" + criterion.weight + "%)");
      task.setVariableLocal(TaskDisplay.criterionTitle(criterion.position), criterion.position + ". " + criterion.name);
      task.setVariableLocal(TaskDisplay.criterionGuidance(criterion.position),
          RfiSummaries.fit(RfiSummaries.literal(criterion.guidance)));
    }
  }

  /**
   * The scale's levels, highest first, each labelled with its value, its label and its definition (a radio
   * button's label is plain text): a JSON variable, which a form's options read through {@code valuesKey}.
   */
  static org.camunda.spin.plugin.variable.value.JsonValue ratingLevels(Rfi rfi) {
    List<Map<String, Object>> levels = rfi.scale.stream()
        .sorted(java.util.Comparator.comparingInt((Rfi.ScaleLevel l) -> l.value).reversed())
        .map(l -> Map.<String, Object>of("value", l.value, "label", levelLabel(l)))
        .toList();
    return json(levels);
  }

  /** A JSON variable (Camunda Spin) for a form's table or options: no length limit, unlike a string. */
  static org.camunda.spin.plugin.variable.value.JsonValue json(Object value) {
    return gov.qsmo.workflow.process.FormJson.of(value);
  }

  /** "4 – Good: definition"; a numeric level whose label is its number: "4 – definition". */
  private static String levelLabel(Rfi.ScaleLevel level) {
    String definition = level.definition == null ? "" : level.definition.strip();
    String label = level.label == null || level.label.strip().equals(String.valueOf(level.value)) ? ""
        : level.label.strip();
    String words = label.isEmpty() ? definition : definition.isEmpty() ? label : label + ": " + definition;
    return words.isEmpty() ? String.valueOf(level.value) : level.value + " \u2013 " + words;
  }
}
