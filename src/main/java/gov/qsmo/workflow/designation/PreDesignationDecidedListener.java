package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DECISION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DECISION_REASON;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PRE_DESIGNATED;

import gov.qsmo.workflow.designation.DesignationService.PreDesignationDecision;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Pre-designate candidate agency": checks and records OMB's decision. */
@Component("preDesignationDecidedListener")
class PreDesignationDecidedListener implements ExecutionListener {

  private final DesignationService designations;
  private final IdentityService identityService;

  PreDesignationDecidedListener(DesignationService designations, IdentityService identityService) {
    this.designations = designations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Designation designation = designations.ofInstance(execution);
      Map<String, Object> form = execution.getVariables();
      PreDesignationDecision decision = Inputs.requiredChoice(form, DECISION, "Decision", PreDesignationDecision.class);
      String reason = Inputs.optionalText(form, DECISION_REASON, "Reason", Inputs.MAX_TEXT);
      designations.decidePreDesignation(designation.getId(), decision, reason, Caller.current(identityService).userId());
      execution.setVariable(DECISION, decision.name());
      execution.setVariable(PRE_DESIGNATED, decision == PreDesignationDecision.PRE_DESIGNATE);
      execution.removeVariable(DECISION_REASON);
    });
  }

}
