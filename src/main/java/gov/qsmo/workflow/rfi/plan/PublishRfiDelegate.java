package gov.qsmo.workflow.rfi.plan;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Publish RFI": the RFI takes responses through the API until its close date. */
@Component("publishRfiDelegate")
class PublishRfiDelegate implements JavaDelegate {

  private final RfiService records;

  private final OfficeTime officeTime;

  PublishRfiDelegate(RfiService records, OfficeTime officeTime) {
    this.records = records;
    this.officeTime = officeTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Rfi rfi = records.require(execution.getProcessBusinessKey());
    records.record(rfi.id, Caller.SYSTEM.userId(), "RFI_PUBLISHED", "Responses accepted until " + officeTime.dateTime(rfi.closesAt)
        + (rfi.allowLate ? "; late responses accepted and flagged" : "; late responses refused"));
  }
}
