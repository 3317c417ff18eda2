package gov.qsmo.workflow.rfi.responses;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.ANY_ELIGIBLE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCREENING_DECISION;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCREENING_OVERRIDES;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiChoices;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Confirm screening": the contracting officer confirms the automatic checks or overrides them with reasons. */
@Component("screeningConfirmedListener")
class ScreeningConfirmedListener implements ExecutionListener {

  private final RfiService records;
  private final RfiResponseService responses;
  private final IdentityService identityService;

  ScreeningConfirmedListener(RfiService records, RfiResponseService responses, IdentityService identityService) {
    this.records = records;
    this.responses = responses;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Rfi rfi = records.ofInstance(execution);
      Map<String, Object> values = execution.getVariablesLocal();
      RfiChoices.ScreeningDecision decision = Inputs.requiredChoice(values, SCREENING_DECISION, "Screening",
          RfiChoices.ScreeningDecision.class);
      long eligible = responses.confirmScreening(rfi.id, decision == RfiChoices.ScreeningDecision.OVERRIDE,
          Inputs.optionalText(values, SCREENING_OVERRIDES, "Overrides", Inputs.MAX_TEXT),
          Caller.current(identityService));
      execution.getProcessInstance().setVariable(ANY_ELIGIBLE, eligible > 0);
    });
  }
}
