package gov.qsmo.workflow.calendar;

/**
 * The periods the processes give a step, counted in business days ({@code qsmo.calendar.periods.<key>};
 * README, "Calendar"). Each user task's due date is the end of the period's last business day.
 */
public enum Period {
  /** A board member's vote: the review round's window. */
  BOARD_REVIEW("board-review", 10),
  /** How long before the plan due date the director is reminded. */
  PLAN_REMINDER("plan-reminder", 10),
  /** A plan the board returns is due no sooner than this. */
  PLAN_REVISION("plan-revision", 20),
  /** OMB's decisions: pre-designation, designation, an overdue plan. */
  OMB_DECISION("omb-decision", 10),
  /** The board chair's decisions: consolidate a recommendation, extend or escalate a review. */
  BOARD_CHAIR("board-chair", 5),
  /** A director's approval (or revision) of an RFI evaluation plan or report. */
  APPROVAL("approval", 5),
  /** The contracting officer's confirmation of the screening. */
  SCREENING("screening", 3),
  /** Forming the review panel. */
  PANEL("panel", 5),
  /** A panel member's conflict-of-interest and non-disclosure attestation. */
  ATTESTATION("attestation", 3),
  /** The panel chair's decisions: reviewers short after recusals, missing scores. */
  PANEL_CHAIR("panel-chair", 3),
  /** The chair's consensus review of one response. */
  CONSENSUS("consensus", 10),
  /** A QSMO director's submission of an annual or ordered assessment, from its start. */
  ASSESSMENT("assessment", 30),
  /** A task's follow-up date: this many business days before its due date. */
  REMINDER("reminder", 2);

  private final String key;
  private final int defaultDays;

  Period(String key, int defaultDays) {
    this.key = key;
    this.defaultDays = defaultDays;
  }

  public String key() {
    return key;
  }

  int defaultDays() {
    return defaultDays;
  }

  /** The period with this configuration key (as the process models name it). */
  public static Period of(String key) {
    for (Period period : values()) {
      if (period.key.equals(key)) {
        return period;
      }
    }
    throw new IllegalArgumentException("No period '" + key + "'; known: " + java.util.Arrays.stream(values())
        .map(Period::key).toList());
  }
}
