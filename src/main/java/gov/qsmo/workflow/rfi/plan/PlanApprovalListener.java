package gov.qsmo.workflow.rfi.plan;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PLAN_APPROVED;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PLAN_COMMENTS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PLAN_DECISION;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiChoices;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Approve evaluation plan": approval freezes the plan; a return needs comments. */
@Component("planApprovalListener")
class PlanApprovalListener implements ExecutionListener {

  private final RfiService records;
  private final RfiPlanService plans;
  private final IdentityService identityService;

  PlanApprovalListener(RfiService records, RfiPlanService plans, IdentityService identityService) {
    this.records = records;
    this.plans = plans;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Rfi rfi = records.ofInstance(execution);
      Map<String, Object> values = execution.getVariablesLocal();
      RfiChoices.PlanDecision decision = Inputs.requiredChoice(values, PLAN_DECISION, "Decision",
          RfiChoices.PlanDecision.class);
      Caller caller = Caller.current(identityService);
      if (decision == RfiChoices.PlanDecision.APPROVE) {
        plans.approve(rfi.id, caller);
      } else {
        String comments = Inputs.optionalText(values, PLAN_COMMENTS, "Comments", Inputs.MAX_TEXT);
        if (comments == null) {
          throw new InvalidRequestException(PLAN_COMMENTS, "Say what to change before the plan can be approved.");
        }
        plans.returnForRevision(rfi.id, comments, caller);
      }
      execution.getProcessInstance().setVariable(PLAN_APPROVED, decision == RfiChoices.PlanDecision.APPROVE);
    });
  }
}
