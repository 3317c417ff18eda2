package gov.qsmo.workflow.rfi.plan;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Revise evaluation plan": the revised plan replaces the returned one and goes back for approval. */
@Component("planRevisedListener")
class PlanRevisedListener implements ExecutionListener {

  private final RfiService records;
  private final RfiPlanService plans;
  private final IdentityService identityService;

  PlanRevisedListener(RfiService records, RfiPlanService plans, IdentityService identityService) {
    this.records = records;
    this.plans = plans;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Rfi rfi = records.ofInstance(execution);
      Rfi revised = plans.revise(rfi.id, PlanDraft.fromForm(execution.getVariablesLocal(), rfi.agencyCode),
          Caller.current(identityService));
      RfiVariables.planChanged(execution, revised);
    });
  }
}
