package gov.qsmo.workflow.rfi.results;

import gov.qsmo.workflow.process.Caller;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Aggregate scores": figures per response and criterion, and the outlier decision's flags. */
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
