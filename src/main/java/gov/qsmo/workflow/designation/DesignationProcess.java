package gov.qsmo.workflow.designation;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Names in {@code bpmn/qsmo-designation.bpmn}; a conventions test checks them against the model. */
public final class DesignationProcess {

  public static final String KEY = "qsmo-designation";
  /** The decision that lists the required plan sections a plan version lacks. */
  public static final String PLAN_COMPLETENESS_DECISION = "plan-completeness";
  /** The board's voting rule. */
  public static final String BOARD_RECOMMENDATION_DECISION = "board-recommendation";

  private DesignationProcess() {
  }

  /** Messages the process receives. */
  public static final class Messages {
    /** OMB ordered a designation moved to another agency: starts the successor's process. */
    public static final String REDESIGNATION_ORDERED = "RedesignationOrdered";

    private Messages() {
    }
  }

  public static final class Elements {
    public static final String START_DESIGNATION_REQUESTED = "StartEvent_DesignationRequested";
    public static final String START_REDESIGNATION_ORDERED = "StartEvent_RedesignationOrdered";
    public static final String TASK_PRE_DESIGNATE_CANDIDATE = "Task_PreDesignateCandidate";
    public static final String GATEWAY_PRE_DESIGNATED = "Gateway_PreDesignated";
    public static final String END_CANDIDATE_DECLINED = "EndEvent_CandidateDeclined";
    public static final String TASK_PREPARE_MARKETPLACE_PLAN = "Task_PrepareMarketplacePlan";
    public static final String BUSINESS_RULE_CHECK_PLAN_COMPLETENESS = "BusinessRuleTask_CheckPlanCompleteness";
    public static final String GATEWAY_PLAN_COMPLETE = "Gateway_PlanComplete";
    public static final String FLOW_PLAN_INCOMPLETE = "Flow_PlanIncomplete";
    public static final String TIMER_PLAN_REMINDER_DUE = "BoundaryEvent_PlanReminderDue";
    public static final String TASK_REMIND_DIRECTOR = "Task_RemindDirector";
    public static final String TIMER_PLAN_OVERDUE = "BoundaryEvent_PlanOverdue";
    public static final String TASK_RESOLVE_OVERDUE_PLAN = "Task_ResolveOverduePlan";
    public static final String GATEWAY_DUE_DATE_EXTENDED = "Gateway_DueDateExtended";
    public static final String END_PRE_DESIGNATION_WITHDRAWN = "EndEvent_PreDesignationWithdrawn";
    public static final String TASK_OPEN_REVIEW_ROUND = "Task_OpenReviewRound";
    public static final String TASK_REVIEW_PLAN = "Task_ReviewPlan";
    public static final String TIMER_REVIEW_WINDOW_CLOSED = "BoundaryEvent_ReviewWindowClosed";
    public static final String TASK_CLOSE_REVIEW_ROUND = "Task_CloseReviewRound";
    public static final String BUSINESS_RULE_APPLY_VOTING_RULE = "BusinessRuleTask_ApplyVotingRule";
    public static final String GATEWAY_QUORUM_REACHED = "Gateway_QuorumReached";
    public static final String TASK_EXTEND_OR_ESCALATE_REVIEW = "Task_ExtendOrEscalateReview";
    public static final String GATEWAY_REVIEW_EXTENDED = "Gateway_ReviewExtended";
    public static final String TASK_CONSOLIDATE_RECOMMENDATION = "Task_ConsolidateRecommendation";
    public static final String GATEWAY_RETURNED_FOR_REVISION = "Gateway_ReturnedForRevision";
    public static final String TASK_DECIDE_DESIGNATION = "Task_DecideDesignation";
    public static final String GATEWAY_DESIGNATION_DECISION = "Gateway_DesignationDecision";
    public static final String TIMER_DEFERRAL_ENDED = "TimerEvent_DeferralEnded";
    public static final String END_QSMO_DESIGNATED = "EndEvent_QsmoDesignated";
    public static final String END_DESIGNATION_DECLINED = "EndEvent_DesignationDeclined";

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
    /** When the director is reminded of the plan (ISO date-time): the reminder timer's date. */
    public static final String PLAN_REMINDER_AT = "planReminderAt";
    public static final String OVERDUE_RESOLUTION = "overdueResolution";
    public static final String DUE_DATE_EXTENDED = "dueDateExtended";
    /** The member whose review task this is (the multi-instance element variable). */
    public static final String BOARD_MEMBER = "boardMember";
    public static final String REVIEW_ROUND = "reviewRound";
    /** When the open review round closes (ISO instant): the review window timer's date. */
    public static final String REVIEW_CLOSES_AT = "reviewClosesAt";
    public static final String REVIEW_EXTENDED = "reviewExtended";
    public static final String REVIEW_ACTION = "reviewAction";
    public static final String QUORUM_REACHED = "quorumReached";
    public static final String BOARD_RECOMMENDATION = "boardRecommendation";
    public static final String RETURNED_FOR_REVISION = "returnedForRevision";
    public static final String DESIGNATION_DECISION = "designationDecision";
    /** When a deferred decision comes back to OMB (ISO date-time): the deferral timer's date. */
    public static final String DEFERRED_UNTIL_AT = "deferredUntilAt";
    public static final String DECISION = "decision";
    public static final String PRE_DESIGNATED = "preDesignated";
    public static final String PLAN_VERSION = "planVersion";
    /** Comma-separated keys of the plan sections that have text: the input of plan-completeness.dmn. */
    public static final String SUBMITTED_SECTIONS = "submittedSections";
    public static final String PLAN_COMPLETE = "planComplete";
    /** Comma-separated keys of the required sections the last plan version lacks. */
    public static final String MISSING_SECTIONS = "missingSections";


    /** Text entered on forms: checked, stored in the application's tables, then removed from the process. */
    public static final String SCOPE = "scope";
    public static final String DECISION_REASON = "decisionReason";
    public static final String NEW_PLAN_DUE_DATE = "newPlanDueDate";
    public static final String RESOLUTION_REASON = "resolutionReason";
    public static final String RECOMMENDATION = "recommendation";
    public static final String COMMENTS = "comments";
    public static final String PROPOSED_CONDITIONS = "proposedConditions";
    public static final String NEW_REVIEW_CLOSES_ON = "newReviewClosesOn";
    public static final String REVIEW_ACTION_REASON = "reviewActionReason";
    public static final String BOARD_DECISION = "boardDecision";
    public static final String BOARD_CONDITIONS = "boardConditions";
    public static final String CONSOLIDATED_COMMENTS = "consolidatedComments";
    public static final String DESIGNATION_SCOPE = "designationScope";
    public static final String EFFECTIVE_DATE = "effectiveDate";
    public static final String DEFERRED_UNTIL = "deferredUntil";
    public static final String DECISION_RATIONALE = "decisionRationale";
    public static final String DESIGNATION_CONDITIONS = "designationConditions";
    public static final String CONDITIONS_DUE_DATE = "conditionsDueDate";

    private Variables() {
    }
  }

  /**
   * The field keys of each form, as the listeners read them; the conventions test keeps them equal to
   * forms/. What a submission may carry is decided from the deployed form itself (process.SubmissionGuard).
   */
  public static final class Forms {
    public static final Set<String> REQUEST_DESIGNATION = Set.of(Variables.FUNCTIONAL_AREA_CODE,
        Variables.AGENCY_CODE, Variables.SCOPE, Variables.PLAN_DUE_DATE);
    public static final Set<String> PRE_DESIGNATE_CANDIDATE = Set.of(Variables.DECISION, Variables.DECISION_REASON);
    public static final Set<String> PREPARE_MARKETPLACE_PLAN = Arrays.stream(PlanSection.values())
        .map(PlanSection::key).collect(Collectors.toUnmodifiableSet());
    public static final Set<String> RESOLVE_OVERDUE_PLAN = Set.of(Variables.OVERDUE_RESOLUTION,
        Variables.NEW_PLAN_DUE_DATE, Variables.RESOLUTION_REASON);
    public static final Set<String> REVIEW_MARKETPLACE_PLAN = Stream.concat(
        Stream.of(Variables.RECOMMENDATION, Variables.COMMENTS, Variables.PROPOSED_CONDITIONS),
        Arrays.stream(PlanSection.values()).map(PlanSection::commentKey)).collect(Collectors.toUnmodifiableSet());
    public static final Set<String> EXTEND_OR_ESCALATE_REVIEW = Set.of(Variables.REVIEW_ACTION,
        Variables.NEW_REVIEW_CLOSES_ON, Variables.REVIEW_ACTION_REASON);
    public static final Set<String> CONSOLIDATE_RECOMMENDATION = Set.of(Variables.BOARD_DECISION,
        Variables.BOARD_CONDITIONS, Variables.CONSOLIDATED_COMMENTS);
    public static final Set<String> DECIDE_DESIGNATION = Set.of(Variables.DESIGNATION_DECISION,
        Variables.DESIGNATION_SCOPE, Variables.EFFECTIVE_DATE, Variables.DEFERRED_UNTIL, Variables.DECISION_RATIONALE,
        Variables.DESIGNATION_CONDITIONS, Variables.CONDITIONS_DUE_DATE);

    /** Form id (file name in forms/) to its keys, for the conventions test. */
    public static final Map<String, Set<String>> BY_FORM_ID = Map.of(
        "request-designation", REQUEST_DESIGNATION,
        "pre-designate-candidate", PRE_DESIGNATE_CANDIDATE,
        "prepare-marketplace-plan", PREPARE_MARKETPLACE_PLAN,
        "resolve-overdue-plan", RESOLVE_OVERDUE_PLAN,
        "review-marketplace-plan", REVIEW_MARKETPLACE_PLAN,
        "extend-or-escalate-review", EXTEND_OR_ESCALATE_REVIEW,
        "consolidate-board-recommendation", CONSOLIDATE_RECOMMENDATION,
        "decide-designation", DECIDE_DESIGNATION);

    private Forms() {
    }
  }

  /** Display-only, task-local variables that forms show (read-only, never submitted back). */
  public static final class TaskDisplay {
    public static final String FUNCTIONAL_AREA_NAME = "functionalAreaName";
    public static final String AGENCY_NAME = "agencyName";
    public static final String SCOPE_TEXT = "scopeText";
    public static final String STATUS = "designationStatus";
    public static final String MISSING_SECTIONS_TEXT = "missingSectionsText";
    /** Prefix of the task-local copies of the plan's sections shown to reviewers: planGovernance... */
    public static final String PLAN_SECTION_PREFIX = "plan";
    /** The board's comments on a plan it returned for revision, for the director. */
    public static final String BOARD_COMMENTS = "boardComments";
    /** Decide designation: a link to the decision package PDF (plan, rounds, votes, recommendation, history). */
    public static final String DECISION_PACKAGE_LINK = "decisionPackageLink";

    private TaskDisplay() {
    }
  }
}
