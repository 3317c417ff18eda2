package gov.qsmo.workflow.designation.change;

/**
 * "Redesignation transition": from the successor's designation until OMB closes the move, the successor's directors
 * report the milestones (services migrated, customer agencies moved, the old QSMO's offerings retired).
 */
public final class TransitionProcess {

  public static final String KEY = "redesignation-transition";

  private TransitionProcess() {
  }

  /** Element ids of bpmn/redesignation-transition.bpmn. */
  public static final class Elements {
    public static final String TASK_REPORT_MILESTONES = "Task_ReportTransitionMilestones";
    public static final String TASK_CLOSE_TRANSITION = "Task_CloseTransition";
    public static final String END_TRANSITION_CLOSED = "EndEvent_TransitionClosed";

    private Elements() {
    }
  }

  /** Process variables and the forms' fields. */
  public static final class Variables {
    public static final String TRANSITION_ID = "transitionId";
    public static final String DESIGNATION_ID = "designationId";
    public static final String DIRECTOR_GROUP_ID = "directorGroupId";
    /** Set by the milestones' listener: every milestone reached. */
    public static final String ALL_MILESTONES_REACHED = "allMilestonesReached";
    /** Set by OMB's listener: the transition is closed. */
    public static final String TRANSITION_CLOSED = "transitionClosed";

    public static final String SERVICES_MIGRATED = "servicesMigrated";
    public static final String AGENCIES_MOVED = "agenciesMoved";
    public static final String OFFERINGS_RETIRED = "offeringsRetired";
    public static final String TRANSITION_NOTE = "transitionNote";
    public static final String CLOSURE = "closure";
    public static final String CLOSURE_REASON = "closureReason";

    private Variables() {
    }
  }

  /** What the forms show (task-local). */
  public static final class TaskDisplay {
    public static final String TRANSITION_FACTS = "transitionFacts";
    public static final String MILESTONES = "milestones";

    private TaskDisplay() {
    }
  }
}
