package gov.qsmo.workflow.rfi.responses;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.ANY_ELIGIBLE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCREENING_DECISION;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCREENING_OVERRIDES;

import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiChoices;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Confirm screening": the contracting officer confirms the automatic checks or overrides them with reasons. */
@Component("screeningConfirmedListener")
class ScreeningConfirmedListener extends FormCompletionListener<Rfi> {

  private final RfiResponseService responses;

  ScreeningConfirmedListener(RfiService records, RfiResponseService responses, IdentityService identityService) {
    super(records::ofInstance, identityService);
    this.responses = responses;
  }

  @Override
  protected void completed(Rfi rfi, CompletedTask task) {
    Map<String, Object> values = task.localValues();
    RfiChoices.ScreeningDecision decision = Inputs.requiredChoice(values, SCREENING_DECISION, "Screening",
        RfiChoices.ScreeningDecision.class);
    long eligible = responses.confirmScreening(rfi.id, decision == RfiChoices.ScreeningDecision.OVERRIDE,
        Inputs.optionalText(values, SCREENING_OVERRIDES, "Overrides", Inputs.MAX_TEXT),
        task.caller());
    task.setOnInstance(ANY_ELIGIBLE, eligible > 0);
  }
}
