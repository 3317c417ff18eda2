package gov.qsmo.workflow.rfi.results;

import gov.qsmo.workflow.process.Caller;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Aggregate scores" of evaluations on models before ADR 0034: figures per response and criterion, the outlier
 * decision's flags, and the consensus step opened, for the whole RFI in one transaction. Today's model aggregates
 * per batch ({@link AggregateScoreBatchDelegate}) and then opens the step ({@link OpenConsensusDelegate}).
 */
@Component("aggregateScoresDelegate")
class AggregateScoresDelegate implements JavaDelegate {

  private final RfiResultsService results;

  AggregateScoresDelegate(RfiResultsService results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    results.aggregate(execution.getProcessBusinessKey(), Caller.SYSTEM);
  }
}
