package gov.qsmo.workflow.designation.assessment;

import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.ASSESSMENT_DECISION;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.BOARD_ACTIONS;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.BOARD_DECISION;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.BOARD_MEMBER;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.BOARD_RECOMMENDATION;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.COMMENTS;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.CONSOLIDATED_COMMENTS;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.CORRECTIVE_ACTIONS;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.CORRECTIVE_ACTIONS_DUE_DATE;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.DECISION_REASON;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.NEW_REVIEW_CLOSES_ON;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.PROPOSED_ACTIONS;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.RECOMMENDATION;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.RETURNED_FOR_REVISION;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.REVIEW_ACTION;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.REVIEW_ACTION_REASON;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.REVIEW_CLOSES_AT;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.REVIEW_EXTENDED;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.SUCCESSOR_AGENCY_CODE;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Variables.SUCCESSOR_PLAN_DUE_DATE;

import gov.qsmo.workflow.designation.BoardRecommendation;
import gov.qsmo.workflow.designation.BoardReviewService;
import gov.qsmo.workflow.designation.BoardRound;
import gov.qsmo.workflow.designation.assessment.Assessment.Decision;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The assessment process's listeners and delegates: each reads its form, calls {@link AssessmentService} (or, for a
 * vote, {@link BoardReviewService}: the plan review's rules), and sets what the gateways after it read.
 */
final class AssessmentListeners {

  private AssessmentListeners() {
  }

  /** The anniversary's timer fired: the director owes the assessment. */
  @Component("assessmentOpenedListener")
  static class Opened implements ExecutionListener {

    private final AssessmentService assessments;

    Opened(AssessmentService assessments) {
      this.assessments = assessments;
    }

    @Override
    public void notify(DelegateExecution execution) {
      // The timer fired; not when the waiting instance is deleted (its end listener records the cancellation).
      if (!execution.isCanceled()) {
        execution.setVariable(AssessmentProcess.Variables.COVERED,
            assessments.open(assessments.ofInstance(execution).getId()));
      }
    }
  }

  /** End of "Submit QSMO assessment": the director's answers, stored as a version. */
  @Component("assessmentSubmittedListener")
  static class Submitted extends FormCompletionListener<Assessment> {

    private final AssessmentService assessments;

    Submitted(AssessmentService assessments, IdentityService identityService) {
      super(assessments::ofInstance, identityService);
      this.assessments = assessments;
    }

    @Override
    protected void completed(Assessment assessment, CompletedTask task) {
      assessments.submit(assessment.getId(), AssessmentService.answers(task.values()), task.caller().userId());
      task.remove(AssessmentProcess.Forms.SUBMIT_ASSESSMENT.toArray(String[]::new));
    }
  }

  /** "Open assessment round": the roster (with recusals) and the window; one review task per eligible member. */
  @Component("assessmentRoundOpenedDelegate")
  static class RoundOpened implements JavaDelegate {

    private final AssessmentService assessments;

    RoundOpened(AssessmentService assessments) {
      this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
      BoardRound round = assessments.openRound(assessments.ofInstance(execution).getId());
      execution.setVariable(REVIEW_CLOSES_AT, round.getClosesAt().truncatedTo(ChronoUnit.SECONDS).toString());
    }
  }

  /** End of one "Review QSMO assessment" task: the member's vote, as a plan review's is stored. */
  @Component("assessmentVoteListener")
  static class Voted extends FormCompletionListener<Assessment> {

    private final BoardReviewService boardReview;

    Voted(AssessmentService assessments, BoardReviewService boardReview, IdentityService identityService) {
      super(assessments::ofInstance, identityService);
      this.boardReview = boardReview;
    }

    @Override
    protected void completed(Assessment assessment, CompletedTask task) {
      String member = (String) task.execution().getVariableLocal(BOARD_MEMBER);
      String user = task.caller().userId();
      if (!Caller.SYSTEM.userId().equals(user) && !user.equals(member)) {
        throw new ConflictException("This review belongs to " + member + "; " + user + " cannot vote for them.");
      }
      Map<String, Object> form = task.localValues();
      boardReview.recordVote(assessment.getDesignationId(), assessment.getId(), member,
          Inputs.requiredChoice(form, RECOMMENDATION, "Recommendation", BoardRecommendation.class),
          Inputs.optionalText(form, COMMENTS, "Comments", Inputs.MAX_TEXT),
          Inputs.optionalText(form, PROPOSED_ACTIONS, "Proposed corrective actions", Inputs.MAX_TEXT), Map.of());
    }
  }

  /** End of "Consolidate assessment review": the chair's recommendation, corrective actions and comments. */
  @Component("assessmentReviewConsolidatedListener")
  static class Consolidated extends FormCompletionListener<Assessment> {

    private final AssessmentService assessments;

    Consolidated(AssessmentService assessments, IdentityService identityService) {
      super(assessments::ofInstance, identityService);
      this.assessments = assessments;
    }

    @Override
    protected void completed(Assessment assessment, CompletedTask task) {
      Map<String, Object> form = task.values();
      BoardRecommendation recommendation = Inputs.requiredChoice(form, BOARD_DECISION, "Board recommendation",
          BoardRecommendation.class);
      String actionsText = Inputs.optionalText(form, BOARD_ACTIONS, "Corrective actions", Inputs.MAX_TEXT);
      List<String> actions = actionsText == null ? List.of()
          : actionsText.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
      BoardRecommendation standing = assessments.consolidate(assessment.getId(), recommendation, actions,
          Inputs.optionalText(form, CONSOLIDATED_COMMENTS, "Consolidated comments", Inputs.MAX_TEXT),
          task.caller().userId());
      task.set(BOARD_RECOMMENDATION, standing.name());
      task.set(RETURNED_FOR_REVISION, standing == BoardRecommendation.RETURN_FOR_REVISION);
      task.remove(BOARD_DECISION, BOARD_ACTIONS, CONSOLIDATED_COMMENTS);
    }
  }

  /** End of "Extend or escalate review" on an assessment: a new closing date, or OMB decides without a quorum. */
  @Component("assessmentReviewExtendedListener")
  static class Extended extends FormCompletionListener<Assessment> {

    private final AssessmentService assessments;

    Extended(AssessmentService assessments, IdentityService identityService) {
      super(assessments::ofInstance, identityService);
      this.assessments = assessments;
    }

    @Override
    protected void completed(Assessment assessment, CompletedTask task) {
      Map<String, Object> form = task.values();
      String action = Inputs.requiredCode(form, REVIEW_ACTION, "Action");
      String reason = Inputs.optionalText(form, REVIEW_ACTION_REASON, "Reason", Inputs.MAX_TEXT);
      switch (action) {
        case "EXTEND" -> {
          LocalDate closesOn = Inputs.requiredDate(form, NEW_REVIEW_CLOSES_ON, "New closing date");
          task.set(REVIEW_CLOSES_AT, assessments.extendReview(assessment.getId(), closesOn, reason,
              task.caller().userId()).truncatedTo(ChronoUnit.SECONDS).toString());
          task.set(REVIEW_EXTENDED, true);
        }
        case "ESCALATE" -> {
          assessments.escalateReview(assessment.getId(), reason, task.caller().userId());
          task.set(REVIEW_EXTENDED, false);
        }
        default -> throw new InvalidRequestException(REVIEW_ACTION,
            "Action '" + action + "' is not one of [EXTEND, ESCALATE].");
      }
      task.remove(NEW_REVIEW_CLOSES_ON, REVIEW_ACTION_REASON);
    }
  }

  /** End of "Decide QSMO assessment": OMB's decision and what it needs. */
  @Component("assessmentDecidedListener")
  static class Decided extends FormCompletionListener<Assessment> {

    private final AssessmentService assessments;

    Decided(AssessmentService assessments, IdentityService identityService) {
      super(assessments::ofInstance, identityService);
      this.assessments = assessments;
    }

    @Override
    protected void completed(Assessment assessment, CompletedTask task) {
      Map<String, Object> form = task.values();
      Decision decision = Inputs.requiredChoice(form, ASSESSMENT_DECISION, "Decision", Decision.class);
      assessments.decide(assessment.getId(), new AssessmentService.DecisionRequest(decision,
          Inputs.optionalText(form, DECISION_REASON, "Reason", Inputs.MAX_TEXT),
          decision == Decision.CORRECTIVE_ACTION
              ? Inputs.optionalText(form, CORRECTIVE_ACTIONS, "Corrective actions", Inputs.MAX_TEXT) : null,
          decision == Decision.CORRECTIVE_ACTION && present(form, CORRECTIVE_ACTIONS_DUE_DATE)
              ? Inputs.requiredDate(form, CORRECTIVE_ACTIONS_DUE_DATE, "Corrective actions due") : null,
          decision == Decision.REDESIGNATE
              ? Inputs.optionalText(form, SUCCESSOR_AGENCY_CODE, "Successor agency", 16) : null,
          decision == Decision.REDESIGNATE && present(form, SUCCESSOR_PLAN_DUE_DATE)
              ? Inputs.requiredDate(form, SUCCESSOR_PLAN_DUE_DATE, "Successor's plan due date") : null),
          task.caller().userId());
      task.set(ASSESSMENT_DECISION, decision.name());
      task.remove(DECISION_REASON, CORRECTIVE_ACTIONS, CORRECTIVE_ACTIONS_DUE_DATE, SUCCESSOR_AGENCY_CODE,
          SUCCESSOR_PLAN_DUE_DATE);
    }

    private static boolean present(Map<String, Object> form, String key) {
      return form.get(key) != null && !(form.get(key) instanceof String s && s.isBlank());
    }
  }

  /** The process ended: when it was deleted before OMB decided, the assessment's record says so. */
  @Component("assessmentEndedListener")
  static class Ended implements ExecutionListener {

    private final AssessmentService assessments;

    Ended(AssessmentService assessments) {
      this.assessments = assessments;
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (execution.isCanceled()) {
        Object id = execution.getVariable(AssessmentProcess.Variables.ASSESSMENT_ID);
        if (id instanceof Number n) {
          assessments.processEnded(n.longValue(), "Its process was deleted: " + (execution.getCurrentActivityName()
              == null ? "" : "at " + execution.getCurrentActivityName()) + ".");
        }
      }
    }
  }
}
