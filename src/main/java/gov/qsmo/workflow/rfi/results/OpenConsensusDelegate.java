package gov.qsmo.workflow.rfi.results;

import gov.qsmo.workflow.process.Caller;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Open consensus review": every batch aggregated, the RFI moves to its consensus step (ADR 0034). */
@Component("openConsensusDelegate")
class OpenConsensusDelegate implements JavaDelegate {

  private final RfiResultsService results;

  OpenConsensusDelegate(RfiResultsService results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    results.openConsensus(execution.getProcessBusinessKey(), Caller.SYSTEM);
  }
}
