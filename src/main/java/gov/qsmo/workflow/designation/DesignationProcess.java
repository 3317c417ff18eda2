package gov.qsmo.workflow.designation;

/** Names in {@code bpmn/qsmo-designation.bpmn}; a conventions test checks them against the model. */
public final class DesignationProcess {

  public static final String KEY = "qsmo-designation";

  private DesignationProcess() {
  }

  public static final class Elements {
    public static final String START_DESIGNATION_REQUESTED = "StartEvent_DesignationRequested";
    public static final String TASK_PRE_DESIGNATE_CANDIDATE = "Task_PreDesignateCandidate";
    public static final String GATEWAY_PRE_DESIGNATED = "Gateway_PreDesignated";
    public static final String END_CANDIDATE_DECLINED = "EndEvent_CandidateDeclined";
    public static final String TASK_PREPARE_MARKETPLACE_PLAN = "Task_PrepareMarketplacePlan";
    public static final String END_PLAN_SUBMITTED = "EndEvent_PlanSubmitted";

    private Elements() {
    }
  }

  /** Process variables: ids and flags only; the data lives in the application's tables. */
  public static final class Variables {
    public static final String DESIGNATION_ID = "designationId";
    public static final String FUNCTIONAL_AREA_CODE = "functionalAreaCode";
    public static final String AGENCY_CODE = "agencyCode";
    public static final String DIRECTOR_GROUP_ID = "directorGroupId";
    public static final String PLAN_DUE_DATE = "planDueDate";
    public static final String DECISION = "decision";
    public static final String PRE_DESIGNATED = "preDesignated";
    public static final String PLAN_VERSION = "planVersion";

    /** Text entered on forms: checked, stored in the application's tables, then removed from the process. */
    public static final String SCOPE = "scope";
    public static final String DECISION_REASON = "decisionReason";

    private Variables() {
    }
  }

  /** Display-only, task-local variables that forms show (read-only, never submitted back). */
  public static final class TaskDisplay {
    public static final String FUNCTIONAL_AREA_NAME = "functionalAreaName";
    public static final String AGENCY_NAME = "agencyName";
    public static final String SCOPE_TEXT = "scopeText";
    public static final String STATUS = "designationStatus";

    private TaskDisplay() {
    }
  }
}
