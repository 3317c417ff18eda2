package gov.qsmo.workflow.designation.assessment;

import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.END_CONTINUED;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.END_CORRECTIVE_ACTION;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.END_REDESIGNATED;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.END_RESCINDED;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.TASK_CONSOLIDATE_REVIEW;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.TASK_DECIDE_ASSESSMENT;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.TASK_EXTEND_OR_ESCALATE_REVIEW;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.TASK_REVIEW_ASSESSMENT;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.TASK_SUBMIT_ASSESSMENT;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.TIMER_ANNIVERSARY;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.TIMER_REVIEW_WINDOW_CLOSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.calendar.Period;
import gov.qsmo.workflow.calendar.TestDates;
import gov.qsmo.workflow.designation.BoardReviewService;
import gov.qsmo.workflow.designation.BoardRound;
import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.DesignationStatus;
import gov.qsmo.workflow.designation.TestDesignations;
import gov.qsmo.workflow.designation.assessment.Assessment.Status;
import gov.qsmo.workflow.designation.condition.ConditionProcess;
import gov.qsmo.workflow.designation.condition.ConditionService;
import gov.qsmo.workflow.designation.condition.DesignationCondition;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.shared.ConflictException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A QSMO's assessment, one path each: the annual timer at the anniversary; OMB's decisions (continue, corrective
 * actions, redesignate, rescind); the board's return for revision; no quorum (extended, then escalated); and what it
 * refuses (a malformed measure, another agency's director, a decision without what it needs, a second assessment
 * while one is under way). The board is the plan review's test board: GSA, DHS, Treasury and HHS members; an HHS QSMO's
 * assessment recuses the HHS member.
 */
@ProcessEngineTest
class AssessmentProcessTests {

  static final String GSA = "test.board.gsa";
  static final String DHS = "test.board.dhs";
  static final String TREAS = "test.board.treas";
  static final String HHS = "test.board.hhs";
  static final String DIRECTOR = "test.assessment.director.hhs";
  static final String OTHER_DIRECTOR = "test.assessment.director.dhs";
  static final String CHAIR = "test.assessment.chair";
  static final String OMB = "test.assessment.omb";
  static final String MEASURES = "Agencies onboarded | 6 | 5\nCustomer satisfaction score | 4.0 | 4.2";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  AssessmentService assessments;
  @Autowired
  AssessmentSchedule schedule;
  @Autowired
  AssessmentEventRepository events;
  @Autowired
  BoardReviewService boardReview;
  @Autowired
  DesignationService designations;
  @Autowired
  ConditionService conditions;
  @Autowired
  BusinessCalendar calendar;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    identitySetup.ensureUser(GSA, "Test", "GSA", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("GSA"));
    identitySetup.ensureUser(DHS, "Test", "DHS", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("DHS"));
    identitySetup.ensureUser(TREAS, "Test", "Treasury", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("TREAS"));
    identitySetup.ensureUser(HHS, "Test", "HHS", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("HHS"));
    identitySetup.ensureUser(DIRECTOR, "Test", "Director HHS", "pw", Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS"));
    identitySetup.ensureUser(OTHER_DIRECTOR, "Test", "Director DHS", "pw", Roles.QSMO_DIRECTORS,
        Roles.directorsOf("DHS"));
    identitySetup.ensureUser(CHAIR, "Test", "Chair", "pw", Roles.SSGB_CHAIRS, Roles.agencyGroup("GSA"));
    identitySetup.ensureUser(OMB, "Test", "OMB", "pw", Roles.OMB_DECIDERS);
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void anAnnualAssessmentWaitsForTheAnniversaryAndTheNextOneIsScheduledWhenItOpens() {
    String designation = TestDesignations.designated(jdbc, "GRANTS", "HHS", null);
    LocalDate effective = calendar.today();

    Assessment annual = assessments.scheduleNext(designation, "test").orElseThrow();

    assertThat(annual.getKind()).isEqualTo(Assessment.Kind.ANNUAL);
    assertThat(annual.getStatus()).isEqualTo(Status.SCHEDULED);
    assertThat(annual.getAsOf()).isEqualTo(effective.plusYears(1));
    ProcessInstance instance = instance(annual);
    assertThat(instance).isWaitingAt(TIMER_ANNIVERSARY);
    assertThat(instance.getBusinessKey()).isEqualTo(designation);
    Job anniversary = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(anniversary.getDuedate().toInstant()).isEqualTo(calendar.onOrAfter(effective.plusYears(1))
        .atTime(BusinessCalendar.REMINDER_TIME).atZone(calendar.zone()).toInstant());
    // One waits at a time: scheduling again finds it.
    assertThat(assessments.scheduleNext(designation, "test")).isEmpty();

    managementService.executeJob(anniversary.getId());

    assertThat(instance).isWaitingAt(TASK_SUBMIT_ASSESSMENT);
    Task submit = task(instance);
    assertThat(submit).hasCandidateGroup(Roles.directorsOf("HHS"));
    assertThat(submit.getDueDate().toInstant()).isEqualTo(calendar.deadline(Period.ASSESSMENT));
    assertThat(submit.getName()).startsWith("Submit QSMO assessment: ").endsWith("(" + designation + ")");
    assertThat(assessments.require(annual.getId()).getStatus()).isEqualTo(Status.AWAITING_SUBMISSION);
    List<Assessment> all = assessments.of(designation, 0, 10);
    assertThat(all).hasSize(2);
    assertThat(all.get(0).getStatus()).isEqualTo(Status.SCHEDULED);
    assertThat(all.get(0).getAsOf()).isEqualTo(effective.plusYears(2));
    assertThat(steps(annual)).containsExactly("SCHEDULED", "OPENED");
  }

  @Test
  void qsmosDesignatedBeforeAssessmentsExistedGetTheirAnnualAssessmentOnceOnStart() {
    String designation = TestDesignations.designated(jdbc, "GRANTS", "HHS", null);
    jdbc.update("update qsmo.designation set effective_date = ? where id = ?",
        java.sql.Date.valueOf(calendar.today().minusYears(3).minusDays(10)), designation);

    // Two nodes starting at once: each QSMO is still scheduled once.
    java.util.concurrent.CompletableFuture<Integer> other = java.util.concurrent.CompletableFuture.supplyAsync(
        schedule::scheduleExisting);
    schedule.scheduleExisting();
    other.join();

    List<Assessment> all = assessments.of(designation, 0, 10);
    assertThat(all).singleElement().satisfies(a -> {
      assertThat(a.getStatus()).isEqualTo(Status.SCHEDULED);
      assertThat(a.getAsOf()).isAfter(calendar.today()).isEqualTo(calendar.today().minusDays(10).plusYears(1));
    });
  }

  @Test
  void ombContinuesTheQsmoAfterTheBoardRecommendsItWithTheRulesOfAPlanReview() {
    Assessment assessment = ordered("HHS");
    ProcessInstance instance = instance(assessment);

    // A measure without its result refuses the whole submission, which stores nothing.
    assertThatThrownBy(() -> completeAs(DIRECTOR, task(instance), answers("Agencies onboarded | 6")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Line 1")
        .hasMessageContaining("measure | target | result");
    assertThat(assessments.submissions(assessment.getId())).isEmpty();
    // Another agency's director cannot submit it.
    assertThatThrownBy(() -> completeAs(OTHER_DIRECTOR, task(instance), answers(MEASURES)))
        .isInstanceOf(AuthorizationException.class);
    completeAs(DIRECTOR, task(instance), answers(MEASURES));
    runAsyncContinuations(instance);

    assertThat(instance).isWaitingAt(TASK_REVIEW_ASSESSMENT);
    assertThat(reviewTasks(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder(GSA, DHS, TREAS);
    BoardRound round = boardReview.lastRound(assessment.getDesignationId(), assessment.getId());
    assertThat(round.getAssessmentId()).isEqualTo(assessment.getId());
    assertThat(round.getPlanVersionNumber()).isNull();
    assertThat(round.recusals()).singleElement().satisfies(r -> {
      assertThat(r.memberId()).isEqualTo(HHS);
      assertThat(r.recusalReason()).contains("QSMO's agency (HHS)");
    });
    // The reviewer reads the measures as a table, and no other member's vote.
    Map<String, Object> form = taskService.getVariablesLocal(reviewTasks(instance).get(0).getId());
    assertThat(form.get(AssessmentProcess.TaskDisplay.MEASURES).toString()).contains("Agencies onboarded")
        .contains("\"result\":\"5\"");
    assertThat(form).doesNotContainKey(AssessmentProcess.TaskDisplay.VOTES);
    AssessmentSubmission submitted = assessments.latestSubmission(assessment.getId()).orElseThrow();
    assertThat(submitted.getOfferingsSummary()).contains("0 available");
    assertThat(submitted.getOpenConditions()).isEqualTo("No open conditions.");

    vote(instance, GSA, "ENDORSE", null);
    vote(instance, DHS, "ENDORSE", null);
    vote(instance, TREAS, "ENDORSE_WITH_CONDITIONS", "Publish the survey's results.");
    runAsyncContinuations(instance);

    assertThat(instance).isWaitingAt(TASK_CONSOLIDATE_REVIEW);
    Task consolidate = task(instance);
    assertThat(taskService.getVariableLocal(consolidate.getId(), "votes").toString())
        .contains("Continue with corrective actions; corrective actions: Publish the survey's results.");
    completeAs(CHAIR, consolidate, Map.of("boardDecision", "ENDORSE", "consolidatedComments", "Keep going."));
    assertThat(assessments.require(assessment.getId()).getStatus()).isEqualTo(Status.AWAITING_OMB_DECISION);

    Task decide = task(instance);
    assertThat(decide.getTaskDefinitionKey()).isEqualTo(TASK_DECIDE_ASSESSMENT);
    assertThat(taskService.getVariableLocal(decide.getId(), AssessmentProcess.TaskDisplay.RECOMMENDATION_TEXT))
        .asString().contains("**Continue**").contains("Keep going.");
    assertThatThrownBy(() -> completeAs(OMB, decide, Map.of("assessmentDecision", "CONTINUE")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reason");
    completeAs(OMB, decide, Map.of("assessmentDecision", "CONTINUE", "decisionReason", "Targets nearly met."));

    assertThat(instance).isEnded().hasPassed(END_CONTINUED);
    Assessment decided = assessments.require(assessment.getId());
    assertThat(decided.getStatus()).isEqualTo(Status.DECIDED);
    assertThat(decided.getDecision()).isEqualTo(Assessment.Decision.CONTINUE);
    assertThat(decided.getDecidedBy()).isEqualTo(OMB);
    assertThat(decided.getDecisionReason()).isEqualTo("Targets nearly met.");
    assertThat(steps(assessment)).containsExactly("ORDERED", "SUBMITTED", "BOARD_ROUND_OPENED", "BOARD_RECOMMENDED",
        "DECIDED");
    assertThat(designations.history(assessment.getDesignationId())).extracting(e -> e.getAction())
        .contains("ASSESSMENT_ORDERED", "ASSESSMENT_DECIDED");
    assertThat(designations.require(assessment.getDesignationId()).getStatus()).isEqualTo(DesignationStatus.DESIGNATED);
  }

  @Test
  void aCorrectiveActionPlanIsFollowedLikeConditions() {
    Assessment assessment = underReview("HHS");
    ProcessInstance review = instance(assessment);
    vote(review, GSA, "ENDORSE_WITH_CONDITIONS", "Publish onboarding dates.");
    vote(review, DHS, "ENDORSE_WITH_CONDITIONS", "Onboard two more agencies.");
    vote(review, TREAS, "ENDORSE", null);
    runAsyncContinuations(review);
    completeAs(CHAIR, task(review), Map.of("boardDecision", "ENDORSE_WITH_CONDITIONS", "boardConditions",
        "Onboard two more agencies.\nPublish onboarding dates."));
    Task decide = task(instance(assessment));
    // OMB reads the board's corrective actions with its recommendation.
    assertThat(taskService.getVariableLocal(decide.getId(), AssessmentProcess.TaskDisplay.RECOMMENDATION_TEXT))
        .asString().contains("Continue with corrective actions")
        .contains("Corrective actions: Onboard two more agencies; Publish onboarding dates.");
    LocalDate due = TestDates.businessDay(calendar.today().plusMonths(4));

    assertThatThrownBy(() -> completeAs(OMB, decide, Map.of("assessmentDecision", "CORRECTIVE_ACTION",
        "decisionReason", "Onboarding lags.")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("corrective actions");
    completeAs(OMB, decide, Map.of("assessmentDecision", "CORRECTIVE_ACTION", "decisionReason", "Onboarding lags.",
        "correctiveActions", "Onboard two more agencies.\nPublish onboarding dates.", "correctiveActionsDueDate",
        due.toString()));

    assertThat(instance(assessment)).isNull();
    assertThat(ended(assessment)).isEqualTo(END_CORRECTIVE_ACTION);
    List<DesignationCondition> actions = conditions.of(assessment.getDesignationId(), 0, 10);
    assertThat(actions).extracting(DesignationCondition::getText)
        .containsExactly("Onboard two more agencies.", "Publish onboarding dates.");
    assertThat(actions).allSatisfy(action -> {
      assertThat(action.getSource()).isEqualTo(DesignationCondition.Source.CORRECTIVE_ACTION);
      assertThat(action.getAssessmentId()).isEqualTo(assessment.getId());
      assertThat(action.getDueDate()).isEqualTo(due);
      assertThat(action.getOwnerGroup()).isEqualTo(Roles.directorsOf("HHS"));
      assertThat(taskService.createTaskQuery().processInstanceId(action.getProcessInstanceId())
          .taskDefinitionKey(ConditionProcess.Elements.TASK_REPORT_PROGRESS).count()).isEqualTo(1);
    });
  }

  @Test
  void ombRedesignatesTheQsmoToAnotherAgencyThroughTheExistingRedesignation() {
    Assessment assessment = toOmb("HHS");
    Task decide = task(instance(assessment));
    LocalDate planDue = TestDates.businessDay(calendar.today().plusMonths(3));

    assertThatThrownBy(() -> completeAs(OMB, decide, Map.of("assessmentDecision", "REDESIGNATE",
        "decisionReason", "Better suited elsewhere.", "successorPlanDueDate", planDue.toString())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("agency the QSMO moves to");
    completeAs(OMB, decide, Map.of("assessmentDecision", "REDESIGNATE", "decisionReason", "Better suited elsewhere.",
        "successorAgencyCode", "GSA", "successorPlanDueDate", planDue.toString()));

    assertThat(ended(assessment)).isEqualTo(END_REDESIGNATED);
    ProcessInstance successor = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(gov.qsmo.workflow.designation.DesignationProcess.KEY)
        .variableValueEquals("agencyCode", "GSA").list().stream()
        .filter(pi -> assessment.getDesignationId().equals(designations.require(pi.getBusinessKey()).getSupersedesId()))
        .findFirst().orElseThrow();
    Designation next = designations.require(successor.getBusinessKey());
    assertThat(next.getStatus()).isEqualTo(DesignationStatus.PRE_DESIGNATED);
    assertThat(next.getPlanDueDate()).isEqualTo(planDue);
    assertThat(designations.require(assessment.getDesignationId()).getStatus()).isEqualTo(DesignationStatus.DESIGNATED);
  }

  @Test
  void ombRescindsTheDesignationAndItsScheduledAssessmentAndOpenConditionsEnd() {
    Assessment assessment = toOmb("HHS");
    String designation = assessment.getDesignationId();
    Assessment annual = assessments.scheduleNext(designation, "test").orElseThrow();
    DesignationCondition open = conditions.trackCorrectiveActions(designation, assessment.getId(),
        "Publish the survey.", TestDates.businessDay(calendar.today().plusMonths(2)), OMB).get(0);

    completeAs(OMB, task(instance(assessment)), Map.of("assessmentDecision", "RESCIND", "decisionReason",
        "No customers left."));

    assertThat(ended(assessment)).isEqualTo(END_RESCINDED);
    assertThat(designations.require(designation).getStatus()).isEqualTo(DesignationStatus.RESCINDED);
    assertThat(assessments.require(annual.getId()).getStatus()).isEqualTo(Status.CANCELLED);
    assertThat(instance(annual)).isNull();
    assertThat(conditions.require(open.getId()).getStatus()).isEqualTo(DesignationCondition.Status.WITHDRAWN);
    assertThat(assessments.scheduleNext(designation, "test")).isEmpty();
    assertThatThrownBy(() -> assessments.order(designation, "Again.", OMB)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("RESCINDED");
  }

  @Test
  void aReturnedAssessmentGoesBackToTheDirectorWithTheBoardsCommentsAndItsLastText() {
    Assessment assessment = underReview("HHS");
    ProcessInstance instance = instance(assessment);
    vote(instance, GSA, "RETURN_FOR_REVISION", null);
    vote(instance, DHS, "RETURN_FOR_REVISION", null);
    vote(instance, TREAS, "ENDORSE", null);
    runAsyncContinuations(instance);

    assertThatThrownBy(() -> completeAs(CHAIR, task(instance), Map.of("boardDecision", "RETURN_FOR_REVISION")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("what to revise");
    completeAs(CHAIR, task(instance), Map.of("boardDecision", "RETURN_FOR_REVISION", "consolidatedComments",
        "Give last year's results next to this year's."));

    assertThat(instance).isWaitingAt(TASK_SUBMIT_ASSESSMENT);
    Task again = task(instance);
    assertThat(taskService.getVariableLocal(again.getId(), AssessmentProcess.TaskDisplay.BOARD_COMMENTS))
        .asString().contains("last year's results");
    assertThat(taskService.getVariable(again.getId(), "performanceMeasures")).isEqualTo(MEASURES);
    completeAs(DIRECTOR, again, answers(MEASURES + "\nMigrations on schedule | 4 | 4"));
    runAsyncContinuations(instance);

    assertThat(instance).isWaitingAt(TASK_REVIEW_ASSESSMENT);
    assertThat(assessments.submissions(assessment.getId())).extracting(AssessmentSubmission::getVersionNumber)
        .containsExactly(1, 2);
    assertThat(assessments.rounds(assessment.getId())).extracting(BoardRound::getRoundNumber).containsExactly(1, 2);
  }

  @Test
  void withoutAQuorumTheChairExtendsTheWindowThenEscalatesToOmb() {
    Assessment assessment = underReview("HHS");
    ProcessInstance instance = instance(assessment);
    vote(instance, GSA, "ENDORSE", null);
    runAsyncContinuations(instance);
    managementService.executeJob(windowTimer(instance).getId());

    assertThat(instance).isWaitingAt(TASK_EXTEND_OR_ESCALATE_REVIEW);
    // Blind until the round closes for good: the chair reads counts, not who voted what.
    assertThat(taskService.getVariablesLocal(task(instance).getId())).doesNotContainKeys("votes", "tally");
    LocalDate closesOn = TestDates.businessDay(calendar.today().plusDays(10));
    completeAs(CHAIR, task(instance), Map.of("reviewAction", "EXTEND", "newReviewClosesOn", closesOn.toString(),
        "reviewActionReason", "Two members were travelling."));
    runAsyncContinuations(instance);

    assertThat(instance).isWaitingAt(TASK_REVIEW_ASSESSMENT);
    assertThat(reviewTasks(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder(DHS, TREAS);
    assertThat(windowTimer(instance).getDuedate().toInstant()).isEqualTo(calendar.endOf(closesOn));
    managementService.executeJob(windowTimer(instance).getId());
    completeAs(CHAIR, task(instance), Map.of("reviewAction", "ESCALATE", "reviewActionReason", "Still no quorum."));

    assertThat(instance).isWaitingAt(TASK_DECIDE_ASSESSMENT);
    assertThat(taskService.getVariableLocal(task(instance).getId(), AssessmentProcess.TaskDisplay.RECOMMENDATION_TEXT))
        .asString().contains("No board recommendation");
    assertThat(steps(assessment)).contains("BOARD_REVIEW_EXTENDED", "BOARD_REVIEW_ESCALATED");
  }

  @Test
  void ombOrdersOneAssessmentAtATimeOfADesignatedQsmoOnly() {
    Assessment first = ordered("HHS");

    assertThatThrownBy(() -> assessments.order(first.getDesignationId(), "Another.", OMB))
        .isInstanceOf(ConflictException.class).hasMessageContaining("under way");
    assertThatThrownBy(() -> assessments.order(first.getDesignationId(), null, OMB))
        .hasMessageContaining("reason");
    assertThat(assessments.of(first.getDesignationId(), 0, 10)).hasSize(1);
  }

  @Test
  void aScheduledAssessmentDeletedInCockpitIsCancelledNotOpened() {
    String designation = TestDesignations.designated(jdbc, "GRANTS", "HHS", null);
    Assessment annual = assessments.scheduleNext(designation, "test").orElseThrow();

    runtimeService.deleteProcessInstance(annual.getProcessInstanceId(), "Started by mistake.");

    assertThat(assessments.require(annual.getId()).getStatus()).isEqualTo(Status.CANCELLED);
    assertThat(steps(annual)).containsExactly("SCHEDULED", "CANCELLED");
    assertThat(assessments.of(designation, 0, 10)).singleElement()
        .satisfies(a -> assertThat(a.getStatus()).isEqualTo(Status.CANCELLED));
  }

  @Test
  void anAnniversaryDuringAnOrderedAssessmentIsCoveredByItAndTheNextYearsIsScheduled() {
    Assessment ordered = ordered("HHS");
    String designation = ordered.getDesignationId();
    Assessment annual = assessments.scheduleNext(designation, "test").orElseThrow();
    ProcessInstance waiting = instance(annual);

    managementService.executeJob(managementService.createJobQuery().processInstanceId(waiting.getId()).timers()
        .singleResult().getId());

    assertThat(waiting).isEnded().hasPassed(AssessmentProcess.Elements.END_COVERED);
    assertThat(assessments.require(annual.getId()).getStatus()).isEqualTo(Status.CANCELLED);
    assertThat(steps(annual)).containsExactly("SCHEDULED", "COVERED");
    assertThat(assessments.of(designation, 0, 10)).extracting(Assessment::getStatus)
        .containsExactly(Status.SCHEDULED, Status.CANCELLED, Status.AWAITING_SUBMISSION);
    // Two under way at once is refused by the database too (orders at the same moment on two nodes).
    assertThatThrownBy(() -> jdbc.update("""
        insert into qsmo.qsmo_assessment (designation_id, kind, as_of, status, created_at, updated_at)
        values (?, 'ORDERED', current_date, 'AWAITING_SUBMISSION', now(), now())""", designation))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }

  // ---------------------------------------------------------------- set-up

  /** An HHS QSMO's assessment ordered by OMB: waiting for the director. */
  private Assessment ordered(String agency) {
    String designation = TestDesignations.designated(jdbc, "GRANTS", agency, null);
    return assessments.order(designation, "The marketplace's customers complained.", OMB);
  }

  private Assessment underReview(String agency) {
    Assessment assessment = ordered(agency);
    ProcessInstance instance = instance(assessment);
    completeAs(DIRECTOR, task(instance), answers(MEASURES));
    runAsyncContinuations(instance);
    return assessment;
  }

  private Assessment toOmb(String agency) {
    Assessment assessment = underReview(agency);
    ProcessInstance instance = instance(assessment);
    vote(instance, GSA, "NOT_ENDORSE", null);
    vote(instance, DHS, "NOT_ENDORSE", null);
    vote(instance, TREAS, "NOT_ENDORSE", null);
    runAsyncContinuations(instance);
    completeAs(CHAIR, task(instance), Map.of("boardDecision", "NOT_ENDORSE", "consolidatedComments",
        "Targets missed two years running."));
    assertThat(instance).isWaitingAt(TASK_DECIDE_ASSESSMENT);
    return assessment;
  }

  private static Map<String, Object> answers(String measures) {
    return Map.of("performanceMeasures", measures, "customersServed", "Education, Labor.",
        "customerSatisfaction", "4.2 of 5.", "risks", "One contract ends next year.");
  }

  private void vote(ProcessInstance instance, String member, String recommendation, String actions) {
    Task review = reviewTasks(instance).stream().filter(t -> member.equals(t.getAssignee())).findFirst()
        .orElseThrow(() -> new AssertionError("no review task for " + member));
    Map<String, Object> values = new HashMap<>();
    values.put("recommendation", recommendation);
    values.put("comments", "Comment from " + member);
    if (actions != null) {
      values.put("proposedConditions", actions);
    }
    completeAs(member, review, values);
  }

  private void completeAs(String user, Task task, Map<String, Object> values) {
    TestDesignations.completeAs(identityService, taskService, user, task.getId(), values);
  }

  private ProcessInstance instance(Assessment assessment) {
    return runtimeService.createProcessInstanceQuery()
        .processInstanceId(assessments.require(assessment.getId()).getProcessInstanceId()).singleResult();
  }

  private String ended(Assessment assessment) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(assessments.require(assessment.getId()).getProcessInstanceId()).singleResult()
        .getEndActivityId();
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private List<Task> reviewTasks(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_REVIEW_ASSESSMENT).list();
  }

  private Job windowTimer(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(TIMER_REVIEW_WINDOW_CLOSED).singleResult();
  }

  private void runAsyncContinuations(ProcessInstance instance) {
    List<Job> due;
    while (!(due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list())
        .isEmpty()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private List<String> steps(Assessment assessment) {
    return events.findByAssessmentIdOrderByIdAsc(assessment.getId(), PageRequest.of(0, 50)).stream()
        .map(AssessmentEvent::getAction).toList();
  }
}
