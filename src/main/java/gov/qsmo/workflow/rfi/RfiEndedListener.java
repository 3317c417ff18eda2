package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.process.Caller;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of an RFI's process: an instance deleted before its end (Cockpit, an administrator) cancels the RFI. */
@Component("rfiEndedListener")
class RfiEndedListener implements ExecutionListener {

  private final RfiService records;

  RfiEndedListener(RfiService records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled() || execution.getProcessBusinessKey() == null) {
      return;
    }
    records.find(execution.getProcessBusinessKey()).ifPresent(rfi ->
        records.moveTo(records.lock(rfi.id), RfiStatus.CANCELLED, Caller.SYSTEM.userId(), "RFI_CANCELLED",
            "The process instance was deleted" + (reason(execution) == null ? "" : ": " + reason(execution))));
  }

  private static String reason(DelegateExecution execution) {
    return execution instanceof org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity entity
        ? entity.getDeleteReason() : null;
  }
}
