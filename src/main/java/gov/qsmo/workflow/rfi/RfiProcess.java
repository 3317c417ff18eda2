package gov.qsmo.workflow.rfi;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Names in {@code bpmn/rfi-evaluation.bpmn}, the processes it calls per batch of responses,
 * {@code bpmn/rfi-scoring-batch.bpmn} and {@code bpmn/rfi-consensus-batch.bpmn}, and the one a scoring batch calls
 * per response, {@code bpmn/rfi-response-scoring.bpmn}; a conventions test checks them against the models.
 */
public final class RfiProcess {

  public static final String KEY = "rfi-evaluation";
  /** The scoring of one response, called by {@link #KEY} once per response (ADR 0014). */
  public static final String SCORING_KEY = "rfi-response-scoring";
  /** A batch of an RFI's responses to score, called by {@link #KEY}; it calls {@link #SCORING_KEY} (ADR 0030). */
  public static final String SCORING_BATCH_KEY = "rfi-scoring-batch";
  /** A batch of an RFI's responses under consensus review, called by {@link #KEY} (ADR 0034). */
  public static final String CONSENSUS_BATCH_KEY = "rfi-consensus-batch";
  /** The decision that flags outlying scores of one response and criterion. */
  public static final String SCORE_OUTLIERS_DECISION = "score-outliers";
  /** Criteria a plan may have: the scoring and consensus forms have this many slots. */
  public static final int MAX_CRITERIA = 8;

  private RfiProcess() {
  }

  public static final class Elements {
    public static final String START_PLAN_DRAFTED = "StartEvent_PlanDrafted";
    public static final String TASK_APPROVE_PLAN = "Task_ApproveEvaluationPlan";
    public static final String GATEWAY_PLAN_APPROVED = "Gateway_PlanApproved";
    public static final String TASK_REVISE_PLAN = "Task_ReviseEvaluationPlan";
    public static final String TASK_PUBLISH_RFI = "Task_PublishRfi";
    public static final String TIMER_CLOSE_DATE_REACHED = "TimerEvent_CloseDateReached";
    public static final String TASK_SCREEN_RESPONSES = "Task_ScreenResponses";
    public static final String TASK_CONFIRM_SCREENING = "Task_ConfirmScreening";
    public static final String GATEWAY_ANY_ELIGIBLE = "Gateway_AnyEligibleResponse";
    public static final String END_NO_ELIGIBLE_RESPONSE = "EndEvent_NoEligibleResponse";
    public static final String TASK_FORM_PANEL = "Task_FormReviewPanel";
    public static final String TASK_SIGN_ATTESTATION = "Task_SignAttestation";
    public static final String TASK_ASSIGN_REVIEWERS = "Task_AssignReviewers";
    public static final String GATEWAY_REVIEWERS_SUFFICIENT = "Gateway_ReviewersSufficient";
    public static final String TASK_REASSIGN_REVIEWERS = "Task_ReassignReviewers";
    public static final String GATEWAY_REVIEWERS_ADDED = "Gateway_ReviewersAdded";
    /** Multi-instance call activity: one {@link #SCORING_BATCH_KEY} instance per batch of responses to score. */
    public static final String CALL_SCORE_RESPONSES = "CallActivity_ScoreResponses";
    /** In {@link #SCORING_BATCH_KEY}: the start, one {@link #SCORING_KEY} instance per response of the batch, the end. */
    public static final String START_BATCH_OPENED = "StartEvent_BatchOpened";
    public static final String CALL_SCORE_EACH_RESPONSE = "CallActivity_ScoreEachResponse";
    public static final String END_BATCH_SCORED = "EndEvent_BatchScored";
    /** In {@link #SCORING_KEY}: the start, one task per open assignment of the response, the end. */
    public static final String START_SCORING_OPENED = "StartEvent_ScoringOpened";
    public static final String TASK_SCORE_RESPONSE = "Task_ScoreResponse";
    public static final String END_RESPONSE_SCORED = "EndEvent_ResponseScored";
    public static final String TIMER_SCORING_REMINDER_DUE = "BoundaryEvent_ScoringReminderDue";
    public static final String TASK_REMIND_REVIEWERS = "Task_RemindReviewers";
    public static final String TIMER_SCORING_DEADLINE_PASSED = "BoundaryEvent_ScoringDeadlinePassed";
    public static final String TASK_RESOLVE_MISSING_SCORES = "Task_ResolveMissingScores";
    public static final String GATEWAY_SCORES_REASSIGNED = "Gateway_ScoresReassigned";
    /** Multi-instance service task: one job per batch of responses (ADR 0034). */
    public static final String TASK_AGGREGATE_SCORES = "Task_AggregateScores";
    public static final String TASK_OPEN_CONSENSUS = "Task_OpenConsensus";
    /** Multi-instance call activity: one {@link #CONSENSUS_BATCH_KEY} instance per batch of responses. */
    public static final String CALL_HOLD_CONSENSUS_REVIEWS = "CallActivity_HoldConsensusReviews";
    /** In {@link #CONSENSUS_BATCH_KEY}: the start, one task per response of the batch, the end. */
    public static final String START_CONSENSUS_BATCH_OPENED = "StartEvent_ConsensusBatchOpened";
    public static final String TASK_HOLD_CONSENSUS = "Task_HoldConsensusReview";
    public static final String END_CONSENSUS_BATCH_REVIEWED = "EndEvent_ConsensusBatchReviewed";
    public static final String TASK_GENERATE_REPORT = "Task_GenerateReport";
    public static final String TASK_APPROVE_REPORT = "Task_ApproveEvaluationReport";
    public static final String GATEWAY_REPORT_APPROVED = "Gateway_ReportApproved";
    public static final String TASK_FINALIZE_REPORT = "Task_FinalizeReport";
    public static final String END_EVALUATION_COMPLETED = "EndEvent_EvaluationCompleted";

    private Elements() {
    }
  }

  /** Process variables: ids, dates and flags only; the data lives in the application's tables. */
  public static final class Variables {
    public static final String RFI_ID = "rfiId";
    public static final String AGENCY_CODE = "agencyCode";
    /** The designated QSMO the RFI serves (optional on the start form: the issuing agency's, by default). */
    public static final String DESIGNATION_ID = "designationId";
    /** Directors of the issuing agency: candidates for the approvals. */
    public static final String DIRECTOR_GROUP_ID = "directorGroupId";
    public static final String PANEL_CHAIR = "panelChair";
    /** When responses close (ISO instant): the close-date timer's date. */
    public static final String CLOSES_AT = "closesAt";
    public static final String PLAN_APPROVED = "planApproved";
    public static final String ANY_ELIGIBLE = "anyEligible";
    public static final String REVIEWERS_SHORT = "reviewersShort";
    public static final String REVIEWERS_ADDED = "reviewersAdded";
    public static final String SCORING_REMIND_AT = "scoringRemindAt";
    public static final String SCORING_DUE_AT = "scoringDueAt";
    public static final String SCORES_REASSIGNED = "scoresReassigned";
    public static final String REPORT_APPROVED = "reportApproved";
    /** Multi-instance element variables. */
    public static final String PANEL_MEMBER = "panelMember";
    public static final String ASSIGNMENT_ID = "assignmentId";
    public static final String REVIEWER = "reviewer";
    public static final String RESPONSE_ID = "responseId";
    /** The responses of one scoring batch, their ids joined by commas. */
    public static final String RESPONSE_BATCH = "responseBatch";


    // Form fields: checked, stored in the application's tables, then gone with the task.
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String TOPICS = "topics";
    public static final String CLOSE_DATE = "closeDate";
    public static final String ALLOW_LATE = "allowLate";
    public static final String SCALE_TYPE = "scaleType";
    public static final String SCALE_LEVELS = "scaleLevels";
    public static final String CRITERIA = "criteria";
    public static final String PLAN_DECISION = "planDecision";
    public static final String PLAN_COMMENTS = "planComments";
    public static final String SCREENING_DECISION = "screeningDecision";
    public static final String SCREENING_OVERRIDES = "screeningOverrides";
    public static final String REVIEWERS = "reviewers";
    public static final String REVIEWERS_PER_RESPONSE = "reviewersPerResponse";
    public static final String ATTEST = "attest";
    public static final String CONFLICT_RESPONSE_IDS = "conflictResponseIds";
    public static final String CONFLICT_STATEMENT = "conflictStatement";
    public static final String REASSIGN_ACTION = "reassignAction";
    public static final String ADDITIONAL_REVIEWERS = "additionalReviewers";
    public static final String REASSIGN_REASON = "reassignReason";
    public static final String MISSING_SCORES_ACTION = "missingScoresAction";
    public static final String REASSIGNMENTS = "reassignments";
    public static final String NEW_SCORING_DUE_DATE = "newScoringDueDate";
    public static final String MISSING_SCORES_REASON = "missingScoresReason";
    public static final String DISSENT = "dissent";
    public static final String REPORT_DECISION = "reportDecision";
    public static final String REPORT_COMMENTS = "reportComments";

    public static String rating(int slot) {
      return "rating" + slot;
    }

    public static String strengths(int slot) {
      return "strengths" + slot;
    }

    public static String weaknesses(int slot) {
      return "weaknesses" + slot;
    }

    public static String rationale(int slot) {
      return "rationale" + slot;
    }

    public static String consensusRating(int slot) {
      return "consensusRating" + slot;
    }

    public static String consensusRationale(int slot) {
      return "consensusRationale" + slot;
    }

    private Variables() {
    }
  }

  /**
   * The field keys of each form, as the listeners read them; the conventions test keeps them equal to
   * forms/. What a submission may carry is decided from the deployed form itself (process.SubmissionGuard).
   */
  public static final class Forms {
    static final Set<String> PLAN_FIELDS = Set.of(Variables.TITLE, Variables.DESCRIPTION, Variables.TOPICS,
        Variables.CLOSE_DATE, Variables.ALLOW_LATE, Variables.PANEL_CHAIR, Variables.SCALE_TYPE,
        Variables.SCALE_LEVELS, Variables.CRITERIA);
    public static final Set<String> DRAFT_PLAN = with(with(PLAN_FIELDS, Variables.AGENCY_CODE),
        Variables.DESIGNATION_ID);
    public static final Set<String> REVISE_PLAN = PLAN_FIELDS;
    public static final Set<String> APPROVE_PLAN = Set.of(Variables.PLAN_DECISION, Variables.PLAN_COMMENTS);
    public static final Set<String> CONFIRM_SCREENING = Set.of(Variables.SCREENING_DECISION,
        Variables.SCREENING_OVERRIDES);
    public static final Set<String> FORM_PANEL = Set.of(Variables.REVIEWERS, Variables.REVIEWERS_PER_RESPONSE);
    public static final Set<String> SIGN_ATTESTATION = Set.of(Variables.ATTEST, Variables.CONFLICT_RESPONSE_IDS,
        Variables.CONFLICT_STATEMENT);
    public static final Set<String> REASSIGN_REVIEWERS = Set.of(Variables.REASSIGN_ACTION,
        Variables.ADDITIONAL_REVIEWERS, Variables.REASSIGN_REASON);
    public static final Set<String> SCORE_RESPONSE = slots(Variables::rating, Variables::strengths,
        Variables::weaknesses, Variables::rationale);
    public static final Set<String> RESOLVE_MISSING_SCORES = Set.of(Variables.MISSING_SCORES_ACTION,
        Variables.REASSIGNMENTS, Variables.NEW_SCORING_DUE_DATE, Variables.MISSING_SCORES_REASON);
    public static final Set<String> HOLD_CONSENSUS = with(slots(Variables::consensusRating,
        Variables::consensusRationale), Variables.DISSENT);
    public static final Set<String> APPROVE_REPORT = Set.of(Variables.REPORT_DECISION, Variables.REPORT_COMMENTS);

    /** Form id (file name in forms/) to its keys, for the conventions test. */
    public static final Map<String, Set<String>> BY_FORM_ID = Map.ofEntries(
        Map.entry("draft-evaluation-plan", DRAFT_PLAN),
        Map.entry("revise-evaluation-plan", REVISE_PLAN),
        Map.entry("approve-evaluation-plan", APPROVE_PLAN),
        Map.entry("confirm-screening", CONFIRM_SCREENING),
        Map.entry("form-review-panel", FORM_PANEL),
        Map.entry("sign-attestation", SIGN_ATTESTATION),
        Map.entry("reassign-reviewers", REASSIGN_REVIEWERS),
        Map.entry("score-rfi-response", SCORE_RESPONSE),
        Map.entry("resolve-missing-scores", RESOLVE_MISSING_SCORES),
        Map.entry("hold-consensus-review", HOLD_CONSENSUS),
        Map.entry("approve-evaluation-report", APPROVE_REPORT));

    @SafeVarargs
    private static Set<String> slots(java.util.function.IntFunction<String>... keys) {
      return IntStream.rangeClosed(1, MAX_CRITERIA).boxed()
          .flatMap(slot -> Stream.of(keys).map(key -> key.apply(slot)))
          .collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> with(Set<String> keys, String... more) {
      Set<String> all = new HashSet<>(keys);
      all.addAll(Set.of(more));
      return Set.copyOf(all);
    }

    private Forms() {
    }
  }

  /** Display-only, task-local variables that forms show (read-only, never submitted back). */
  public static final class TaskDisplay {
    public static final String RFI_TITLE = "rfiTitle";
    public static final String AGENCY_NAME = "agencyName";
    public static final String STATUS = "rfiStatus";
    public static final String PLAN_TEXT = "planText";
    public static final String RETURN_COMMENTS = "returnComments";
    public static final String SCREENING_TABLE = "screeningTable";
    public static final String AVAILABLE_REVIEWERS = "availableReviewers";
    public static final String ROSTER_TEXT = "rosterText";
    public static final String RESPONDENTS_TEXT = "respondentsText";
    public static final String ATTESTATION_TEXT = "attestationText";
    public static final String ATTESTATION_VERSION = "attestationVersion";
    public static final String SHORTFALL_TEXT = "shortfallText";
    public static final String RESPONSE_HEADER = "responseHeader";
    public static final String SCALE_TEXT = "scaleText";
    public static final String SCORES_TABLE = "scoresTable";
    /** The consensus form's table of one criterion: each reviewer's rating, rationale, strengths, weaknesses (JSON). */
    public static String reviewerScores(int slot) {
      return "reviewerScores" + slot;
    }
    public static final String MISSING_SCORES_TEXT = "missingScoresText";
    /** The missing-scores form's table: a row per reviewer with open assignments (JSON). */
    public static final String MISSING_SCORES_TABLE = "missingScoresTable";
    public static final String REPORT_SUMMARY = "reportSummary";

    public static String criterionName(int slot) {
      return "criterion" + slot + "Name";
    }

    /** The criterion's number and name as plain text, for the labels of its fields ("2. Technical approach"). */
    public static String criterionTitle(int slot) {
      return "criterion" + slot + "Title";
    }

    /** The scale's levels as a JSON list of {value, label} for the rating's radio buttons, highest first. */
    public static final String RATING_LEVELS = "ratingLevels";

    public static String criterionGuidance(int slot) {
      return "criterion" + slot + "Guidance";
    }

    /** A topic and the response's answer to it, for reviewers. */
    public static String topicText(int topic) {
      return "topic" + topic + "Text";
    }

    /** For consensus: the criterion's scores, figures and flag. */
    public static String criterionSummary(int slot) {
      return "criterion" + slot + "Summary";
    }

    private TaskDisplay() {
    }
  }
}
