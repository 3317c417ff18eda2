package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.process.Caller;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/** End of the process: when it was deleted rather than finished, the designation is marked CANCELLED. */
@Component("designationCancelledListener")
class DesignationCancelledListener implements ExecutionListener {

  private final DesignationService designations;
  private final IdentityService identityService;

  DesignationCancelledListener(DesignationService designations, IdentityService identityService) {
    this.designations = designations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String designationId = execution.getProcessBusinessKey();
    if (!execution.isCanceled() || designationId == null) {
      return;
    }
    String reason = execution instanceof ExecutionEntity entity ? entity.getDeleteReason() : null;
    designations.cancel(designationId, reason, Caller.current(identityService).userId());
  }
}
