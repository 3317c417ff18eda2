package gov.qsmo.workflow.designation.condition;

import static gov.qsmo.workflow.designation.condition.ConditionProcess.Variables.CONDITION_DECISION;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Variables.CONDITION_DUE_DATE;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Variables.CONDITION_REASON;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Variables.CONDITION_STATUS;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Variables.EVIDENCE_LINKS;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Variables.NEW_CONDITION_DUE_DATE;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Variables.OVERDUE_RESOLUTION;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Variables.PROGRESS_REPORT;

import gov.qsmo.workflow.designation.condition.ConditionService.Decision;
import gov.qsmo.workflow.designation.condition.ConditionService.OverdueResolution;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.shared.Inputs;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The condition process's listeners: each reads its form, calls {@link ConditionService}, which holds the rule, and
 * sets {@code conditionStatus} for the gateways after it.
 */
final class ConditionListeners {

  private ConditionListeners() {
  }

  /** End of "Report progress on condition": the director's report goes to OMB. */
  @Component("conditionProgressReportedListener")
  static class ProgressReported extends FormCompletionListener<DesignationCondition> {

    private final ConditionService conditions;

    ProgressReported(ConditionService conditions, IdentityService identityService) {
      super(conditions::ofInstance, identityService);
      this.conditions = conditions;
    }

    @Override
    protected void completed(DesignationCondition condition, CompletedTask task) {
      Map<String, Object> form = task.values();
      conditions.reportProgress(condition.getId(),
          Inputs.optionalText(form, PROGRESS_REPORT, "Progress report", Inputs.MAX_TEXT),
          Inputs.optionalText(form, EVIDENCE_LINKS, "Links to evidence", Inputs.MAX_TEXT), task.caller().userId());
      task.remove(PROGRESS_REPORT, EVIDENCE_LINKS);
    }
  }

  /** End of "Decide whether condition is met": met or not met closes it; more progress sends it back. */
  @Component("conditionDecidedListener")
  static class Decided extends FormCompletionListener<DesignationCondition> {

    private final ConditionService conditions;

    Decided(ConditionService conditions, IdentityService identityService) {
      super(conditions::ofInstance, identityService);
      this.conditions = conditions;
    }

    @Override
    protected void completed(DesignationCondition condition, CompletedTask task) {
      Map<String, Object> form = task.values();
      DesignationCondition decided = conditions.decide(condition.getId(),
          Inputs.requiredChoice(form, CONDITION_DECISION, "Decision", Decision.class),
          Inputs.optionalText(form, CONDITION_REASON, "Reason", Inputs.MAX_TEXT), task.caller().userId());
      task.set(CONDITION_STATUS, decided.getStatus().name());
      task.remove(CONDITION_DECISION, CONDITION_REASON);
    }
  }

  /** End of "Resolve overdue condition": a new due date reopens it; met or not met closes it. */
  @Component("overdueConditionResolvedListener")
  static class OverdueResolved extends FormCompletionListener<DesignationCondition> {

    private final ConditionService conditions;

    OverdueResolved(ConditionService conditions, IdentityService identityService) {
      super(conditions::ofInstance, identityService);
      this.conditions = conditions;
    }

    @Override
    protected void completed(DesignationCondition condition, CompletedTask task) {
      Map<String, Object> form = task.values();
      OverdueResolution resolution = Inputs.requiredChoice(form, OVERDUE_RESOLUTION, "Resolution",
          OverdueResolution.class);
      Object given = form.get(NEW_CONDITION_DUE_DATE);
      LocalDate newDue = resolution == OverdueResolution.EXTEND && given != null
          && !(given instanceof String s && s.isBlank())
          ? Inputs.requiredDate(form, NEW_CONDITION_DUE_DATE, "New due date") : null;
      DesignationCondition resolved = conditions.resolveOverdue(condition.getId(), resolution, newDue,
          Inputs.optionalText(form, CONDITION_REASON, "Reason", Inputs.MAX_TEXT), task.caller().userId());
      task.set(CONDITION_STATUS, resolved.getStatus().name());
      task.set(CONDITION_DUE_DATE, resolved.getDueDate().toString());
      task.remove(OVERDUE_RESOLUTION, NEW_CONDITION_DUE_DATE, CONDITION_REASON);
    }
  }

  /** The due-date timer fired: the condition is overdue (the history says so) and goes to OMB. */
  @Component("conditionOverdueListener")
  static class Overdue implements ExecutionListener {

    private final ConditionService conditions;

    Overdue(ConditionService conditions) {
      this.conditions = conditions;
    }

    @Override
    public void notify(DelegateExecution execution) {
      conditions.markOverdue(conditions.ofInstance(execution).getId());
    }
  }
}
