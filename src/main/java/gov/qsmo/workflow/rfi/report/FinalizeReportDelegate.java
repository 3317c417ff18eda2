package gov.qsmo.workflow.rfi.report;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiEvaluationCompleted;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Issue final report": the approved report, with the approval in it; the evaluation is complete, and the QSMO the
 * RFI serves is told ({@link RfiEvaluationCompleted}: its directors decide the marketplace's candidates).
 */
@Component("finalizeReportDelegate")
class FinalizeReportDelegate implements JavaDelegate {

  private final RfiService records;
  private final RfiReportService reports;
  private final org.springframework.context.ApplicationEventPublisher publisher;

  FinalizeReportDelegate(RfiService records, RfiReportService reports,
      org.springframework.context.ApplicationEventPublisher publisher) {
    this.publisher = publisher;
    this.records = records;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Rfi rfi = records.lock(execution.getProcessBusinessKey());
    RfiReport report = reports.generate(rfi.id, true, Caller.SYSTEM);
    records.moveTo(rfi, RfiStatus.COMPLETED, Caller.SYSTEM.userId(), "EVALUATION_COMPLETED",
        "Final report, version " + report.version);
    publisher.publishEvent(new RfiEvaluationCompleted(rfi.id, rfi.designationId, rfi.agencyCode, rfi.title));
  }
}
