package gov.qsmo.workflow.designation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of "Redesignation ordered": the successor's designation (created by the API with the order)
 * gets its process; its director now owes a plan.
 */
@Component("redesignationOrderedListener")
class RedesignationOrderedListener implements ExecutionListener {

  private final DesignationService designations;

  RedesignationOrderedListener(DesignationService designations) {
    this.designations = designations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Designation successor = designations.require(execution.getProcessBusinessKey());
    designations.attachProcess(successor.getId(), execution.getProcessInstanceId());
    DesignationVariables.initialize(execution, successor, designations);
  }
}
