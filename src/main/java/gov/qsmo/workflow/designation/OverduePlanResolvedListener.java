package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DUE_DATE_EXTENDED;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.NEW_PLAN_DUE_DATE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.OVERDUE_RESOLUTION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_DUE_DATE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_REMINDER_AT;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.RESOLUTION_REASON;

import gov.qsmo.workflow.designation.DesignationService.OverdueResolution;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.shared.Inputs;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Resolve overdue plan": OMB extends the due date (the timers start again) or withdraws. */
@Component("overduePlanResolvedListener")
class OverduePlanResolvedListener implements ExecutionListener {

  private final DesignationService designations;
  private final IdentityService identityService;

  OverduePlanResolvedListener(DesignationService designations, IdentityService identityService) {
    this.designations = designations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Designation designation = designations.ofInstance(execution);
      Map<String, Object> form = execution.getVariables();
      OverdueResolution resolution = Inputs.requiredChoice(form, OVERDUE_RESOLUTION, "Resolution",
          OverdueResolution.class);
      LocalDate newDueDate = resolution == OverdueResolution.EXTEND && form.get(NEW_PLAN_DUE_DATE) != null
          ? Inputs.requiredDate(form, NEW_PLAN_DUE_DATE, "New plan due date") : null;
      String reason = Inputs.optionalText(form, RESOLUTION_REASON, "Reason", Inputs.MAX_TEXT);
      designations.resolveOverduePlan(designation.getId(), resolution, newDueDate, reason, Caller.current(identityService).userId());
      execution.setVariable(OVERDUE_RESOLUTION, resolution.name());
      execution.setVariable(DUE_DATE_EXTENDED, resolution == OverdueResolution.EXTEND);
      if (resolution == OverdueResolution.EXTEND) {
        execution.setVariable(PLAN_DUE_DATE, designation.getPlanDueDate().toString());
        execution.setVariable(PLAN_REMINDER_AT, designations.reminderAt(designation).toString());
      }
      execution.removeVariable(NEW_PLAN_DUE_DATE);
      execution.removeVariable(RESOLUTION_REASON);
    });
  }

}
