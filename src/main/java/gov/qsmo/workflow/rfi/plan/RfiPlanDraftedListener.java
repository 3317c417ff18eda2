package gov.qsmo.workflow.rfi.plan;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.AGENCY_CODE;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiVariables;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of the start event "Evaluation plan drafted": checks the plan and records the RFI. */
@Component("rfiPlanDraftedListener")
class RfiPlanDraftedListener implements ExecutionListener {

  private final RfiPlanService plans;
  private final RfiService records;
  private final IdentityService identityService;

  RfiPlanDraftedListener(RfiPlanService plans, RfiService records, IdentityService identityService) {
    this.plans = plans;
    this.records = records;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.check(() -> {
      Map<String, Object> form = execution.getVariables();
      String agency = Inputs.requiredCode(form, AGENCY_CODE, "Issuing agency");
      Rfi rfi = plans.draft(PlanDraft.fromForm(form, agency),
          Inputs.optionalText(form, RfiProcess.Variables.DESIGNATION_ID, "QSMO (designation)", 20),
          Caller.current(identityService));
      rfi.processInstanceId = execution.getProcessInstanceId();
      records.save(rfi);
      for (String key : RfiProcess.Forms.DRAFT_PLAN) {
        execution.removeVariable(key);
      }
      RfiVariables.initialize(execution, rfi);
    });
  }
}
