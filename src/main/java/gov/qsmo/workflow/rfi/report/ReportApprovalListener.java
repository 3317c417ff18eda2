package gov.qsmo.workflow.rfi.report;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REPORT_APPROVED;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REPORT_COMMENTS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REPORT_DECISION;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiChoices;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Approve evaluation report": approve, or return to the chair with comments. */
@Component("reportApprovalListener")
class ReportApprovalListener implements ExecutionListener {

  private final RfiService records;
  private final IdentityService identityService;

  ReportApprovalListener(RfiService records, IdentityService identityService) {
    this.records = records;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Rfi rfi = records.ofInstance(execution);
      Map<String, Object> values = execution.getVariablesLocal();
      RfiChoices.ReportDecision decision = Inputs.requiredChoice(values, REPORT_DECISION, "Decision",
          RfiChoices.ReportDecision.class);
      String comments = Inputs.optionalText(values, REPORT_COMMENTS, "Comments", Inputs.MAX_TEXT);
      Caller caller = Caller.current(identityService);
      Rfi locked = records.lock(rfi.id);
      if (decision == RfiChoices.ReportDecision.APPROVE) {
        records.record(rfi.id, caller.userId(), "REPORT_APPROVED", comments);
      } else {
        if (comments == null) {
          throw new InvalidRequestException(REPORT_COMMENTS, "Tell the chair what to reconsider.");
        }
        records.moveTo(locked, RfiStatus.CONSENSUS, caller.userId(), "REPORT_RETURNED", comments);
      }
      execution.getProcessInstance().setVariable(REPORT_APPROVED, decision == RfiChoices.ReportDecision.APPROVE);
    });
  }
}
