package gov.qsmo.workflow.rfi.responses;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Screen responses": the close date has passed; the automatic checks run on every response. */
@Component("screenResponsesDelegate")
class ScreenResponsesDelegate implements JavaDelegate {

  private final RfiService records;
  private final RfiResponseService responses;

  ScreenResponsesDelegate(RfiService records, RfiResponseService responses) {
    this.records = records;
    this.responses = responses;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Rfi rfi = records.lock(execution.getProcessBusinessKey());
    responses.screen(rfi);
    long eligible = responses.of(rfi.id).stream().filter(RfiResponse::isEligible).count();
    records.moveTo(rfi, RfiStatus.SCREENING, Caller.SYSTEM.userId(), "RESPONSES_SCREENED", eligible + " of "
        + responses.of(rfi.id).size() + " responses pass the automatic checks");
  }
}
