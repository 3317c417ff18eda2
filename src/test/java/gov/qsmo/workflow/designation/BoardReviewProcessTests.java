package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.designation.condition.DesignationCondition;
import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TASK_CONSOLIDATE_RECOMMENDATION;
import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TASK_DECIDE_DESIGNATION;
import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TASK_EXTEND_OR_ESCALATE_REVIEW;
import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TASK_REVIEW_PLAN;
import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TIMER_REVIEW_WINDOW_CLOSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import gov.qsmo.workflow.ProcessEngineTest;
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

/**
 * The board's review of a complete plan, one path each: recusal, every member voting, the window
 * closing with and without quorum, the chair extending or escalating, and refused votes.
 * The board here: four members from GSA, DHS, Treasury and HHS (HHS's plan recuses the HHS member).
 */
@ProcessEngineTest
class BoardReviewProcessTests {

  static final String GSA = "test.board.gsa";
  static final String DHS = "test.board.dhs";
  static final String TREAS = "test.board.treas";
  static final String HHS = "test.board.hhs";

  @Autowired
  ProcessEngine engine;
  @Autowired
  gov.qsmo.workflow.calendar.BusinessCalendar calendar;
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
  DesignationService designations;
  @Autowired
  BoardReviewService boardReview;
  @Autowired
  RedesignationService redesignation;
  @Autowired
  gov.qsmo.workflow.designation.assessment.AssessmentService assessments;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    identitySetup.ensureUser(GSA, "Test", "GSA", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("GSA"));
    identitySetup.ensureUser(DHS, "Test", "DHS", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("DHS"));
    identitySetup.ensureUser(TREAS, "Test", "Treasury", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("TREAS"));
    identitySetup.ensureUser(HHS, "Test", "HHS", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("HHS"));
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void membersOfTheCandidateAgencyAreRecusedAndEveryOtherMemberGetsAReviewTask() {
    ProcessInstance instance = underReview("HHS");

    assertThat(instance).isWaitingAt(TASK_REVIEW_PLAN);
    assertThat(reviewTasks(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder(GSA, DHS, TREAS);
    BoardRound round = boardReview.rounds(instance.getBusinessKey()).get(0);
    assertThat(round.recusals()).singleElement().satisfies(recusal -> {
      assertThat(recusal.memberId()).isEqualTo(HHS);
      assertThat(recusal.recusalReason()).contains("candidate agency (HHS)");
    });
    assertThat(designations.require(instance.getBusinessKey()).getStatus())
        .isEqualTo(DesignationStatus.UNDER_BOARD_REVIEW);
    assertThat(designations.history(instance.getBusinessKey())).last()
        .satisfies(event -> assertThat(event.getReason()).contains("3 members vote, 1 recused (Test HHS, " + HHS + ")"));
    // The reviewer reads the plan in the form.
    assertThat(taskService.getVariablesLocal(reviewTasks(instance).get(0).getId()))
        .containsEntry("planGovernance", "Customer council.");
    assertThatThrownBy(() -> boardReview.recordVote(instance.getBusinessKey(), HHS, BoardRecommendation.ENDORSE,
        null, null, Map.of()))
        .isInstanceOf(ConflictException.class).hasMessageContaining("recused");
  }

  @Test
  void whenEveryMemberHasVotedTheVotingRuleGivesTheBoardsRecommendation() {
    ProcessInstance instance = underReview("HHS");

    vote(instance, GSA, "ENDORSE", null);
    vote(instance, DHS, "ENDORSE_WITH_CONDITIONS", "Publish service-level data quarterly.");
    vote(instance, TREAS, "ENDORSE_WITH_CONDITIONS", "Migrate two legacy providers within a year.");
    runAsyncContinuations(instance);

    assertThat(instance).hasPassed(DesignationProcess.Elements.TASK_CLOSE_REVIEW_ROUND,
        DesignationProcess.Elements.BUSINESS_RULE_APPLY_VOTING_RULE).isWaitingAt(TASK_CONSOLIDATE_RECOMMENDATION);
    assertThat(historicVariable(instance, "boardRecommendation")).isEqualTo("ENDORSE_WITH_CONDITIONS");
    assertThat(historicVariable(instance, "voteCount")).isEqualTo(3);
    BoardRound round = boardReview.rounds(instance.getBusinessKey()).get(0);
    assertThat(round.isOpen()).isFalse();
    assertThat(boardReview.votes(round)).extracting(BoardVote::getMemberId).containsExactlyInAnyOrder(GSA, DHS, TREAS);
    assertThat(boardReview.votes(round)).filteredOn(v -> v.getMemberId().equals(DHS)).singleElement()
        .satisfies(v -> assertThat(v.getSectionComments()).containsEntry("governance", "Comment from " + DHS));
  }

  @Test
  void theReviewWindowClosesTheRoundAndAQuorumProceedsWithTheVotesReceived() {
    ProcessInstance instance = underReview("HHS");
    vote(instance, GSA, "RETURN_FOR_REVISION", null);
    vote(instance, DHS, "NOT_ENDORSE", null);
    runAsyncContinuations(instance);

    execute(timer(instance));

    assertThat(instance).isWaitingAt(TASK_CONSOLIDATE_RECOMMENDATION);
    assertThat(historicVariable(instance, "boardRecommendation")).isEqualTo("RETURN_FOR_REVISION");
    assertThat(reviewTasks(instance)).as("the open review of the member who did not vote").isEmpty();
  }

  @Test
  void withoutQuorumTheChairExtendsTheRoundForTheMembersWhoHaveNotVoted() {
    ProcessInstance instance = underReview("HHS");
    vote(instance, GSA, "ENDORSE", null);
    runAsyncContinuations(instance);

    execute(timer(instance));

    assertThat(instance).isWaitingAt(TASK_EXTEND_OR_ESCALATE_REVIEW);
    assertThat(task(instance)).hasCandidateGroup(Roles.SSGB_CHAIRS);
    assertThat(historicVariable(instance, "boardRecommendation")).isEqualTo("NO_QUORUM");
    Task chair = task(instance);
    assertThatThrownBy(() -> taskService.complete(chair.getId(),
        Map.of("reviewAction", "EXTEND", "newReviewClosesOn", "2001-01-01")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("must close in the future");

    complete(chair, withVariables("reviewAction", "EXTEND",
        "newReviewClosesOn", gov.qsmo.workflow.calendar.TestDates.businessDay(LocalDate.now().plusDays(7)).toString()));

    assertThat(instance).isWaitingAt(TASK_REVIEW_PLAN);
    assertThat(reviewTasks(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder(DHS, TREAS);
    vote(instance, DHS, "ENDORSE", null);
    vote(instance, TREAS, "ENDORSE", null);
    runAsyncContinuations(instance);
    assertThat(instance).isWaitingAt(TASK_CONSOLIDATE_RECOMMENDATION);
    assertThat(historicVariable(instance, "boardRecommendation")).isEqualTo("ENDORSE");
    assertThat(boardReview.votes(boardReview.rounds(instance.getBusinessKey()).get(0))).hasSize(3);
  }

  @Test
  void withoutQuorumTheChairEscalatesToOmbWithAReason() {
    ProcessInstance instance = underReview("HHS");
    execute(timer(instance));
    Task chair = task(instance);

    assertThatThrownBy(() -> taskService.complete(chair.getId(), Map.of("reviewAction", "ESCALATE")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reason for escalating");
    complete(chair, withVariables("reviewAction", "ESCALATE", "reviewActionReason", "Board could not meet."));

    assertThat(instance).isWaitingAt(TASK_DECIDE_DESIGNATION);
    assertThat(task(instance)).hasCandidateGroup(Roles.OMB_DECIDERS);
    assertThat(taskService.getVariableLocal(task(instance).getId(), "boardRecommendationView").toString())
        .contains("No board recommendation");
    assertThat(taskService.getVariableLocal(task(instance).getId(), "tally").toString())
        .contains("{\"outcome\":\"Recused\",\"members\":1,\"who\":\"Test HHS (HHS)\"}")
        .contains("{\"outcome\":\"Not voted\",\"members\":3,");
    assertThat(designations.require(instance.getBusinessKey()).getStatus())
        .isEqualTo(DesignationStatus.AWAITING_OMB_DECISION);
    assertThat(designations.history(instance.getBusinessKey())).last()
        .satisfies(event -> assertThat(event.getAction()).isEqualTo("BOARD_REVIEW_ESCALATED"));
  }

  @Test
  void aVoteIsRefusedWithoutConditionsOrWhenCastForSomeoneElse() {
    ProcessInstance instance = underReview("HHS");
    Task gsaTask = reviewTasks(instance).stream().filter(t -> t.getAssignee().equals(GSA)).findFirst().orElseThrow();

    assertThatThrownBy(() -> taskService.complete(gsaTask.getId(), Map.of("recommendation", "ENDORSE_WITH_CONDITIONS")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("conditions");
    // Another member has no right to the task at all; an administrator has, but may not vote for a member.
    identityService.setAuthentication(DHS, List.of(Roles.SSGB_MEMBERS));
    assertThatThrownBy(() -> taskService.complete(gsaTask.getId(), Map.of("recommendation", "ENDORSE")))
        .isInstanceOf(AuthorizationException.class);
    identityService.setAuthentication("test.admin", List.of(Roles.CAMUNDA_ADMIN));
    assertThatThrownBy(() -> taskService.complete(gsaTask.getId(), Map.of("recommendation", "ENDORSE")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("belongs to " + GSA);
    identityService.clearAuthentication();

    assertThat(boardReview.votes(boardReview.rounds(instance.getBusinessKey()).get(0))).isEmpty();
    assertThat(reviewTasks(instance)).hasSize(3);
  }

  @Test
  void theChairConsolidatesAnEndorsementWithConditionsAndOmbDesignates() {
    ProcessInstance instance = underReview("HHS");
    vote(instance, GSA, "ENDORSE", null);
    vote(instance, DHS, "ENDORSE_WITH_CONDITIONS", "Publish service-level data quarterly.");
    vote(instance, TREAS, "ENDORSE", null);
    runAsyncContinuations(instance);
    Task consolidate = task(instance);
    assertThat(consolidate).hasCandidateGroup(Roles.SSGB_CHAIRS);
    assertThat(taskService.getVariableLocal(consolidate.getId(), "votes").toString())
        .contains("{\"member\":\"Test DHS (DHS / CISA), ")
        .contains("\"recommendation\":\"Endorse with conditions; conditions: Publish service-level data quarterly.\"")
        .contains("Publish service-level data quarterly.").doesNotContain("\"member\":\"" + DHS);
    assertThat(taskService.getVariableLocal(consolidate.getId(), "proposedRecommendationText"))
        .isIn("Endorse", "Endorse with conditions");
    assertThat(taskService.getVariableLocal(consolidate.getId(), "designationStatus"))
        .isEqualTo("Under board review");

    assertThatThrownBy(() -> taskService.complete(consolidate.getId(),
        Map.of("boardDecision", "ENDORSE_WITH_CONDITIONS", "boardConditions", "  ")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("one per line");
    complete(consolidate, withVariables("boardDecision", "ENDORSE_WITH_CONDITIONS",
        "boardConditions", "Publish service-level data quarterly.\nMigrate two legacy providers by 2028.",
        "consolidatedComments", "Strong plan; data transparency is the board's concern."));

    assertThat(instance).isWaitingAt(TASK_DECIDE_DESIGNATION);
    assertThat(boardReview.openConditions(instance.getBusinessKey())).extracting(DesignationCondition::getText)
        .containsExactly("Publish service-level data quarterly.", "Migrate two legacy providers by 2028.");
    assertThat(taskService.getVariableLocal(task(instance).getId(), "boardRecommendationView").toString())
        .contains("**Endorse with conditions**, round 1").contains("data transparency is the board's concern.");
    assertThat(taskService.getVariableLocal(task(instance).getId(), "openConditions").toString())
        .contains("{\"condition\":\"Migrate two legacy providers by 2028.\",\"recorded\":\"Round 1\"}");
    assertThat(taskService.getVariableLocal(task(instance).getId(), "tally").toString())
        .contains("{\"outcome\":\"Endorse\",\"members\":2,\"who\":\"Test GSA (GSA); Test Treasury (Treasury)\"}");
    assertThat(taskService.getVariableLocal(task(instance).getId(), "planSummaryText").toString())
        .startsWith("Plan version 1, submitted by ");
    Task decide = task(instance);
    assertThatThrownBy(() -> taskService.complete(decide.getId(), Map.of("designationDecision", "DESIGNATE",
        "effectiveDate", LocalDate.now().plusDays(30).toString())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("scope of the designation");

    LocalDate effective = LocalDate.now().plusDays(30);
    complete(decide, withVariables("designationDecision", "DESIGNATE", "designationScope",
        "Grants management solutions for grant-making agencies.", "effectiveDate", effective.toString(),
        "designationConditions", "Report customer satisfaction to OMB twice a year."));

    assertThat(instance).isEnded().hasPassed(DesignationProcess.Elements.END_QSMO_DESIGNATED);
    // The board's two conditions and OMB's are now followed, each by a process of its own, owned by the directors.
    List<DesignationCondition> followed = boardReview.openConditions(instance.getBusinessKey());
    assertThat(followed).extracting(DesignationCondition::getText).containsExactly(
        "Publish service-level data quarterly.", "Migrate two legacy providers by 2028.",
        "Report customer satisfaction to OMB twice a year.");
    assertThat(followed).allSatisfy(condition -> {
      assertThat(condition.getOwnerGroup()).isEqualTo(Roles.directorsOf("HHS"));
      assertThat(condition.getDueDate()).isEqualTo(calendar.onOrAfter(effective.plusDays(90)));
      assertThat(taskService.createTaskQuery().processInstanceId(condition.getProcessInstanceId())
          .taskDefinitionKey(gov.qsmo.workflow.designation.condition.ConditionProcess.Elements.TASK_REPORT_PROGRESS)
          .taskCandidateGroup(Roles.directorsOf("HHS")).count()).isEqualTo(1);
    });
    Designation designated = designations.require(instance.getBusinessKey());
    assertThat(designated.getStatus()).isEqualTo(DesignationStatus.DESIGNATED);
    assertThat(designated.getEffectiveDate()).isEqualTo(effective);
    assertThat(designated.getDesignatedScope()).isEqualTo("Grants management solutions for grant-making agencies.");
    assertThat(designated.getDesignatedPlanVersion()).isEqualTo(1);
    // Its marketplace starts with the plan's offerings, planned.
    assertThat(jdbc.queryForList("select status || ' ' || source || ' ' || provider_type from qsmo.marketplace_offering "
        + "where designation_id = ?", String.class, designated.getId()))
        .isNotEmpty().containsOnly("PLANNED PLAN FEDERAL");
  }

  @Test
  void aPlanReturnedForRevisionGoesBackToTheDirectorAndARoundLimitSendsItToOmbAsNotEndorsed() {
    ProcessInstance instance = underReview("HHS");
    for (int round = 1; round <= 3; round++) {
      vote(instance, GSA, "RETURN_FOR_REVISION", null);
      vote(instance, DHS, "RETURN_FOR_REVISION", null);
      vote(instance, TREAS, "NOT_ENDORSE", null);
      runAsyncContinuations(instance);
      Task consolidate = task(instance);
      if (round == 1) {
        assertThatThrownBy(() -> taskService.complete(consolidate.getId(),
            Map.of("boardDecision", "RETURN_FOR_REVISION")))
            .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("what to revise");
      }
      complete(consolidate, withVariables("boardDecision", "RETURN_FOR_REVISION",
          "consolidatedComments", "Round " + round + ": strengthen the acquisition strategy."));
      if (round < 3) {
        assertThat(instance).isWaitingAt(DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN);
        Task revise = task(instance);
        assertThat(taskService.getVariableLocal(revise.getId(), "boardComments"))
            .isEqualTo("Round " + round + ": strengthen the acquisition strategy.");
        complete(revise, withVariables("acquisitionStrategy", "Revision " + round + " of the strategy."));
        runAsyncContinuations(instance);
        assertThat(boardReview.rounds(instance.getBusinessKey())).hasSize(round + 1);
        assertThat(boardReview.lastRound(instance.getBusinessKey()).getPlanVersionNumber()).isEqualTo(round + 1);
      }
    }

    assertThat(instance).isWaitingAt(TASK_DECIDE_DESIGNATION);
    assertThat(boardReview.lastRound(instance.getBusinessKey()).getRecommendation())
        .isEqualTo(BoardRecommendation.NOT_ENDORSE);
    assertThat(taskService.getVariableLocal(task(instance).getId(), "boardRecommendationView").toString())
        .contains("Do not endorse").contains("at most 3");
  }

  @Test
  void ombDefersTheDecisionAndDesignatesWhenItComesBack() {
    ProcessInstance instance = escalatedToOmb();
    Task decide = task(instance);
    LocalDate until = gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(2));

    assertThatThrownBy(() -> taskService.complete(decide.getId(),
        Map.of("designationDecision", "DEFER", "deferredUntil", until.toString())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reason for deferring");
    complete(decide, withVariables("designationDecision", "DEFER", "deferredUntil", until.toString(),
        "decisionRationale", "Waiting for the FY budget."));

    assertThat(instance).isWaitingAt(DesignationProcess.Elements.TIMER_DEFERRAL_ENDED);
    Job deferral = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(deferral.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate())
        .isEqualTo(until);
    execute(deferral);

    assertThat(instance).isWaitingAt(TASK_DECIDE_DESIGNATION);
    complete(task(instance), withVariables("designationDecision", "DESIGNATE", "designationScope", "Grants.",
        "effectiveDate", LocalDate.now().toString()));
    assertThat(instance).isEnded().hasPassed(DesignationProcess.Elements.END_QSMO_DESIGNATED);
    assertThat(designations.history(instance.getBusinessKey())).extracting(DesignationEvent::getAction)
        .contains("DESIGNATION_DEFERRED", "DESIGNATED");
  }

  @Test
  void ombDeclinesTheDesignationWithARationale() {
    ProcessInstance instance = escalatedToOmb();
    Task decide = task(instance);

    assertThatThrownBy(() -> taskService.complete(decide.getId(), Map.of("designationDecision", "DECLINE")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reason for declining");
    complete(decide, withVariables("designationDecision", "DECLINE", "decisionRationale", "No customer demand."));

    assertThat(instance).isEnded().hasPassed(DesignationProcess.Elements.END_DESIGNATION_DECLINED);
    assertThat(designations.require(instance.getBusinessKey()).getStatus())
        .isEqualTo(DesignationStatus.NOT_DESIGNATED);
  }

  @Test
  void aRedesignationRunsTheSuccessorThroughPlanAndBoardAndSupersedesTheOldDesignation() {
    // DSG-2020-0001: the cybersecurity designation of DHS, on record since 2020, its annual assessment scheduled.
    assessments.scheduleNext("DSG-2020-0001", "test");
    assertThat(assessments.of("DSG-2020-0001", 0, 20)).extracting(a -> a.getStatus())
        .contains(gov.qsmo.workflow.designation.assessment.Assessment.Status.SCHEDULED);
    Designation successor = redesignation.order("DSG-2020-0001", "GSA", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(2)),
        "Consolidate cybersecurity services with the acquisition marketplace.", "test.decider");
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(successor.getId()).singleResult();

    assertThat(instance).hasPassed(DesignationProcess.Elements.START_REDESIGNATION_ORDERED)
        .isWaitingAt(DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN);
    assertThat(task(instance)).hasCandidateGroup(Roles.directorsOf("GSA"));
    assertThat(successor.getSupersedesId()).isEqualTo("DSG-2020-0001");
    assertThatThrownBy(() -> redesignation.order("DSG-2020-0001", "OPM", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(2)), "Again.",
        "test.decider")).isInstanceOf(ConflictException.class).hasMessageContaining("already under way");

    complete(task(instance), PlanBuilder.complete()
        .offerings("Security operations center | federal | CISA | Interagency agreement").build());
    runAsyncContinuations(instance);
    assertThat(reviewTasks(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder(DHS, TREAS, HHS);
    vote(instance, DHS, "ENDORSE", null);
    vote(instance, TREAS, "ENDORSE", null);
    vote(instance, HHS, "ENDORSE", null);
    runAsyncContinuations(instance);
    complete(task(instance), withVariables("boardDecision", "ENDORSE"));
    complete(task(instance), withVariables("designationDecision", "DESIGNATE", "designationScope",
        "Cybersecurity services.", "effectiveDate", LocalDate.now().toString()));

    assertThat(instance).isEnded().hasPassed(DesignationProcess.Elements.END_QSMO_DESIGNATED);
    Designation old = designations.require("DSG-2020-0001");
    assertThat(old.getStatus()).isEqualTo(DesignationStatus.SUPERSEDED);
    assertThat(old.getSupersededById()).isEqualTo(successor.getId());
    assertThat(designations.require(successor.getId()).getStatus()).isEqualTo(DesignationStatus.DESIGNATED);
    assertThat(designations.history("DSG-2020-0001")).extracting(DesignationEvent::getAction)
        .containsSubsequence("DESIGNATED", "REDESIGNATION_ORDERED", "SUPERSEDED");
    // The superseded QSMO is no longer assessed: its waiting assessment ended with the successor's designation.
    assertThat(assessments.of("DSG-2020-0001", 0, 20)).extracting(a -> a.getStatus())
        .doesNotContain(gov.qsmo.workflow.designation.assessment.Assessment.Status.SCHEDULED)
        .contains(gov.qsmo.workflow.designation.assessment.Assessment.Status.CANCELLED);
    assertThatThrownBy(() -> redesignation.order("DSG-2020-0001", "OPM", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(2)), "Again.",
        "test.decider")).isInstanceOf(ConflictException.class).hasMessageContaining("SUPERSEDED");
    // The move is followed: the successor's directors report its milestones.
    Task milestones = taskService.createTaskQuery().processInstanceBusinessKey(successor.getId())
        .taskDefinitionKey(gov.qsmo.workflow.designation.change.TransitionProcess.Elements.TASK_REPORT_MILESTONES)
        .singleResult();
    assertThat(milestones).hasCandidateGroup(Roles.directorsOf("GSA"));
    assertThat(designations.history("DSG-2020-0001")).extracting(DesignationEvent::getAction)
        .endsWith("TRANSITION_STARTED");
  }

  @Test
  void reviewTasksAreDueWhenTheWindowClosesTenBusinessDaysOn() {
    ProcessInstance instance = underReview("HHS");
    java.time.Instant closesAt = boardReview.lastRound(instance.getBusinessKey()).getClosesAt();
    assertThat(closesAt).isEqualTo(calendar.endOf(calendar.addBusinessDays(calendar.today(), 10)));
    assertThat(reviewTasks(instance)).isNotEmpty().allSatisfy(review -> {
      assertThat(review.getDueDate().toInstant()).isEqualTo(closesAt);
      assertThat(review.getFollowUpDate().toInstant()).isEqualTo(calendar.reminderBefore(closesAt));
    });
    Job window = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(window.getDuedate().toInstant()).isEqualTo(closesAt);
  }

  @Test
  void aReturnedPlanGetsAFreshDueDateSoItIsNotOverdueOnArrival() {
    ProcessInstance instance = underReview("HHS");
    vote(instance, GSA, "RETURN_FOR_REVISION", null);
    vote(instance, DHS, "RETURN_FOR_REVISION", null);
    vote(instance, TREAS, "RETURN_FOR_REVISION", null);
    runAsyncContinuations(instance);
    // The original due date (three months out) is moved back to a week from now, as if time had passed.
    LocalDate close = LocalDate.now().plusDays(7);
    jdbc.update("update qsmo.designation set plan_due_date = ? where id = ?", java.sql.Date.valueOf(close),
        instance.getBusinessKey());
    runtimeService.setVariable(instance.getId(), "planDueDate", close.toString());
    runtimeService.setVariable(instance.getId(), "planReminderAt",
        designations.reminderAt(designations.require(instance.getBusinessKey())).toString());

    complete(task(instance), withVariables("boardDecision", "RETURN_FOR_REVISION",
        "consolidatedComments", "Rework the strategy."));

    assertThat(instance).isWaitingAt(DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN);
    LocalDate revisedDue = designations.require(instance.getBusinessKey()).getPlanDueDate();
    // Twenty business days (qsmo.calendar.periods.plan-revision) from today.
    assertThat(revisedDue).isEqualTo(calendar.addBusinessDays(LocalDate.now(), 20));
    assertThat(calendar.isBusinessDay(revisedDue)).isTrue();
    Job overdue = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(DesignationProcess.Elements.TIMER_PLAN_OVERDUE).singleResult();
    assertThat(overdue.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate())
        .isEqualTo(revisedDue);

    // If the revision is late after all, OMB can still extend: the filled-in text does not block it.
    execute(overdue);
    complete(task(instance), withVariables("overdueResolution", "EXTEND",
        "newPlanDueDate",
        gov.qsmo.workflow.calendar.TestDates.businessDay(revisedDue.plusDays(30)).toString()));
    assertThat(instance).isWaitingAt(DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN);
  }

  @Test
  void aChairFromTheCandidateAgencyMayNotConsolidateAndNoMemberVotesTwice() {
    identitySetup.ensureUser("test.chair.hhs", "Test", "Chair HHS", "pw", Roles.SSGB_CHAIRS,
        Roles.agencyGroup("HHS"));
    ProcessInstance instance = underReview("HHS");
    vote(instance, GSA, "ENDORSE", null);
    assertThatThrownBy(() -> boardReview.recordVote(instance.getBusinessKey(), GSA, BoardRecommendation.NOT_ENDORSE,
        null, null, Map.of())).isInstanceOf(ConflictException.class).hasMessageContaining("already voted");
    vote(instance, DHS, "ENDORSE", null);
    vote(instance, TREAS, "ENDORSE", null);
    runAsyncContinuations(instance);
    Task consolidate = task(instance);

    identityService.setAuthentication("test.chair.hhs", List.of(Roles.SSGB_CHAIRS));
    assertThatThrownBy(() -> taskService.complete(consolidate.getId(), Map.of("boardDecision", "ENDORSE")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("is recused");
    identityService.clearAuthentication();
    assertThat(instance).isWaitingAt(TASK_CONSOLIDATE_RECOMMENDATION);
  }

  private ProcessInstance escalatedToOmb() {
    ProcessInstance instance = underReview("HHS");
    execute(timer(instance));
    complete(task(instance), withVariables("reviewAction", "ESCALATE", "reviewActionReason", "No quorum."));
    return instance;
  }

  /** A designation of this agency whose complete plan has just gone to the board. */
  private ProcessInstance underReview(String agency) {
    identityService.setAuthentication("test.analyst", List.of(Roles.OMB_ANALYSTS));
    ProcessInstance instance;
    try {
      instance = runtimeService.startProcessInstanceByKey(DesignationProcess.KEY, Map.of(
          "functionalAreaCode", "GRANTS", "agencyCode", agency, "scope", "Grants management.",
          "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString()));
    } finally {
      identityService.clearAuthentication();
    }
    complete(task(instance), withVariables("decision", "PRE_DESIGNATE"));
    complete(task(instance), PlanBuilder.complete().offerings(DesignationProcessTests.OFFERING).build());
    runAsyncContinuations(instance);
    return instance;
  }

  private void vote(ProcessInstance instance, String member, String recommendation, String conditions) {
    Task review = reviewTasks(instance).stream().filter(t -> member.equals(t.getAssignee())).findFirst()
        .orElseThrow(() -> new AssertionError("no review task for " + member));
    Map<String, Object> values = new HashMap<>();
    values.put("recommendation", recommendation);
    values.put("governanceComment", "Comment from " + member);
    if (conditions != null) {
      values.put("proposedConditions", conditions);
    }
    identityService.setAuthentication(member, List.of(Roles.SSGB_MEMBERS));
    try {
      taskService.complete(review.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<Task> reviewTasks(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_REVIEW_PLAN)
        .list();
  }

  /** Runs the due asynchronous continuations (round opening, each review's async-after), as the job executor would. */
  private void runAsyncContinuations(ProcessInstance instance) {
    List<Job> due;
    while (!(due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list())
        .isEmpty()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private Job timer(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(TIMER_REVIEW_WINDOW_CLOSED).singleResult();
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
