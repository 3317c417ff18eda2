package gov.qsmo.workflow.designation.assessment;

import java.util.Map;
import java.util.Set;

/**
 * The "QSMO assessment" process (bpmn/qsmo-assessment.bpmn): one instance per assessment of a designated QSMO, from
 * its anniversary (or OMB's order) to OMB's decision. Its business key is the designation's id.
 */
public final class AssessmentProcess {

  public static final String KEY = "qsmo-assessment";

  private AssessmentProcess() {
  }

  /** Element ids of bpmn/qsmo-assessment.bpmn. */
  public static final class Elements {
    public static final String START_ASSESSMENT = "StartEvent_AssessmentStarted";
    public static final String GATEWAY_ORDERED = "Gateway_OrderedByOmb";
    public static final String TIMER_ANNIVERSARY = "TimerEvent_Anniversary";
    public static final String GATEWAY_COVERED = "Gateway_CoveredByAssessmentUnderWay";
    public static final String END_COVERED = "EndEvent_CoveredByAssessmentUnderWay";
    public static final String TASK_SUBMIT_ASSESSMENT = "Task_SubmitAssessment";
    public static final String TASK_OPEN_REVIEW_ROUND = "Task_OpenAssessmentRound";
    public static final String TASK_REVIEW_ASSESSMENT = "Task_ReviewAssessment";
    public static final String TIMER_REVIEW_WINDOW_CLOSED = "BoundaryEvent_AssessmentReviewWindowClosed";
    public static final String TASK_CLOSE_REVIEW_ROUND = "Task_CloseAssessmentRound";
    public static final String BUSINESS_RULE_APPLY_VOTING_RULE = "BusinessRuleTask_ApplyAssessmentVotingRule";
    public static final String GATEWAY_QUORUM_REACHED = "Gateway_AssessmentQuorumReached";
    public static final String TASK_EXTEND_OR_ESCALATE_REVIEW = "Task_ExtendOrEscalateAssessmentReview";
    public static final String TASK_CONSOLIDATE_REVIEW = "Task_ConsolidateAssessmentReview";
    public static final String TASK_DECIDE_ASSESSMENT = "Task_DecideAssessment";
    public static final String GATEWAY_DECISION = "Gateway_AssessmentDecision";
    public static final String END_CONTINUED = "EndEvent_QsmoContinues";
    public static final String END_CORRECTIVE_ACTION = "EndEvent_CorrectiveActionsSet";
    public static final String END_REDESIGNATED = "EndEvent_RedesignationOrdered";
    public static final String END_RESCINDED = "EndEvent_DesignationRescinded";

    private Elements() {
    }
  }

  /** Process variables: ids, dates and flags; the assessment itself lives in the application's tables. */
  public static final class Variables {
    public static final String DESIGNATION_ID = "designationId";
    public static final String ASSESSMENT_ID = "assessmentId";
    public static final String DIRECTOR_GROUP_ID = "directorGroupId";
    /** Whether OMB ordered it (no anniversary to wait for). */
    public static final String ORDERED = "ordered";
    /** The anniversary (ISO date-time, office's zone): the timer's date. */
    public static final String ANNIVERSARY_AT = "anniversaryAt";
    /** Whether an assessment OMB ordered was under way at the anniversary (it then stands for the year's). */
    public static final String COVERED = "covered";
    /** When the director's submission is due (ISO instant): the task's due date. */
    public static final String SUBMISSION_DUE_AT = "submissionDueAt";
    public static final String REVIEW_CLOSES_AT = "reviewClosesAt";
    public static final String REVIEW_EXTENDED = "reviewExtended";
    public static final String QUORUM_REACHED = "quorumReached";
    public static final String BOARD_RECOMMENDATION = "boardRecommendation";
    public static final String RETURNED_FOR_REVISION = "returnedForRevision";
    public static final String ASSESSMENT_DECISION = "assessmentDecision";
    public static final String BOARD_MEMBER = "boardMember";

    /** Fields of the forms: checked, stored in the application's tables, then removed from the process. */
    public static final String PERFORMANCE_MEASURES = "performanceMeasures";
    public static final String CUSTOMERS_SERVED = "customersServed";
    public static final String CUSTOMERS_ONBOARDING = "customersOnboarding";
    public static final String CUSTOMER_SATISFACTION = "customerSatisfaction";
    public static final String RISKS = "risks";
    public static final String RECOMMENDATION = "recommendation";
    public static final String COMMENTS = "comments";
    public static final String PROPOSED_ACTIONS = "proposedConditions";
    public static final String BOARD_DECISION = "boardDecision";
    public static final String BOARD_ACTIONS = "boardConditions";
    public static final String CONSOLIDATED_COMMENTS = "consolidatedComments";
    public static final String REVIEW_ACTION = "reviewAction";
    public static final String NEW_REVIEW_CLOSES_ON = "newReviewClosesOn";
    public static final String REVIEW_ACTION_REASON = "reviewActionReason";
    public static final String DECISION_REASON = "decisionReason";
    public static final String CORRECTIVE_ACTIONS = "correctiveActions";
    public static final String CORRECTIVE_ACTIONS_DUE_DATE = "correctiveActionsDueDate";
    public static final String SUCCESSOR_AGENCY_CODE = "successorAgencyCode";
    public static final String SUCCESSOR_PLAN_DUE_DATE = "successorPlanDueDate";

    private Variables() {
    }
  }

  /** What the forms show (task-local, read-only). */
  public static final class TaskDisplay {
    public static final String ASSESSMENT_FACTS = "assessmentFacts";
    public static final String SUBMISSION_TEXT = "submissionText";
    public static final String MEASURES = "measures";
    public static final String OPEN_CONDITIONS_TEXT = "openConditionsText";
    public static final String OFFERINGS_TEXT = "offeringsText";
    public static final String BOARD_COMMENTS = "boardComments";
    public static final String VOTES = "votes";
    public static final String TALLY = "tally";
    public static final String RECOMMENDATION_TEXT = "boardRecommendationText";
    public static final String AGENCY_OPTIONS = "agencyOptions";

    private TaskDisplay() {
    }
  }

  /** The forms' keys, for the listeners and the conventions test. */
  public static final class Forms {
    public static final Set<String> SUBMIT_ASSESSMENT = Set.of(Variables.PERFORMANCE_MEASURES,
        Variables.CUSTOMERS_SERVED, Variables.CUSTOMERS_ONBOARDING, Variables.CUSTOMER_SATISFACTION, Variables.RISKS);
    public static final Set<String> REVIEW_ASSESSMENT = Set.of(Variables.RECOMMENDATION, Variables.COMMENTS,
        Variables.PROPOSED_ACTIONS);
    public static final Set<String> CONSOLIDATE_REVIEW = Set.of(Variables.BOARD_DECISION, Variables.BOARD_ACTIONS,
        Variables.CONSOLIDATED_COMMENTS);
    public static final Set<String> DECIDE_ASSESSMENT = Set.of(Variables.ASSESSMENT_DECISION,
        Variables.DECISION_REASON, Variables.CORRECTIVE_ACTIONS, Variables.CORRECTIVE_ACTIONS_DUE_DATE,
        Variables.SUCCESSOR_AGENCY_CODE, Variables.SUCCESSOR_PLAN_DUE_DATE);

    public static final Map<String, Set<String>> BY_FORM_ID = Map.of(
        "submit-qsmo-assessment", SUBMIT_ASSESSMENT,
        "review-qsmo-assessment", REVIEW_ASSESSMENT,
        "consolidate-assessment-review", CONSOLIDATE_REVIEW,
        "decide-qsmo-assessment", DECIDE_ASSESSMENT);

    private Forms() {
    }
  }
}
