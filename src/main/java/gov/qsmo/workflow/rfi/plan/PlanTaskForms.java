package gov.qsmo.workflow.rfi.plan;

import gov.qsmo.workflow.process.OfficeTime;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_APPROVE_PLAN;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_REVISE_PLAN;

import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess.TaskDisplay;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiSummaries;
import gov.qsmo.workflow.rfi.RfiTaskForm;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The plan step's tasks: the director reads the plan; a returned plan's form opens with it and the comments. */
@Component
class PlanTaskForms implements RfiTaskForm {

  private final RfiService records;
  private final OfficeTime time;

  PlanTaskForms(RfiService records, OfficeTime time) {
    this.time = time;
    this.records = records;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(TASK_APPROVE_PLAN, TASK_REVISE_PLAN);
  }

  @Override
  public void prepare(DelegateTask task, Rfi rfi, String base) {
    switch (task.getTaskDefinitionKey()) {
      case TASK_APPROVE_PLAN -> task.setVariableLocal(TaskDisplay.PLAN_TEXT, RfiSummaries.plan(rfi, time));
      case TASK_REVISE_PLAN -> revisePlan(task, rfi);
      default -> { }
    }
  }

  /** A returned plan: the form opens with the plan as it stands and the director's comments. */
  private void revisePlan(DelegateTask task, Rfi rfi) {
    records.history(rfi.id).stream().filter(e -> e.action.equals("PLAN_RETURNED")).reduce((a, b) -> b)
        .ifPresent(e -> task.setVariableLocal(TaskDisplay.RETURN_COMMENTS, RfiSummaries.fit(
            RfiSummaries.literal(e.detail) + "  \n*(" + e.actor + ", " + time.dateTime(e.occurredAt) + ")*")));
    PlanDraft.of(rfi, records.clock().getZone()).toForm().forEach((key, value) ->
        task.getExecution().setVariableLocal(key, value));
  }
}
