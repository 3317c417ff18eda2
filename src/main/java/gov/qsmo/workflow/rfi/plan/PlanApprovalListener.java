package gov.qsmo.workflow.rfi.plan;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PLAN_APPROVED;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PLAN_COMMENTS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PLAN_DECISION;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiChoices;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Approve evaluation plan": approval freezes the plan; a return needs comments. */
@Component("planApprovalListener")
class PlanApprovalListener extends FormCompletionListener<Rfi> {

  private final RfiPlanService plans;

  PlanApprovalListener(RfiService records, RfiPlanService plans, IdentityService identityService) {
    super(records::ofInstance, identityService);
    this.plans = plans;
  }

  @Override
  protected void completed(Rfi rfi, CompletedTask task) {
    Map<String, Object> values = task.localValues();
    RfiChoices.PlanDecision decision = Inputs.requiredChoice(values, PLAN_DECISION, "Decision",
        RfiChoices.PlanDecision.class);
    Caller caller = task.caller();
    if (decision == RfiChoices.PlanDecision.APPROVE) {
      plans.approve(rfi.id, caller);
    } else {
      String comments = Inputs.optionalText(values, PLAN_COMMENTS, "Comments", Inputs.MAX_TEXT);
      if (comments == null) {
        throw new InvalidRequestException(PLAN_COMMENTS, "Say what to change before the plan can be approved.");
      }
      plans.returnForRevision(rfi.id, comments, caller);
    }
    task.setOnInstance(PLAN_APPROVED, decision == RfiChoices.PlanDecision.APPROVE);
  }
}
