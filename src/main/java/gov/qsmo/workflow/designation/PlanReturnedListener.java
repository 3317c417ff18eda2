package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.process.Caller;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Taken flow "Sections missing": records that the plan went back to the director, and why. */
@Component("planReturnedListener")
class PlanReturnedListener implements ExecutionListener {

  private final DesignationService designations;
  private final IdentityService identityService;

  PlanReturnedListener(DesignationService designations, IdentityService identityService) {
    this.designations = designations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    designations.returnIncompletePlan(execution.getProcessBusinessKey(),
        PlanSection.fromKeys((String) execution.getVariable(DesignationProcess.Variables.MISSING_SECTIONS)),
        Caller.current(identityService).userId());
  }
}
