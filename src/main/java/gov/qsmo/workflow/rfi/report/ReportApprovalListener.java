package gov.qsmo.workflow.rfi.report;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REPORT_APPROVED;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REPORT_COMMENTS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REPORT_DECISION;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiChoices;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Approve evaluation report": approve, or return to the chair with comments. */
@Component("reportApprovalListener")
class ReportApprovalListener extends FormCompletionListener<Rfi> {

  private final RfiReportService reports;

  ReportApprovalListener(RfiService records, RfiReportService reports, IdentityService identityService) {
    super(records::ofInstance, identityService);
    this.reports = reports;
  }

  @Override
  protected void completed(Rfi rfi, CompletedTask task) {
    Map<String, Object> values = task.localValues();
    RfiChoices.ReportDecision decision = Inputs.requiredChoice(values, REPORT_DECISION, "Decision",
        RfiChoices.ReportDecision.class);
    String comments = Inputs.optionalText(values, REPORT_COMMENTS, "Comments", Inputs.MAX_TEXT);
    Caller caller = task.caller();
    if (decision == RfiChoices.ReportDecision.APPROVE) {
      reports.approve(rfi.id, comments, caller);
    } else {
      reports.returnToChair(rfi.id, comments, caller);
    }
    task.setOnInstance(REPORT_APPROVED, decision == RfiChoices.ReportDecision.APPROVE);
  }
}
