package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DUE_DATE_EXTENDED;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.NEW_PLAN_DUE_DATE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.OVERDUE_RESOLUTION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_DUE_DATE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_REMINDER_AT;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.RESOLUTION_REASON;

import gov.qsmo.workflow.designation.DesignationService.OverdueResolution;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.shared.Inputs;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Resolve overdue plan": OMB extends the due date (the timers start again) or withdraws. */
@Component("overduePlanResolvedListener")
class OverduePlanResolvedListener extends FormCompletionListener<Designation> {

  private final DesignationService designations;

  OverduePlanResolvedListener(DesignationService designations, IdentityService identityService) {
    super(designations::ofInstance, identityService);
    this.designations = designations;
  }

  @Override
  protected void completed(Designation designation, CompletedTask task) {
    Map<String, Object> form = task.values();
    OverdueResolution resolution = Inputs.requiredChoice(form, OVERDUE_RESOLUTION, "Resolution",
        OverdueResolution.class);
    LocalDate newDueDate = resolution == OverdueResolution.EXTEND && form.get(NEW_PLAN_DUE_DATE) != null
        ? Inputs.requiredDate(form, NEW_PLAN_DUE_DATE, "New plan due date") : null;
    String reason = Inputs.optionalText(form, RESOLUTION_REASON, "Reason", Inputs.MAX_TEXT);
    designations.resolveOverduePlan(designation.getId(), resolution, newDueDate, reason, task.caller().userId());
    task.set(OVERDUE_RESOLUTION, resolution.name());
    task.set(DUE_DATE_EXTENDED, resolution == OverdueResolution.EXTEND);
    if (resolution == OverdueResolution.EXTEND) {
      task.set(PLAN_DUE_DATE, designation.getPlanDueDate().toString());
      task.set(PLAN_REMINDER_AT, designations.reminderAt(designation).toString());
    }
    task.remove(NEW_PLAN_DUE_DATE, RESOLUTION_REASON);
  }

}
