package gov.qsmo.workflow.rfi;

/** The choices of the RFI forms' radio buttons. */
public final class RfiChoices {

  private RfiChoices() {
  }

  public enum PlanDecision { APPROVE, RETURN }

  public enum ScreeningDecision { CONFIRM, OVERRIDE }

  public enum ReassignAction { ADD_REVIEWERS, PROCEED }

  public enum MissingScoresAction { REASSIGN, PROCEED }

  public enum ReportDecision { APPROVE, RETURN }
}
