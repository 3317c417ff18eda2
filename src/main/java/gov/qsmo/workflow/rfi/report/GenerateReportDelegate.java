package gov.qsmo.workflow.rfi.report;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Generate evaluation report": PDF and CSV for the director's approval. */
@Component("generateReportDelegate")
class GenerateReportDelegate implements JavaDelegate {

  private final RfiService records;
  private final RfiReportService reports;

  GenerateReportDelegate(RfiService records, RfiReportService reports) {
    this.records = records;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Rfi rfi = records.lock(execution.getProcessBusinessKey());
    RfiReport report = reports.generate(rfi.id, false, Caller.SYSTEM);
    records.moveTo(rfi, RfiStatus.REPORT_REVIEW, Caller.SYSTEM.userId(), "REPORT_READY",
        "Version " + report.version + " waits for the director's approval");
  }
}
