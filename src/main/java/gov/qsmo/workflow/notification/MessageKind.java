package gov.qsmo.workflow.notification;

/** The kinds of message the application sends. */
public enum MessageKind {
  /** A task was assigned to the recipient. */
  TASK_ASSIGNED,
  /** A task was offered to a group the recipient belongs to. */
  TASK_OFFERED,
  /** A task's deadline is near. */
  TASK_REMINDER,
  /** A task's deadline has passed: to the person, and to whoever resolves it. */
  TASK_OVERDUE,
  /** A decision the recipient is concerned by. */
  DECISION
}
