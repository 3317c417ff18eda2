package gov.qsmo.workflow.rfi.results;

import gov.qsmo.workflow.rfi.RfiProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Aggregate scores", one job per batch of responses (ADR 0034): figures per response and criterion of the batch,
 * and the outlier decision's flags.
 */
@Component("aggregateScoreBatchDelegate")
class AggregateScoreBatchDelegate implements JavaDelegate {

  private final RfiResultsService results;

  AggregateScoreBatchDelegate(RfiResultsService results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    results.aggregateBatch(execution.getProcessBusinessKey(),
        (String) execution.getVariableLocal(RfiProcess.Variables.RESPONSE_BATCH));
  }
}
