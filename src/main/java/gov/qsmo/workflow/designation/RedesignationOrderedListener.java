package gov.qsmo.workflow.designation;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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
    String key = execution.getProcessBusinessKey();
    Designation successor = key == null ? null : designations.find(key).orElse(null);
    // Only an order through the API (RedesignationService.order) creates a successor waiting for its process.
    if (successor == null || successor.getSupersedesId() == null || successor.getProcessInstanceId() != null
        || successor.getStatus() != DesignationStatus.PRE_DESIGNATED || !execution.getVariables().isEmpty()) {
      // Camunda's REST API answers this exception with 400.
      throw new MismatchingMessageCorrelationException("A redesignation is ordered through "
          + "POST /api/designations/{id}/redesignation, not by sending its message.");
    }
    designations.attachProcess(successor.getId(), execution.getProcessInstanceId());
    DesignationVariables.initialize(execution, successor, designations);
  }
}
