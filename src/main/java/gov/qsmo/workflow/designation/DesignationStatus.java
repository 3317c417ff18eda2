package gov.qsmo.workflow.designation;

/** Where a designation stands in its lifecycle. */
public enum DesignationStatus {
  /** OMB has named the function, scope and candidate agency. */
  IDENTIFIED,
  /** OMB has pre-designated the candidate agency; its QSMO director prepares the plan. */
  PRE_DESIGNATED,
  /** OMB declined to pre-designate the candidate. */
  DECLINED,
  /** The QSMO director has submitted a Marketplace Implementation Plan. */
  PLAN_SUBMITTED,
  /** The governance board is reviewing the complete plan. */
  UNDER_BOARD_REVIEW,
  /** The board has made its recommendation (or the review was escalated): OMB decides. */
  AWAITING_OMB_DECISION,
  /** OMB formally designated the agency as the QSMO for the functional area. */
  DESIGNATED,
  /** OMB moved the designation to another agency; it links to its successor. */
  SUPERSEDED,
  /** OMB rescinded the designation after an assessment: the agency is no longer the QSMO. */
  RESCINDED,
  /** OMB declined to designate the agency. */
  NOT_DESIGNATED,
  /** Its process was deleted before it ended (for example, started by mistake). */
  CANCELLED,
  /** OMB withdrew the pre-designation because the plan was overdue. */
  WITHDRAWN;

  /** The status in words, as forms and records show it: "Under board review", "Awaiting OMB decision". */
  public String words() {
    return DecisionPackagePdf.status(this);
  }

  /** The words within a sentence: "is awaiting OMB decision", "is under board review". */
  public String wordsInSentence() {
    String words = words();
    return Character.toLowerCase(words.charAt(0)) + words.substring(1);
  }
}
