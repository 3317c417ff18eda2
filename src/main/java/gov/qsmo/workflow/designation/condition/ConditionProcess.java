package gov.qsmo.workflow.designation.condition;

import java.util.Map;
import java.util.Set;

/** The "Designation condition" process: one instance per condition, from designation until OMB closes it. */
public final class ConditionProcess {

  public static final String KEY = "designation-condition";

  private ConditionProcess() {
  }

  /** Element ids of bpmn/designation-condition.bpmn. */
  public static final class Elements {
    public static final String START_CONDITION_TRACKED = "StartEvent_ConditionTracked";
    public static final String SUBPROCESS_CONDITION_OPEN = "SubProcess_ConditionOpen";
    public static final String TASK_REPORT_PROGRESS = "Task_ReportConditionProgress";
    public static final String TASK_DECIDE_CONDITION = "Task_DecideCondition";
    public static final String TIMER_CONDITION_DUE = "Timer_ConditionDue";
    public static final String TASK_RESOLVE_OVERDUE_CONDITION = "Task_ResolveOverdueCondition";
    public static final String END_CONDITION_MET = "EndEvent_ConditionMet";
    public static final String END_CONDITION_NOT_MET = "EndEvent_ConditionNotMet";

    private Elements() {
    }
  }

  /** Process variables; the forms' fields are checked, stored in the condition's history, then removed. */
  public static final class Variables {
    public static final String DESIGNATION_ID = "designationId";
    public static final String CONDITION_ID = "conditionId";
    public static final String DIRECTOR_GROUP_ID = "directorGroupId";
    /** yyyy-mm-dd: the condition is overdue at the end of this business day. */
    public static final String CONDITION_DUE_DATE = "conditionDueDate";
    /** Where the condition stands once OMB has decided: MET, NOT_MET, or OPEN (more progress needed). */
    public static final String CONDITION_STATUS = "conditionStatus";

    public static final String PROGRESS_REPORT = "progressReport";
    public static final String EVIDENCE_LINKS = "evidenceLinks";
    public static final String CONDITION_DECISION = "conditionDecision";
    public static final String CONDITION_REASON = "conditionReason";
    public static final String OVERDUE_RESOLUTION = "overdueResolution";
    public static final String NEW_CONDITION_DUE_DATE = "newConditionDueDate";

    private Variables() {
    }
  }

  /** What the forms show (task-local). */
  public static final class TaskDisplay {
    public static final String CONDITION_TEXT = "conditionText";
    public static final String CONDITION_FACTS = "conditionFacts";
    public static final String CONDITION_HISTORY = "conditionHistory";
    public static final String CONDITION_EVIDENCE = "conditionEvidence";
    public static final String LATEST_REPORT = "latestReport";

    private TaskDisplay() {
    }
  }

  /** The forms' keys, for the listeners and the conventions test. */
  public static final class Forms {
    public static final Set<String> REPORT_CONDITION_PROGRESS = Set.of(Variables.PROGRESS_REPORT,
        Variables.EVIDENCE_LINKS);
    public static final Set<String> DECIDE_CONDITION = Set.of(Variables.CONDITION_DECISION,
        Variables.CONDITION_REASON);
    public static final Set<String> RESOLVE_OVERDUE_CONDITION = Set.of(Variables.OVERDUE_RESOLUTION,
        Variables.NEW_CONDITION_DUE_DATE, Variables.CONDITION_REASON);

    public static final Map<String, Set<String>> BY_FORM_ID = Map.of(
        "report-condition-progress", REPORT_CONDITION_PROGRESS,
        "decide-condition", DECIDE_CONDITION,
        "resolve-overdue-condition", RESOLVE_OVERDUE_CONDITION);

    private Forms() {
    }
  }
}
