package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DECISION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DECISION_REASON;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PRE_DESIGNATED;

import gov.qsmo.workflow.designation.DesignationService.PreDesignationDecision;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Pre-designate candidate agency": checks and records OMB's decision. */
@Component("preDesignationDecidedListener")
class PreDesignationDecidedListener extends FormCompletionListener<Designation> {

  private final DesignationService designations;

  PreDesignationDecidedListener(DesignationService designations, IdentityService identityService) {
    super(designations::ofInstance, identityService);
    this.designations = designations;
  }

  @Override
  protected void completed(Designation designation, CompletedTask task) {
    Map<String, Object> form = task.values();
    PreDesignationDecision decision = Inputs.requiredChoice(form, DECISION, "Decision", PreDesignationDecision.class);
    String reason = Inputs.optionalText(form, DECISION_REASON, "Reason", Inputs.MAX_TEXT);
    designations.decidePreDesignation(designation.getId(), decision, reason, task.caller().userId());
    task.set(DECISION, decision.name());
    task.set(PRE_DESIGNATED, decision == PreDesignationDecision.PRE_DESIGNATE);
    task.remove(DECISION_REASON);
  }

}
