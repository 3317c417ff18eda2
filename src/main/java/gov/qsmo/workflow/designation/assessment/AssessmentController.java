package gov.qsmo.workflow.designation.assessment;

import gov.qsmo.workflow.designation.BoardRecommendation;
import gov.qsmo.workflow.designation.BoardRound;
import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.TaskCompletion;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A designated QSMO's assessments: each a record of who did what and when, the board's rounds and OMB's decision.
 * Whoever reads the designation reads its assessments (a director only their own agency's QSMO); OMB's deciders order
 * and decide; the QSMO's directors submit. Submissions and decisions complete the assessment's open task, as Tasklist
 * would; votes are cast in Tasklist.
 */
@RestController
@RequestMapping("/api/designations/{id}/assessments")
@Tag(name = "QSMO assessments", description = "Continuous assessment of designated QSMOs (ADR 0026)")
class AssessmentController {

  static final int MAX_PAGE = 200;

  private final AssessmentService assessments;
  private final DesignationService designations;
  private final TaskCompletion completion;

  AssessmentController(AssessmentService assessments, DesignationService designations, TaskCompletion completion) {
    this.assessments = assessments;
    this.designations = designations;
    this.completion = completion;
  }

  record AssessmentView(long id, String designationId, Assessment.Kind kind, LocalDate asOf, Assessment.Status status,
      String statusText, String orderedBy, String orderReason, Assessment.Decision decision, String decisionReason,
      String decidedBy, Instant decidedAt, String processInstanceId) {

    static AssessmentView of(Assessment a) {
      return new AssessmentView(a.getId(), a.getDesignationId(), a.getKind(), a.getAsOf(), a.getStatus(),
          AssessmentWords.status(a.getStatus()), a.getOrderedBy(), a.getOrderReason(), a.getDecision(),
          a.getDecisionReason(), a.getDecidedBy(), a.getDecidedAt(), a.getProcessInstanceId());
    }
  }

  record SubmissionView(int version, List<AssessmentService.Measure> performanceMeasures, String customersServed,
      String customersOnboarding, String customerSatisfaction, String risks, String offerings, String openConditions,
      String submittedBy, Instant submittedAt) {

    static SubmissionView of(AssessmentSubmission s) {
      AssessmentSubmission.Answers a = s.answers();
      return new SubmissionView(s.getVersionNumber(), AssessmentService.measures(a.performanceMeasures()),
          a.customersServed(), a.customersOnboarding(), a.customerSatisfaction(), a.risks(), s.getOfferingsSummary(),
          s.getOpenConditions(), s.getSubmittedBy(), s.getSubmittedAt());
    }
  }

  /** A round as the record shows it: its recommendation once the chair consolidated it; never a member's vote. */
  record RoundView(int round, Instant openedAt, Instant closesAt, Instant closedAt, int eligible, int recused,
      BoardRecommendation recommendation, String recommendationText, String comments, String consolidatedBy) {

    static RoundView of(BoardRound r) {
      return new RoundView(r.getRoundNumber(), r.getOpenedAt(), r.getClosesAt(), r.getClosedAt(),
          r.eligibleMembers().size(), r.recusals().size(), r.getRecommendation(),
          r.getRecommendation() == null ? null : AssessmentWords.recommendation(r.getRecommendation()),
          r.getRecommendationComments(), r.getConsolidatedBy());
    }
  }

  record StepView(Instant occurredAt, String actor, String action, Assessment.Status status, String text) {

    static StepView of(AssessmentEvent e) {
      return new StepView(e.getOccurredAt(), e.getActor(), e.getAction(), e.getStatus(), e.getText());
    }
  }

  record AssessmentDetail(AssessmentView assessment, List<SubmissionView> submissions, List<RoundView> rounds,
      List<StepView> history) {
  }

  record OrderRequest(String reason) {
  }

  record SubmissionRequest(String performanceMeasures, String customersServed, String customersOnboarding,
      String customerSatisfaction, String risks) {
  }

  record DecisionRequest(String decision, String reason, String correctiveActions, String correctiveActionsDueDate,
      String successorAgencyCode, String successorPlanDueDate) {
  }

  @GetMapping
  @Operation(summary = "A designation's assessments, newest first (page and size, at most 200)")
  List<AssessmentView> list(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, Authentication caller) {
    Designation designation = requireVisible(id, caller);
    if (page < 0) {
      throw new InvalidRequestException("page", "page starts at 0.");
    }
    if (size < 1 || size > MAX_PAGE) {
      throw new InvalidRequestException("size", "size is 1 to " + MAX_PAGE + ".");
    }
    return assessments.of(designation.getId(), page, size).stream().map(AssessmentView::of).toList();
  }

  @GetMapping("/{assessmentId}")
  @Operation(summary = "One assessment: its record, every version submitted, the board's rounds (recommendations, "
      + "never a member's vote) and its first 200 steps")
  AssessmentDetail get(@PathVariable String id, @PathVariable Long assessmentId, Authentication caller) {
    Assessment assessment = assessments.require(requireVisible(id, caller).getId(), assessmentId);
    return new AssessmentDetail(AssessmentView.of(assessment),
        assessments.submissions(assessment.getId()).stream().map(SubmissionView::of).toList(),
        assessments.rounds(assessment.getId()).stream().map(RoundView::of).toList(),
        assessments.history(assessment.getId(), 0, MAX_PAGE).stream().map(StepView::of).toList());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Order an assessment of a designated QSMO now (OMB deciders)",
      description = "reason: required. The QSMO's directors get the task \"Submit QSMO assessment\".",
      responses = {
          @ApiResponse(responseCode = "201", description = "Ordered: the assessment, waiting for the submission"),
          @ApiResponse(responseCode = "400", description = "No reason, or one too long"),
          @ApiResponse(responseCode = "403", description = "Not an OMB decider"),
          @ApiResponse(responseCode = "409", description = "Not designated, or an assessment is under way")})
  AssessmentView order(@PathVariable String id, @RequestBody(required = false) OrderRequest request,
      Authentication caller) {
    Designation designation = requireVisible(id, caller);
    String reason = request == null ? null : gov.qsmo.workflow.shared.Inputs.optionalText(
        java.util.Collections.singletonMap("reason", request.reason()), "reason", "Reason",
        gov.qsmo.workflow.shared.Inputs.MAX_TEXT);
    return AssessmentView.of(assessments.order(designation.getId(), reason, caller.getName()));
  }

  @PostMapping("/{assessmentId}/submission")
  @Operation(summary = "Submit the assessment (the QSMO directors of the designation's agency)",
      description = "performanceMeasures: one per line, measure | target | result; customersServed, "
          + "customerSatisfaction and risks required; customersOnboarding optional. Completes \"Submit QSMO "
          + "assessment\": the board reviews it next.",
      responses = {
          @ApiResponse(responseCode = "200", description = "Submitted: the assessment, now under board review"),
          @ApiResponse(responseCode = "400", description = "A required answer missing, a measure line malformed"),
          @ApiResponse(responseCode = "403", description = "Not a QSMO director of this agency"),
          @ApiResponse(responseCode = "409", description = "The assessment is not waiting for a submission")})
  AssessmentView submit(@PathVariable String id, @PathVariable Long assessmentId,
      @RequestBody(required = false) SubmissionRequest request, Authentication caller) {
    Assessment assessment = assessments.require(requireVisible(id, caller).getId(), assessmentId);
    Designation designation = designations.require(assessment.getDesignationId());
    if (!Roles.agenciesDirected(groups(caller)).contains(designation.getAgencyCode())) {
      throw new AccessDeniedException("Only the QSMO directors of " + designation.getAgencyCode() + " (group "
          + Roles.directorsOf(designation.getAgencyCode()) + ") submit the assessments of " + designation.getId()
          + ".");
    }
    Map<String, Object> values = new HashMap<>();
    values.put(AssessmentProcess.Variables.PERFORMANCE_MEASURES, request == null ? null : request.performanceMeasures());
    values.put(AssessmentProcess.Variables.CUSTOMERS_SERVED, request == null ? null : request.customersServed());
    values.put(AssessmentProcess.Variables.CUSTOMERS_ONBOARDING, request == null ? null : request.customersOnboarding());
    values.put(AssessmentProcess.Variables.CUSTOMER_SATISFACTION, request == null ? null
        : request.customerSatisfaction());
    values.put(AssessmentProcess.Variables.RISKS, request == null ? null : request.risks());
    complete(assessment, AssessmentProcess.Elements.TASK_SUBMIT_ASSESSMENT, "submit it", values, caller);
    return AssessmentView.of(assessments.require(assessmentId));
  }

  @PostMapping("/{assessmentId}/decision")
  @Operation(summary = "Decide an assessment the board has reviewed (OMB deciders)",
      description = "decision: CONTINUE, CORRECTIVE_ACTION (correctiveActions, one per line, and "
          + "correctiveActionsDueDate, a business day), REDESIGNATE (successorAgencyCode and successorPlanDueDate) or "
          + "RESCIND; reason: required. Completes \"Decide QSMO assessment\".",
      responses = {
          @ApiResponse(responseCode = "200", description = "Decided: the assessment"),
          @ApiResponse(responseCode = "400", description = "A decision not among the four, no reason, what the "
              + "decision needs missing or malformed"),
          @ApiResponse(responseCode = "403", description = "Not an OMB decider"),
          @ApiResponse(responseCode = "409", description = "The assessment is not waiting for OMB, or a "
              + "redesignation is already under way")})
  AssessmentView decide(@PathVariable String id, @PathVariable Long assessmentId,
      @RequestBody(required = false) DecisionRequest request, Authentication caller) {
    Assessment assessment = assessments.require(requireVisible(id, caller).getId(), assessmentId);
    Map<String, Object> values = new HashMap<>();
    values.put(AssessmentProcess.Variables.ASSESSMENT_DECISION, request == null ? null : request.decision());
    values.put(AssessmentProcess.Variables.DECISION_REASON, request == null ? null : request.reason());
    if (request != null) {
      putIfGiven(values, AssessmentProcess.Variables.CORRECTIVE_ACTIONS, request.correctiveActions());
      putIfGiven(values, AssessmentProcess.Variables.CORRECTIVE_ACTIONS_DUE_DATE, request.correctiveActionsDueDate());
      putIfGiven(values, AssessmentProcess.Variables.SUCCESSOR_AGENCY_CODE, request.successorAgencyCode());
      putIfGiven(values, AssessmentProcess.Variables.SUCCESSOR_PLAN_DUE_DATE, request.successorPlanDueDate());
    }
    complete(assessment, AssessmentProcess.Elements.TASK_DECIDE_ASSESSMENT, "decide it", values, caller);
    return AssessmentView.of(assessments.require(assessmentId));
  }

  private static void putIfGiven(Map<String, Object> values, String key, String value) {
    if (value != null) {
      values.put(key, value);
    }
  }

  /** Completes the assessment's open task of this kind as the caller, or 409 saying where the assessment stands. */
  private void complete(Assessment assessment, String taskKey, String what, Map<String, Object> values,
      Authentication caller) {
    String instance = assessment.getProcessInstanceId();
    Task task = completion.openTask(instance, taskKey);
    if (task == null) {
      throw new ConflictException("Assessment " + assessment.getId() + " is " + AssessmentWords.status(
          assessment.getStatus()).toLowerCase() + "; you cannot " + what + " now.");
    }
    completion.completeAs(task, caller.getName(), groups(caller), values, "Assessment " + assessment.getId(),
        field -> field);
  }

  private Designation requireVisible(String id, Authentication caller) {
    Designation designation = designations.find(id).orElse(null);
    if (designation == null || !Roles.readsDesignationOf(groups(caller), designation.getAgencyCode())) {
      throw new NotFoundException("No designation with id '" + id + "'.");
    }
    return designation;
  }

  private static Set<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }
}
