package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.AGENCY_CODE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CLOSES_AT;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.DIRECTOR_GROUP_ID;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PANEL_CHAIR;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.RFI_ID;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCORING_DUE_AT;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCORING_REMIND_AT;

import gov.qsmo.workflow.identity.Roles;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The ids and dates an RFI's process keeps. */
public final class RfiVariables {

  private RfiVariables() {
  }

  public static void initialize(DelegateExecution execution, Rfi rfi) {
    execution.setProcessBusinessKey(rfi.id);
    VariableScope process = execution.getProcessInstance();
    process.setVariable(RFI_ID, rfi.id);
    process.setVariable(AGENCY_CODE, rfi.agencyCode);
    process.setVariable(DIRECTOR_GROUP_ID, Roles.directorsOf(rfi.agencyCode));
    planChanged(execution, rfi);
  }

  /** The plan's chair and close date, after a revision. */
  public static void planChanged(DelegateExecution execution, Rfi rfi) {
    execution.getProcessInstance().setVariable(PANEL_CHAIR, rfi.panelChairId);
    execution.getProcessInstance().setVariable(CLOSES_AT, rfi.closesAt.toString());
  }

  /** The scoring window's timers: the deadline and the reminder before it. */
  public static void scoringWindow(DelegateExecution execution, Instant due, Instant remind) {
    execution.getProcessInstance().setVariable(SCORING_DUE_AT, due.toString());
    execution.getProcessInstance().setVariable(SCORING_REMIND_AT, remind.toString());
  }
}
