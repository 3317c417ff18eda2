package gov.qsmo.workflow.rfi.report;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Issue final report": the approved report, with the approval in it; the evaluation is complete. */
@Component("finalizeReportDelegate")
class FinalizeReportDelegate implements JavaDelegate {

  private final RfiService records;
  private final RfiReportService reports;

  FinalizeReportDelegate(RfiService records, RfiReportService reports) {
    this.records = records;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Rfi rfi = records.lock(execution.getProcessBusinessKey());
    RfiReport report = reports.generate(rfi.id, true, Caller.SYSTEM);
    records.moveTo(rfi, RfiStatus.COMPLETED, Caller.SYSTEM.userId(), "EVALUATION_COMPLETED",
        "Final report, version " + report.version);
  }
}
