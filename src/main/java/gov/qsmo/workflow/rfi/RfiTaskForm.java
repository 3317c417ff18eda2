package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.rfi.RfiProcess.TaskDisplay;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

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

  /** A title cut to fit a task list's row. */
  static String shorten(String title) {
    return title.length() <= 80 ? title : title.substring(0, 77) + "...";
  }

  /** The rating scale and each criterion's name, weight and guidance, as a score or consensus form shows them. */
  static void criteria(DelegateTask task, Rfi rfi) {
    task.setVariableLocal(TaskDisplay.SCALE_TEXT, RfiSummaries.scale(rfi));
    for (Rfi.Criterion criterion : rfi.criteria) {
      task.setVariableLocal(TaskDisplay.criterionName(criterion.position),
          criterion.position + "\\. " + RfiSummaries.literal(criterion.name) + " (" + criterion.weight + "%)");
      task.setVariableLocal(TaskDisplay.criterionGuidance(criterion.position),
          RfiSummaries.fit(RfiSummaries.literal(criterion.guidance)));
    }
  }
}
