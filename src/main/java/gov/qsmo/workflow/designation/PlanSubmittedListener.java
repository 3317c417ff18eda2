package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_VERSION;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.shared.Inputs;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of "Prepare Marketplace Implementation Plan": stores the submitted sections as a new plan
 * version and keeps only its number in the process.
 */
@Component("planSubmittedListener")
class PlanSubmittedListener implements ExecutionListener {

  private final DesignationService designations;
  private final IdentityService identityService;

  PlanSubmittedListener(DesignationService designations, IdentityService identityService) {
    this.designations = designations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      // The task closed unsubmitted (overdue, deleted): the last version's text filled into the form goes too.
      for (PlanSection section : PlanSection.values()) {
        execution.removeVariable(section.key());
      }
      return;
    }
    FormValidation.checkCompletion(execution, () -> {
      Designation designation = designations.ofInstance(execution);
      Map<String, Object> form = execution.getVariables();
      Map<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
      for (PlanSection section : PlanSection.values()) {
        String text = Inputs.optionalText(form, section.key(), section.title(), Inputs.MAX_TEXT);
        if (text != null) {
          sections.put(section, text);
        }
      }
      PlanVersion plan = designations.submitPlan(designation.getId(), sections, Caller.current(identityService).userId());
      execution.setVariable(PLAN_VERSION, plan.getVersionNumber());
      execution.setVariable(DesignationProcess.Variables.SUBMITTED_SECTIONS, PlanSection.toKeys(sections.keySet()));
      for (PlanSection section : PlanSection.values()) {
        execution.removeVariable(section.key());
      }
    });
  }
}
