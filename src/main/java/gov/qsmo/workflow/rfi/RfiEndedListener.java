package gov.qsmo.workflow.rfi;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of an RFI's process: an instance deleted before its end (Cockpit, an administrator) cancels the RFI. */
@Component("rfiEndedListener")
class RfiEndedListener implements ExecutionListener {

  private final RfiRecords records;

  RfiEndedListener(RfiRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled() || execution.getProcessBusinessKey() == null) {
      return;
    }
    records.all().stream().filter(r -> r.id.equals(execution.getProcessBusinessKey())).findFirst().ifPresent(rfi ->
        records.moveTo(records.lock(rfi.id), RfiStatus.CANCELLED, Caller.SYSTEM.userId(), "RFI_CANCELLED",
            "The process instance was deleted"
                + (execution.getVariable("deleteReason") == null ? "" : ": " + execution.getVariable("deleteReason"))));
  }
}
