package gov.qsmo.workflow.rfi;

/** Where an RFI stands; the process moves it on, the API reads it to refuse requests out of order. */
public enum RfiStatus {
  PLAN_DRAFTED,
  PLAN_RETURNED,
  OPEN,
  SCREENING,
  PANEL_FORMING,
  ATTESTATION,
  SCORING,
  CONSENSUS,
  REPORT_REVIEW,
  COMPLETED,
  CLOSED_NO_RESPONSES,
  CANCELLED;

  /** Scores are blind until the consensus step: only then may anyone but their author read them. */
  boolean scoresUnblinded() {
    return this == CONSENSUS || this == REPORT_REVIEW || this == COMPLETED;
  }
}
