package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.AGENCY_CODE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.FUNCTIONAL_AREA_CODE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_DUE_DATE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.SCOPE;

import gov.qsmo.workflow.designation.DesignationService.CandidateRequest;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of the start event: checks the start form again on the server, records the designation and
 * makes its id the business key. A bad value rejects the start (400) and nothing is stored.
 */
@Component("designationRequestedListener")
class DesignationRequestedListener implements ExecutionListener {

  private final DesignationService designations;
  private final IdentityService identityService;

  DesignationRequestedListener(DesignationService designations, IdentityService identityService) {
    this.designations = designations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.check(() -> {
      Map<String, Object> form = execution.getVariables();
      CandidateRequest request = new CandidateRequest(
          Inputs.requiredCode(form, FUNCTIONAL_AREA_CODE, "Functional area"),
          Inputs.requiredCode(form, AGENCY_CODE, "Candidate agency"),
          Inputs.requiredText(form, SCOPE, "Scope", Inputs.MAX_TEXT),
          Inputs.requiredDate(form, PLAN_DUE_DATE, "Plan due date"));
      Designation designation = designations.identify(request, Caller.current(identityService).userId(), execution.getProcessInstanceId());
      DesignationVariables.initialize(execution, designation, designations);
      execution.removeVariable(SCOPE);
    });
  }
}
