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

  /** How people read the status in forms. */
  public String label() {
    return switch (this) {
      case PLAN_DRAFTED -> "evaluation plan waiting for approval";
      case PLAN_RETURNED -> "evaluation plan returned for revision";
      case OPEN -> "open for responses";
      case SCREENING -> "closed; responses being screened";
      case PANEL_FORMING -> "screened; panel being formed";
      case ATTESTATION -> "panel signing attestations";
      case SCORING -> "independent scoring";
      case CONSENSUS -> "consensus review";
      case REPORT_REVIEW -> "report waiting for approval";
      case COMPLETED -> "evaluation completed";
      case CLOSED_NO_RESPONSES -> "closed without responses to evaluate";
      case CANCELLED -> "cancelled";
    };
  }

  /** Scores are blind until the consensus step: only then may anyone but their author read them. */
  public boolean scoresUnblinded() {
    return this == CONSENSUS || this == REPORT_REVIEW || this == COMPLETED;
  }
}
