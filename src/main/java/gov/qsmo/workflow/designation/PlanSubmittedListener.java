package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_VERSION;

import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.shared.Inputs;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End of "Prepare Marketplace Implementation Plan": stores the submitted sections as a new plan
 * version and keeps only its number in the process.
 */
@Component("planSubmittedListener")
class PlanSubmittedListener extends FormCompletionListener<Designation> {

  private final DesignationService designations;

  PlanSubmittedListener(DesignationService designations, IdentityService identityService) {
    super(designations::ofInstance, identityService);
    this.designations = designations;
  }

  @Override
  protected void completed(Designation designation, CompletedTask task) {
    Map<String, Object> form = task.values();
    Map<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
    for (PlanSection section : PlanSection.values()) {
      String text = Inputs.optionalText(form, section.key(), section.title(), Inputs.MAX_TEXT);
      if (text != null) {
        sections.put(section, text);
      }
    }
    PlanVersion plan = designations.submitPlan(designation.getId(), sections, task.caller().userId());
    task.set(PLAN_VERSION, plan.getVersionNumber());
    task.set(DesignationProcess.Variables.SUBMITTED_SECTIONS, PlanSection.toKeys(sections.keySet()));
    removeSections(task.execution());
  }

  @Override
  protected void cancelled(DelegateExecution execution) {
    // The task closed unsubmitted (overdue, deleted): the last version's text filled into the form goes too.
    removeSections(execution);
  }

  private static void removeSections(DelegateExecution execution) {
    for (PlanSection section : PlanSection.values()) {
      execution.removeVariable(section.key());
    }
  }
}
