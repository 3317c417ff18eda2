package gov.qsmo.workflow.rfi.plan;

import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiVariables;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Revise evaluation plan": the revised plan replaces the returned one and goes back for approval. */
@Component("planRevisedListener")
class PlanRevisedListener extends FormCompletionListener<Rfi> {

  private final RfiPlanService plans;

  PlanRevisedListener(RfiService records, RfiPlanService plans, IdentityService identityService) {
    super(records::ofInstance, identityService);
    this.plans = plans;
  }

  @Override
  protected void completed(Rfi rfi, CompletedTask task) {
    Rfi revised = plans.revise(rfi.id, PlanDraft.fromForm(task.localValues(), rfi.agencyCode),
        task.caller());
    RfiVariables.planChanged(task.execution(), revised);
  }
}
