package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_APPROVE_PLAN;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_APPROVE_REPORT;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_CONFIRM_SCREENING;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_FORM_PANEL;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_HOLD_CONSENSUS;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_REASSIGN_REVIEWERS;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_RESOLVE_MISSING_SCORES;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_REVISE_PLAN;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_SCORE_RESPONSE;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_SIGN_ATTESTATION;
import static gov.qsmo.workflow.rfi.RfiScenario.CHAIR;
import static gov.qsmo.workflow.rfi.RfiScenario.DIRECTOR;
import static gov.qsmo.workflow.rfi.RfiScenario.OFFICER;
import static gov.qsmo.workflow.rfi.RfiScenario.REVIEWERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.PanelMember;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.rfi.plan.PlanDraft;
import gov.qsmo.workflow.rfi.plan.RfiPlanService;
import gov.qsmo.workflow.rfi.report.RfiReportService;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import gov.qsmo.workflow.rfi.results.CriterionResult;
import gov.qsmo.workflow.rfi.results.RfiResultsService;
import gov.qsmo.workflow.rfi.scoring.RemindReviewersDelegate;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import gov.qsmo.workflow.rfi.scoring.ScoreSheet;
import gov.qsmo.workflow.shared.ConflictException;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The rfi-evaluation process, one path each: plan approved and returned, late responses refused and
 * accepted, screening overridden, a conflict with recusal and reassignment, the scoring deadline, an
 * outlier whose consensus needs a rationale, and the report approved and returned.
 */
@ProcessEngineTest
@Import(RfiScenario.class)
class RfiEvaluationProcessTests {

  @Autowired
  gov.qsmo.workflow.calendar.BusinessCalendar calendar;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RfiScenario scenario;
  @Autowired
  gov.qsmo.workflow.notification.DeadlineWatch deadlineWatch;
  @Autowired
  gov.qsmo.workflow.rfi.panel.PanelChangeService changes;
  @Autowired
  gov.qsmo.workflow.process.OfficeTime officeTime;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  RfiPlanService plans;
  @Autowired
  RfiPanelService panel;
  @Autowired
  RfiScoringService scoring;
  @Autowired
  RfiResultsService results;
  @Autowired
  gov.qsmo.workflow.process.People people;
  @Autowired
  RfiReportService reports;
  @Autowired
  RfiService records;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired
  org.camunda.bpm.engine.FilterService filterService;

  @BeforeEach
  void setUp() {
    init(engine);
    scenario.ensureUsers();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  /**
   * Nothing stalls unseen: an overdue screening is the issuing agency's directors' to resolve, an overdue
   * attestation the panel chair's (who can replace the member); each told once, with the task's owner.
   */
  @Test
  void overdueStepsAreToldToWhoeverCanUnblockThem() {
    ProcessInstance instance = scenario.open(false);
    scenario.respond(instance, "Acme", 3);
    scenario.close(instance);
    Task screening = scenario.tasks(instance, TASK_CONFIRM_SCREENING).get(0);
    makeOverdue(screening);
    deadlineWatch.watch();
    deadlineWatch.watch();
    assertThat(overdueNotices(screening, DIRECTOR)).as("the issuing agency's director").isEqualTo(1);
    assertThat(overdueNotices(screening, OFFICER)).as("the contracting officer who owns it").isEqualTo(1);

    scenario.complete(instance, TASK_CONFIRM_SCREENING, OFFICER, Map.of("screeningDecision", "CONFIRM"));
    scenario.complete(instance, TASK_FORM_PANEL, CHAIR, Map.of("reviewers", String.join("\n", REVIEWERS.subList(0, 3))));
    Task attestation = scenario.tasks(instance, TASK_SIGN_ATTESTATION).get(0);
    makeOverdue(attestation);
    deadlineWatch.watch();
    assertThat(overdueNotices(attestation, attestation.getAssignee())).isEqualTo(1);
    assertThat(overdueNotices(attestation, CHAIR)).as("the panel chair").isEqualTo(1);
    assertThat(overdueNotices(attestation, DIRECTOR)).isZero();
  }

  /**
   * The chair replaces a member who has not signed, with a reason: the attestation task goes to the new
   * member, who signs; the member replaced is off the panel and gets no scoring task. Only the chair may, and
   * a member who has signed is not replaced.
   */
  @Test
  void theChairReplacesAMemberWhoHasNotSigned() {
    ProcessInstance instance = scenario.withPanel(REVIEWERS.subList(0, 3), null, "Acme");
    String rfiId = instance.getBusinessKey();
    Caller chair = new Caller(CHAIR, java.util.Set.of(gov.qsmo.workflow.identity.Roles.RFI_PANEL_CHAIRS));
    Task signed = scenario.task(instance, TASK_SIGN_ATTESTATION, REVIEWERS.get(1));
    scenario.as(REVIEWERS.get(1), () -> {
      taskService.complete(signed.getId(), Map.of("attest", true));
      return null;
    });

    assertThatThrownBy(() -> changes.replaceUnsignedMember(rfiId, REVIEWERS.get(0), REVIEWERS.get(3), "Ill.",
        new Caller(DIRECTOR, java.util.Set.of()))).isInstanceOf(gov.qsmo.workflow.shared.ForbiddenException.class);
    assertThatThrownBy(() -> changes.replaceUnsignedMember(rfiId, REVIEWERS.get(0), REVIEWERS.get(3), " ", chair))
        .isInstanceOf(gov.qsmo.workflow.shared.InvalidRequestException.class).hasMessageContaining("reason");
    assertThatThrownBy(() -> changes.replaceUnsignedMember(rfiId, REVIEWERS.get(1), REVIEWERS.get(3), "Ill.", chair))
        .isInstanceOf(ConflictException.class).hasMessageContaining("signed");
    assertThat(panel.member(rfiId, REVIEWERS.get(0))).as("nothing changed by the refusals").isNotNull();

    changes.replaceUnsignedMember(rfiId, REVIEWERS.get(0), REVIEWERS.get(3), "On leave until June.", chair);

    assertThat(panel.member(rfiId, REVIEWERS.get(0))).isNull();
    assertThat(scenario.tasks(instance, TASK_SIGN_ATTESTATION)).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder(CHAIR, REVIEWERS.get(2), REVIEWERS.get(3));
    assertThat(records.history(rfiId)).anySatisfy(e -> assertThat(e.action + " " + e.detail)
        .contains("PANEL_MEMBER_REPLACED").contains(REVIEWERS.get(3)).contains("On leave until June."));
    scenario.attestAll(instance, Map.of());
    assertThat(panel.member(rfiId, REVIEWERS.get(3)).attested()).isTrue();
    assertThat(scenario.tasks(instance, TASK_SCORE_RESPONSE)).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder(REVIEWERS.get(1), REVIEWERS.get(2), REVIEWERS.get(3));
  }

  /**
   * A response's texts (header, answers, criteria) are written once in the response's scoring instance, not into
   * each reviewer's task: every reviewer's form reads them, and a completion deletes none of them.
   */
  @Test
  void aResponsesTextsAreWrittenOnceForAllItsReviewers() {
    ProcessInstance instance = scenario.withPanel(REVIEWERS.subList(0, 3), null, "Acme");
    scenario.attestAll(instance, Map.of());
    List<Task> tasks = scenario.tasks(instance, TASK_SCORE_RESPONSE);
    assertThat(tasks).hasSize(3);
    String scoringInstance = tasks.get(0).getProcessInstanceId();
    assertThat(tasks).extracting(Task::getProcessInstanceId).containsOnly(scoringInstance);
    assertThat(runtimeService.getVariablesLocal(scoringInstance)).containsKeys("responseHeader", "topic1Text",
        "criterion1Title", "ratingLevels", "rfiTitle");
    for (Task task : tasks) {
      assertThat(taskService.getVariablesLocal(task.getId())).doesNotContainKeys("responseHeader", "topic1Text",
          "criterion1Title", "ratingLevels", "rfiTitle");
      assertThat(String.valueOf(taskService.getVariable(task.getId(), "responseHeader"))).contains("Acme");
      assertThat(String.valueOf(taskService.getVariable(task.getId(), "criterion1Title"))).startsWith("1. ");
    }
    // One row per text in the instance (and in its history), not one per reviewer.
    assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where name_ = 'responseHeader' "
        + "and proc_inst_id_ = ?", Long.class, scoringInstance)).isEqualTo(1L);
  }

  /**
   * Before the deadline the chair moves a reviewer's open assignment to another reviewer, with a reason: the
   * open scoring task goes with it, the new reviewer scores it, the first can no longer open it.
   */
  @Test
  void theChairMovesOpenAssignmentsBeforeTheDeadline() {
    ProcessInstance instance = scenario.withPanel(REVIEWERS.subList(0, 3), 1, "Acme");
    String rfiId = instance.getBusinessKey();
    scenario.attestAll(instance, Map.of());
    Task scoring = scenario.tasks(instance, TASK_SCORE_RESPONSE).get(0);
    String first = scoring.getAssignee();
    // The form gives times in the office's time zone, in words.
    java.time.Instant received = responsesService.eligible(rfiId).get(0).receivedAt;
    assertThat(String.valueOf(taskService.getVariable(scoring.getId(), "responseHeader")))
        .contains("Received " + officeTime.dateTime(received)).containsPattern("Received \\w{3} \\d+, \\d{4}, .* E[SD]T");
    String second = REVIEWERS.subList(0, 3).stream().filter(r -> !r.equals(first)).findFirst().orElseThrow();
    Caller chair = new Caller(CHAIR, java.util.Set.of(gov.qsmo.workflow.identity.Roles.RFI_PANEL_CHAIRS));

    assertThatThrownBy(() -> changes.moveAssignments(rfiId, first, first, null, "Ill.", chair))
        .isInstanceOf(gov.qsmo.workflow.shared.InvalidRequestException.class).hasMessageContaining("another reviewer");
    assertThatThrownBy(() -> changes.moveAssignments(rfiId, first, second, List.of("RSP-0000-0000"), "Ill.", chair))
        .isInstanceOf(gov.qsmo.workflow.shared.InvalidRequestException.class).hasMessageContaining("RSP-0000-0000");
    List<Assignment> moved = changes.moveAssignments(rfiId, first, second, null, "Conflict found late.", chair);

    assertThat(moved).extracting(a -> a.reviewerId).containsExactly(second);
    Task task = taskService.createTaskQuery().taskId(scoring.getId()).singleResult();
    assertThat(task.getAssignee()).isEqualTo(second);
    assertThat(panel.assignments(rfiId)).filteredOn(a -> a.reviewerId.equals(first))
        .extracting(a -> a.status).containsExactly(Assignment.Status.REASSIGNED);
    assertThatThrownBy(() -> scenario.as(first, () -> {
      taskService.complete(task.getId(), RfiScenario.scores(4, 4, 4));
      return null;
    })).as("the first reviewer lost the task").isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    scenario.score(task, 4, 3, 5);
    scenario.runJobs(instance);
    assertThat(panel.assignments(rfiId)).filteredOn(a -> a.reviewerId.equals(second))
        .extracting(a -> a.status).containsExactly(Assignment.Status.SCORED);
    assertThat(records.history(rfiId)).anySatisfy(e -> assertThat(e.action + " " + e.detail)
        .contains("ASSIGNMENTS_MOVED").contains("Conflict found late."));
    // The sender writes the messages of an assignment right after the step's commit.
    org.awaitility.Awaitility.await("the assignment's messages written").atMost(java.time.Duration.ofSeconds(30))
        .until(() -> jdbc.queryForObject("select count(*) from qsmo.notification_task_event where task_id = ?",
            Integer.class, task.getId()) == 0);
    // Alone, or listed with other tasks assigned to them for this RFI at the same moment (ADR 0035).
    assertThat(jdbc.queryForObject("select count(*) from qsmo.notification_message where (task_id = ? "
        + "or body_text like ?) and kind = 'TASK_ASSIGNED' and recipient_user_id = ?", Integer.class, task.getId(),
        "%?task=" + task.getId() + "\n%", second)).as("the new reviewer is told, once").isEqualTo(1);
  }

  private void makeOverdue(Task task) {
    task.setDueDate(Date.from(java.time.Instant.now().minusSeconds(30)));
    taskService.saveTask(task);
  }

  private int overdueNotices(Task task, String user) {
    return jdbc.queryForObject("select count(*) from qsmo.notification_message where task_id = ? "
        + "and kind = 'TASK_OVERDUE' and recipient_user_id = ?", Integer.class, task.getId(), user);
  }

  @Test
  void anApprovedPlanIsFrozenAndTheRfiWaitsForItsCloseDate() {
    ProcessInstance instance = scenario.draft(false);
    assertThat(instance).isWaitingAt(TASK_APPROVE_PLAN);
    Rfi drafted = scenario.rfi(instance);
    assertThat(drafted.criteria).extracting(c -> c.weight).containsExactly(40, 35, 25);
    assertThat(drafted.scale).hasSize(5).allSatisfy(level -> assertThat(level.definition).isNotBlank());
    assertThat(taskService.getVariable(scenario.tasks(instance, TASK_APPROVE_PLAN).get(0).getId(), "planText")
        .toString()).contains("Data implementation").contains("35%");

    scenario.complete(instance, TASK_APPROVE_PLAN, DIRECTOR, Map.of("planDecision", "APPROVE"));

    assertThat(instance).hasPassed(RfiProcess.Elements.TASK_PUBLISH_RFI)
        .isWaitingAt(RfiProcess.Elements.TIMER_CLOSE_DATE_REACHED);
    Rfi rfi = scenario.rfi(instance);
    assertThat(rfi.status).isEqualTo(RfiStatus.OPEN);
    assertThat(rfi.planApprovedBy).isEqualTo(DIRECTOR);
    Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(rfi.closesAt);
    assertThatThrownBy(() -> plans.revise(rfi.id, PlanDraft.of(rfi, java.time.ZoneId.systemDefault()),
        Caller.SYSTEM)).isInstanceOf(ConflictException.class).hasMessageContaining("frozen");
  }

  @Test
  void aReturnedPlanIsRevisedAndApprovedAgain() {
    ProcessInstance instance = scenario.draft(false);
    Task approval = scenario.tasks(instance, TASK_APPROVE_PLAN).get(0);
    assertThatThrownBy(() -> scenario.as(DIRECTOR, () -> {
      taskService.complete(approval.getId(), Map.of("planDecision", "RETURN"));
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("what to change");

    scenario.complete(instance, TASK_APPROVE_PLAN, DIRECTOR, Map.of("planDecision", "RETURN",
        "planComments", "Weight customer experience higher."));

    assertThat(instance).isWaitingAt(TASK_REVISE_PLAN);
    Task revise = scenario.tasks(instance, TASK_REVISE_PLAN).get(0);
    assertThat(taskService.getVariables(revise.getId())).containsEntry("criteria",
        "Commercial solutions | 40 | Maturity of the solution\nData implementation | 35 | Use of grants data "
            + "standards\nCustomer experience | 25 | Usability for applicants and staff")
        .containsKey("returnComments");
    Map<String, Object> revised = new HashMap<>(scenario.planForm(false));
    revised.remove("agencyCode");
    revised.put("criteria", "Commercial solutions | 50 | Maturity\nCustomer experience | 40 | Usability");
    assertThatThrownBy(() -> scenario.as(OFFICER, () -> {
      taskService.complete(revise.getId(), revised);
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("total 90");
    revised.put("criteria", "Commercial solutions | 50 | Maturity\nCustomer experience | 50 | Usability");
    scenario.complete(instance, TASK_REVISE_PLAN, OFFICER, revised);

    assertThat(instance).isWaitingAt(TASK_APPROVE_PLAN);
    assertThat(scenario.rfi(instance).criteria).extracting(c -> c.name)
        .containsExactly("Commercial solutions", "Customer experience");
    scenario.complete(instance, TASK_APPROVE_PLAN, DIRECTOR, Map.of("planDecision", "APPROVE"));
    assertThat(instance).isWaitingAt(RfiProcess.Elements.TIMER_CLOSE_DATE_REACHED);
    assertThat(records.history(instance.getBusinessKey())).extracting(e -> e.action)
        .containsSubsequence("PLAN_DRAFTED", "PLAN_RETURNED", "PLAN_REVISED", "PLAN_APPROVED", "RFI_PUBLISHED");
    // Both decisions on the plan reach its author (the director drafted it), by e-mail.
    assertThat(jdbc.queryForList("select subject from qsmo.notification_message where kind = 'DECISION' and "
        + "record_id = ? and recipient_user_id = ? order by id", String.class, instance.getBusinessKey(), DIRECTOR))
        .hasSize(2).satisfiesExactly(
            returned -> assertThat(returned).contains("returned for revision"),
            approved -> assertThat(approved).contains("was approved"));
  }

  @Test
  void aPlanWhoseWeightsDoNotTotal100OrWhoseScaleLacksADefinitionIsRefusedAtTheStart() {
    Map<String, Object> form = scenario.planForm(false);
    form.put("criteria", "Commercial solutions | 60 | Maturity\nCustomer experience | 30 | Usability");
    assertThatThrownBy(() -> scenario.as(DIRECTOR, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(RfiProcess.KEY, form)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("total 90; they must total 100");
    form.put("criteria", "Commercial solutions | 100 | Maturity");
    form.put("scaleLevels", "1 | Low | Weak\n2 | Medium |\n3 | High | Strong");
    assertThatThrownBy(() -> scenario.as(DIRECTOR, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(RfiProcess.KEY, form)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("level 2 (Medium) has no definition");
  }

  @Test
  void aResponseAfterTheCloseDateIsRefusedUnlessThePlanAcceptsLateResponses() {
    ProcessInstance strict = scenario.open(false);
    ProcessInstance lenient = scenario.open(true);
    ClockUtil.setCurrentTime(Date.from(scenario.rfi(strict).closesAt.plusSeconds(3600)));

    assertThatThrownBy(() -> scenario.respond(strict, "Late Corp", 3))
        .isInstanceOf(ConflictException.class).hasMessageContaining("does not accept late responses");
    String late = scenario.respond(lenient, "Late Corp", 3);

    RfiResponse response = responsesService.require(lenient.getBusinessKey(), late);
    assertThat(response.late).isTrue();
    scenario.close(lenient);
    assertThat(lenient).isWaitingAt(TASK_CONFIRM_SCREENING);
    assertThat(responsesService.require(lenient.getBusinessKey(), late).eligible)
        .as("a late response fails the on-time check").isFalse();
    assertThat(taskService.getVariable(scenario.tasks(lenient, TASK_CONFIRM_SCREENING).get(0).getId(),
        "screeningTable").toString()).contains(late).contains("**no**");
  }

  @Autowired
  RfiResponseService responsesService;

  @Test
  void theContractingOfficerOverridesTheScreeningWithAReason() {
    ProcessInstance instance = scenario.open(true);
    String complete = scenario.respond(instance, "Complete Co", 3);
    String partial = scenario.respond(instance, "Partial Co", 2);
    scenario.close(instance);
    Task screening = scenario.tasks(instance, TASK_CONFIRM_SCREENING).get(0);

    assertThatThrownBy(() -> scenario.as(OFFICER, () -> {
      taskService.complete(screening.getId(), Map.of("screeningDecision", "OVERRIDE",
          "screeningOverrides", partial + " | include"));
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("the reason is required");
    scenario.complete(instance, TASK_CONFIRM_SCREENING, OFFICER, Map.of("screeningDecision", "OVERRIDE",
        "screeningOverrides", partial + " | include | The missing topic is answered in the attachment."));

    assertThat(instance).isWaitingAt(TASK_FORM_PANEL);
    assertThat(responsesService.eligible(instance.getBusinessKey())).extracting(r -> r.id)
        .containsExactlyInAnyOrder(complete, partial);
    assertThat(responsesService.require(instance.getBusinessKey(), partial).overrideReason)
        .isEqualTo("The missing topic is answered in the attachment.");
    assertThat(records.history(instance.getBusinessKey())).extracting(e -> e.action).contains("SCREENING_OVERRIDDEN");
  }

  @Test
  void anRfiWithoutAnEligibleResponseEndsAfterScreening() {
    ProcessInstance instance = scenario.open(false);
    scenario.close(instance);
    scenario.complete(instance, TASK_CONFIRM_SCREENING, OFFICER, Map.of("screeningDecision", "CONFIRM"));
    assertThat(instance).isEnded().hasPassed(RfiProcess.Elements.END_NO_ELIGIBLE_RESPONSE);
    assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.CLOSED_NO_RESPONSES);
  }

  @Test
  void deletingTheProcessInstanceCancelsTheRfi() {
    ProcessInstance instance = scenario.open(false);
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "Withdrawn by the QSMO");
    assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.CANCELLED);
    assertThat(records.history(instance.getBusinessKey())).last()
        .satisfies(e -> assertThat(e.detail).contains("Withdrawn by the QSMO"));
  }

  @Test
  void aPanelNeedsThreeReviewersAndTheChairDoesNotScore() {
    ProcessInstance instance = scenario.open(false);
    scenario.respond(instance, "Acme", 3);
    scenario.close(instance);
    scenario.complete(instance, TASK_CONFIRM_SCREENING, OFFICER, Map.of("screeningDecision", "CONFIRM"));
    Task form = scenario.tasks(instance, TASK_FORM_PANEL).get(0);
    assertThat(form.getAssignee()).isEqualTo(CHAIR);

    assertThatThrownBy(() -> scenario.as(CHAIR, () -> {
      taskService.complete(form.getId(), Map.of("reviewers", REVIEWERS.get(0) + "\n" + REVIEWERS.get(1)));
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("at least 3 reviewers");
    assertThatThrownBy(() -> scenario.as(CHAIR, () -> {
      taskService.complete(form.getId(), Map.of("reviewers", REVIEWERS.get(0) + "," + REVIEWERS.get(1) + "," + CHAIR));
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("does not score");
  }

  @Test
  void everyMemberAttestsBeforeSeeingAResponseAndADeclaredConflictRecusesAndTheChairAddsAReviewer() {
    ProcessInstance instance = scenario.withPanel(REVIEWERS.subList(0, 3), null, "Acme", "Globex");
    String globex = responsesService.eligible(instance.getBusinessKey()).get(1).id;
    assertThat(scenario.tasks(instance, TASK_SIGN_ATTESTATION)).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder(CHAIR, REVIEWERS.get(0), REVIEWERS.get(1), REVIEWERS.get(2));
    Task attestation = scenario.task(instance, TASK_SIGN_ATTESTATION, REVIEWERS.get(0));
    assertThat(taskService.getVariables(attestation.getId())).doesNotContainKeys("responseHeader", "topic1Text");
    assertThatThrownBy(() -> scenario.as(REVIEWERS.get(0), () -> {
      taskService.complete(attestation.getId(), Map.of("attest", false));
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Tick the attestation");
    assertThatThrownBy(() -> scenario.as(REVIEWERS.get(1), () -> {
      taskService.complete(attestation.getId(), Map.of("attest", true));
      return null;
    })).as("another member cannot sign it").isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

    scenario.attestAll(instance, Map.of(REVIEWERS.get(0), globex));

    assertThat(instance).isWaitingAt(TASK_REASSIGN_REVIEWERS);
    PanelMember recused = panel.member(instance.getBusinessKey(), REVIEWERS.get(0));
    assertThat(recused.conflicts).containsExactly(globex);
    assertThat(recused.attestationVersion).isEqualTo("COI-NDA-2026-1");
    assertThat(taskService.getVariable(scenario.tasks(instance, TASK_REASSIGN_REVIEWERS).get(0).getId(),
        "shortfallText").toString()).contains(globex).contains("2 of 3")
        .as("the recused reviewer by name and user id").contains(" (" + REVIEWERS.get(0) + ")");

    scenario.complete(instance, TASK_REASSIGN_REVIEWERS, CHAIR, Map.of("reassignAction", "ADD_REVIEWERS",
        "additionalReviewers", REVIEWERS.get(3)));
    assertThat(scenario.tasks(instance, TASK_SIGN_ATTESTATION)).extracting(Task::getAssignee)
        .containsExactly(REVIEWERS.get(3));
    scenario.attestAll(instance, Map.of());

    assertThat(instance).isWaitingAt(RfiProcess.Elements.CALL_SCORE_RESPONSES);
    List<Assignment> assignments = panel.assignments(instance.getBusinessKey());
    assertThat(assignments.stream().filter(a -> a.responseId.equals(globex)).map(a -> a.reviewerId))
        .containsExactlyInAnyOrder(REVIEWERS.get(1), REVIEWERS.get(2), REVIEWERS.get(3));
    assertThat(assignments).hasSize(6);
    Task globexTask = scenario.tasks(instance, TASK_SCORE_RESPONSE).stream()
        .filter(t -> t.getAssignee().equals(REVIEWERS.get(3))).filter(t -> t.getName().contains(globex)).findFirst()
        .orElseThrow();
    assertThat(taskService.getVariables(globexTask.getId()).get("topic1Text").toString()).contains("Globex on topic 1");
  }

  @Test
  void aChairMayProceedWithFewerReviewersForAResponse() {
    ProcessInstance instance = scenario.withPanel(REVIEWERS.subList(0, 3), null, "Acme");
    String acme = responsesService.eligible(instance.getBusinessKey()).get(0).id;
    scenario.attestAll(instance, Map.of(REVIEWERS.get(2), acme));
    Task reassign = scenario.tasks(instance, TASK_REASSIGN_REVIEWERS).get(0);
    assertThatThrownBy(() -> scenario.as(CHAIR, () -> {
      taskService.complete(reassign.getId(), Map.of("reassignAction", "PROCEED"));
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Say why");

    scenario.complete(instance, TASK_REASSIGN_REVIEWERS, CHAIR, Map.of("reassignAction", "PROCEED",
        "reassignReason", "Two reviewers suffice for this response."));

    assertThat(scenario.tasks(instance, TASK_SCORE_RESPONSE)).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder(REVIEWERS.get(0), REVIEWERS.get(1));
  }

  @Test
  void scoresAreCheckedAgainstTheScaleAndTheReviewerAndACorrectionIsANewVersion() {
    ProcessInstance instance = scoring(REVIEWERS.subList(0, 3), "Acme");
    Task task = scenario.task(instance, TASK_SCORE_RESPONSE, REVIEWERS.get(0));

    assertThatThrownBy(() -> scenario.as(REVIEWERS.get(0), () -> {
      taskService.complete(task.getId(), RfiScenario.scores(4, 6, 3));
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("rating 6 of 'Data implementation' "
        + "is outside the scale");
    Map<String, Object> noRationale = RfiScenario.scores(4, 4, 3);
    noRationale.remove("rationale2");
    assertThatThrownBy(() -> scenario.as(REVIEWERS.get(0), () -> {
      taskService.complete(task.getId(), noRationale);
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("rationale");
    Map<String, Object> redirected = RfiScenario.scores(4, 4, 3);
    Assignment other = panel.assignments(instance.getBusinessKey()).stream()
        .filter(a -> a.reviewerId.equals(REVIEWERS.get(1))).findFirst().orElseThrow();
    redirected.put("assignmentId", String.valueOf(other.id));
    assertThatThrownBy(() -> scenario.as(REVIEWERS.get(0), () -> {
      taskService.complete(task.getId(), redirected);
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("set by the process");

    scenario.score(task, 4, 4, 3);

    Assignment assignment = panel.assignments(instance.getBusinessKey()).stream()
        .filter(a -> a.reviewerId.equals(REVIEWERS.get(0))).findFirst().orElseThrow();
    assertThat(assignment.status).isEqualTo(Assignment.Status.SCORED);
    ScoreSheet corrected = scoring.correct(instance.getBusinessKey(), String.valueOf(assignment.id),
        Map.of(1, new RfiScoringService.ScoreInput(5, null, null, "Re-read the pilot results."),
            2, new RfiScoringService.ScoreInput(4, null, null, "Unchanged."),
            3, new RfiScoringService.ScoreInput(3, null, null, "Unchanged.")), "Misread the pilot results.",
        new Caller(REVIEWERS.get(0), java.util.Set.of()));
    assertThat(corrected.version).isEqualTo(2);
    assertThat(scoring.sheets(List.of(assignment))).extracting(s -> s.version, s -> s.scores.get(1).rating)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 4), org.assertj.core.groups.Tuple.tuple(2, 5));
    assertThatThrownBy(() -> scoring.correct(instance.getBusinessKey(), String.valueOf(assignment.id), Map.of(),
        "x", new Caller(REVIEWERS.get(1), java.util.Set.of())))
        .isInstanceOf(ConflictException.class).hasMessageContaining("cannot score it");
  }

  /**
   * ADR 0033: a score sheet's form values are transient. Submitted through the form (submit-form) or with the
   * completion, they become the reviewer's score sheet and nothing else: no variable and no variable history in
   * the engine, so the next reviewer of the same response reads none of them, and a file value is refused with
   * nothing recorded.
   */
  @Test
  void aScoreSheetsValuesAreRecordedAsTheSheetAndTheEngineKeepsNoneOfThem() {
    ProcessInstance instance = scoring(REVIEWERS.subList(0, 3), "Acme");
    Task first = scenario.task(instance, TASK_SCORE_RESPONSE, REVIEWERS.get(0));
    Task second = scenario.task(instance, TASK_SCORE_RESPONSE, REVIEWERS.get(1));
    String scoringInstance = first.getProcessInstanceId();

    Map<String, Object> file = RfiScenario.scores(4, 4, 3);
    file.put("strengths1", org.camunda.bpm.engine.variable.Variables.fileValue("strengths.txt")
        .file("Clear approach.".getBytes(java.nio.charset.StandardCharsets.UTF_8)).create());
    assertThatThrownBy(() -> scenario.as(REVIEWERS.get(0), () -> {
      engine.getFormService().submitTaskForm(first.getId(), file);
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'strengths1' of a score sheet must "
        + "be text or a number");
    assertThat(scoring.sheets(panel.assignments(instance.getBusinessKey()))).isEmpty();

    scenario.as(REVIEWERS.get(0), () -> {
      engine.getFormService().submitTaskForm(first.getId(), RfiScenario.scores(4, 5, 3));
      return null;
    });
    assertThat(taskService.getVariables(second.getId())).doesNotContainKeys("rating1", "rating2", "rationale1",
        "strengths1");
    // A delegated task goes back to its reviewer without scores: nothing would record them.
    taskService.delegateTask(second.getId(), REVIEWERS.get(2));
    assertThatThrownBy(() -> taskService.resolveTask(second.getId(), RfiScenario.scores(1, 1, 1)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("carries no scores");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(second.getId(), RfiScenario.scores(1, 1, 1)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("carries no scores");
    taskService.resolveTask(second.getId());
    assertThat(taskService.getVariables(second.getId())).doesNotContainKeys("rating1", "rationale1");
    scenario.score(second, 2, 3, 1);

    Map<Long, String> reviewerOf = new java.util.HashMap<>();
    panel.assignments(instance.getBusinessKey()).forEach(a -> reviewerOf.put(a.id, a.reviewerId));
    assertThat(scoring.sheets(panel.assignments(instance.getBusinessKey())))
        .extracting(s -> reviewerOf.get(s.assignmentId), s -> s.scores.get(2).rating, s -> s.scores.get(1).rationale)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(REVIEWERS.get(0), 5,
            "Rated 4 for the evidence given."), org.assertj.core.groups.Tuple.tuple(REVIEWERS.get(1), 3,
            "Rated 2 for the evidence given."));
    String scoreFields = "name_ ~ '^(rating|strengths|weaknesses|rationale)[0-9]+$'";
    assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where proc_inst_id_ = ? and " + scoreFields,
        Long.class, scoringInstance)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ? and " + scoreFields,
        Long.class, scoringInstance)).isZero();
  }

  @Test
  void atTheScoringDeadlineTheChairReassignsAMissingScoreThenProceedsWithoutTheRest() {
    ProcessInstance instance = scenario.withPanel(REVIEWERS, 3, "Acme");
    scenario.attestAll(instance, Map.of());
    String acme = responsesService.eligible(instance.getBusinessKey()).get(0).id;
    // The deadline set at assignment ends a business day, at 23:59:59 in the office's time zone.
    java.time.ZonedDateTime deadline = scenario.rfi(instance).scoringDueAt.atZone(calendar.zone());
    assertThat(deadline.toLocalTime()).isEqualTo(gov.qsmo.workflow.calendar.BusinessCalendar.END_OF_DAY);
    assertThat(calendar.isBusinessDay(deadline.toLocalDate())).as(deadline.toString()).isTrue();
    assertThat(scenario.tasks(instance, TASK_SCORE_RESPONSE)).extracting(Task::getAssignee)
        .containsExactly(REVIEWERS.get(0), REVIEWERS.get(1), REVIEWERS.get(2));
    scenario.score(scenario.task(instance, TASK_SCORE_RESPONSE, REVIEWERS.get(0)), 4, 4, 4);

    managementService.executeJob(timer(instance, RfiProcess.Elements.TIMER_SCORING_REMINDER_DUE).getId());
    assertThat(scenario.tasks(instance, TASK_SCORE_RESPONSE)).hasSize(2)
        .allSatisfy(t -> assertThat(t.getPriority()).isEqualTo(RemindReviewersDelegate.REMINDED_PRIORITY));

    managementService.executeJob(timer(instance, RfiProcess.Elements.TIMER_SCORING_DEADLINE_PASSED).getId());
    assertThat(instance).isWaitingAt(TASK_RESOLVE_MISSING_SCORES);
    assertThat(scenario.tasks(instance, TASK_SCORE_RESPONSE)).isEmpty();
    Task resolve = scenario.tasks(instance, TASK_RESOLVE_MISSING_SCORES).get(0);
    assertThat(taskService.getVariable(resolve.getId(), "missingScoresText").toString())
        .contains("2 scores are missing, from 2 reviewers");
    // A row per reviewer who owes scores, named with the user id the reassignment lines use.
    assertThat(taskService.getVariableTyped(resolve.getId(), "missingScoresTable").getValue().toString())
        .contains(REVIEWERS.get(1) + ")").contains(REVIEWERS.get(2) + ")").contains(acme)
        .doesNotContain(REVIEWERS.get(0) + ")");
    String due = gov.qsmo.workflow.calendar.TestDates.businessDay(LocalDate.now().plusDays(7)).toString();
    assertThatThrownBy(() -> scenario.as(CHAIR, () -> {
      taskService.complete(resolve.getId(), Map.of("missingScoresAction", "REASSIGN",
          "reassignments", acme + " | " + REVIEWERS.get(0), "newScoringDueDate", due));
      return null;
    })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("has been assigned " + acme);

    scenario.complete(instance, TASK_RESOLVE_MISSING_SCORES, CHAIR, Map.of("missingScoresAction", "REASSIGN",
        "reassignments", acme + " | " + REVIEWERS.get(2) + " | " + REVIEWERS.get(3), "newScoringDueDate", due));

    assertThat(instance).isWaitingAt(RfiProcess.Elements.CALL_SCORE_RESPONSES);
    assertThat(scenario.tasks(instance, TASK_SCORE_RESPONSE)).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder(REVIEWERS.get(1), REVIEWERS.get(3));
    assertThat(timer(instance, RfiProcess.Elements.TIMER_SCORING_DEADLINE_PASSED).getDuedate().toInstant())
        .isEqualTo(scenario.rfi(instance).scoringDueAt);
    scenario.score(scenario.task(instance, TASK_SCORE_RESPONSE, REVIEWERS.get(3)), 3, 3, 3);

    managementService.executeJob(timer(instance, RfiProcess.Elements.TIMER_SCORING_DEADLINE_PASSED).getId());
    scenario.complete(instance, TASK_RESOLVE_MISSING_SCORES, CHAIR, Map.of("missingScoresAction", "PROCEED",
        "missingScoresReason", "Reviewer 2 is on leave."));

    assertThat(instance).isWaitingAt(RfiProcess.Elements.CALL_HOLD_CONSENSUS_REVIEWS);
    assertThat(panel.assignments(instance.getBusinessKey())).extracting(a -> a.reviewerId, a -> a.status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(REVIEWERS.get(0), Assignment.Status.SCORED),
            org.assertj.core.groups.Tuple.tuple(REVIEWERS.get(1), Assignment.Status.WAIVED),
            org.assertj.core.groups.Tuple.tuple(REVIEWERS.get(2), Assignment.Status.REASSIGNED),
            org.assertj.core.groups.Tuple.tuple(REVIEWERS.get(3), Assignment.Status.SCORED));
    assertThat(results.resultsOf(acme)).allSatisfy(r -> assertThat(r.scoreCount).isEqualTo(2));
  }

  @Test
  void theConsensusFormShowsEveryReviewersScoresInFullByName() throws Exception {
    ProcessInstance instance = scoring(REVIEWERS.subList(0, 3), "Acme");
    // Three reviewers, three criteria, each rationale near the 4,000-character limit of a field: together far
    // beyond what one string variable of the form could hold.
    for (int r = 0; r < 3; r++) {
      Task task = scenario.task(instance, TASK_SCORE_RESPONSE, REVIEWERS.get(r));
      Map<String, Object> form = new HashMap<>(RfiScenario.scores(3, 4, 3));
      for (int c = 1; c <= 3; c++) {
        form.put("rationale" + c, ("Reviewer " + r + " on criterion " + c + ": ").repeat(3900 / 30) + "end " + r + c);
        form.put("weaknesses" + c, "Weakness " + r + c);
      }
      scenario.as(task.getAssignee(), () -> {
        taskService.complete(task.getId(), form);
        return null;
      });
    }
    scenario.runJobs(instance);

    Task consensus = scenario.tasks(instance, TASK_HOLD_CONSENSUS).get(0);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (int c = 1; c <= 3; c++) {
      com.fasterxml.jackson.databind.JsonNode rows = json.readTree(taskService.getVariable(consensus.getId(),
          RfiProcess.TaskDisplay.reviewerScores(c)).toString());
      assertThat(rows).as("criterion %s", c).hasSize(3);
      for (int r = 0; r < 3; r++) {
        String name = people.name(REVIEWERS.get(r));
        String rationale = ("Reviewer " + r + " on criterion " + c + ": ").repeat(3900 / 30) + "end " + r + c;
        String weakness = "Weakness " + r + c;
        assertThat(rows).as("reviewer %s, criterion %s", name, c).anySatisfy(row -> {
          assertThat(row.path("reviewer").asText()).isEqualTo(name);
          assertThat(row.path("rationale").asText()).isEqualTo(rationale);
          assertThat(row.path("weaknesses").asText()).isEqualTo(weakness);
        });
      }
    }
    // The criterion's heading keeps the figures; the texts are in the table, not cut into a string.
    assertThat(taskService.getVariable(consensus.getId(), "criterion1Summary").toString())
        .doesNotContain("Reviewer 0").contains("all 3 score(s) rated 3");
  }

  @Test
  void anOutlierIsFlaggedAndItsConsensusNeedsARationaleThenTheDirectorReturnsAndApprovesTheReport() {
    ProcessInstance instance = scoring(REVIEWERS.subList(0, 3), "Acme");
    String acme = responsesService.eligible(instance.getBusinessKey()).get(0).id;
    scenario.score(scenario.task(instance, TASK_SCORE_RESPONSE, REVIEWERS.get(0)), 1, 4, 3);
    scenario.score(scenario.task(instance, TASK_SCORE_RESPONSE, REVIEWERS.get(1)), 4, 4, 3);
    scenario.score(scenario.task(instance, TASK_SCORE_RESPONSE, REVIEWERS.get(2)), 5, 4, 4);
    scenario.runJobs(instance);

    assertThat(instance).hasPassed(RfiProcess.Elements.TASK_AGGREGATE_SCORES).isWaitingAt(RfiProcess.Elements.CALL_HOLD_CONSENSUS_REVIEWS);
    List<CriterionResult> figures = results.resultsOf(acme);
    assertThat(figures).extracting(r -> r.flagged).containsExactly(true, false, false);
    assertThat(figures.get(0).flagReasons).contains("spread over half the scale");
    assertThat(figures.get(0).mean).isEqualTo(10 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    Task consensus = scenario.tasks(instance, TASK_HOLD_CONSENSUS).get(0);
    assertThat(consensus.getAssignee()).isEqualTo(CHAIR);
    Map<String, Object> shown = taskService.getVariables(consensus.getId());
    assertThat(shown.get("scoresTable").toString()).contains("**flagged**").contains(people.name(REVIEWERS.get(0)));
    assertThat(shown.get("criterion1Summary").toString()).contains("Flagged").contains("A rationale is required");

    Map<String, Object> form = new HashMap<>(Map.of("consensusRating1", 4, "consensusRating2", 4,
        "consensusRating3", 3));
    assertThatThrownBy(() -> scenario.as(CHAIR, () -> {
      taskService.complete(consensus.getId(), form);
      return null;
    })).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'Commercial solutions' is flagged").hasMessageContaining("write the consensus rationale");
    form.put("consensusRationale1", "The pilot results outweigh the first reviewer's concern.");
    form.put("dissent", REVIEWERS.get(0) + " holds that the solution is immature.");
    scenario.complete(instance, TASK_HOLD_CONSENSUS, CHAIR, form);

    assertThat(instance).hasPassed(RfiProcess.Elements.TASK_GENERATE_REPORT).isWaitingAt(TASK_APPROVE_REPORT);
    assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.REPORT_REVIEW);
    assertThat(reports.latest(instance.getBusinessKey())).get().satisfies(r -> {
      assertThat(r.version).isEqualTo(1);
      assertThat(r.finalReport).isFalse();
      assertThat(new String(r.pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    });
    assertThat(panel.assignments(instance.getBusinessKey())).allSatisfy(a ->
        assertThat(scoring.sheets(List.of(a))).singleElement().satisfies(s -> assertThat(s.version).isEqualTo(1)));

    scenario.complete(instance, TASK_APPROVE_REPORT, DIRECTOR, Map.of("reportDecision", "RETURN",
        "reportComments", "Reconsider customer experience."));
    assertThat(instance).isWaitingAt(RfiProcess.Elements.CALL_HOLD_CONSENSUS_REVIEWS);
    // The chair is told why, by e-mail (the outbox), and nobody else about the return.
    assertThat(jdbc.queryForList("select recipient_user_id from qsmo.notification_message where kind = 'DECISION' "
        + "and record_id = ? and subject like '%returned%'", String.class, instance.getBusinessKey()))
        .containsExactly(CHAIR);
    Task again = scenario.tasks(instance, TASK_HOLD_CONSENSUS).get(0);
    assertThat(taskService.getVariables(again.getId())).containsEntry("consensusRating1", 4)
        .containsEntry("consensusRationale1", "The pilot results outweigh the first reviewer's concern.");
    Map<String, Object> revised = new HashMap<>(form);
    revised.put("consensusRating3", 4);
    revised.put("consensusRationale3", "Usability testing with grantees was convincing.");
    scenario.complete(instance, TASK_HOLD_CONSENSUS, CHAIR, revised);
    assertThat(results.latestConsensus(acme)).get().satisfies(c -> {
      assertThat(c.version).isEqualTo(2);
      assertThat(c.ratings.get(3).rating).isEqualTo(4);
    });

    scenario.complete(instance, TASK_APPROVE_REPORT, DIRECTOR, Map.of("reportDecision", "APPROVE"));
    scenario.runJobs(instance);
    // The panel (chair and reviewers) is told the report was approved; no message carries a score.
    java.util.List<Map<String, Object>> approved = jdbc.queryForList("select recipient_user_id, body_text from "
        + "qsmo.notification_message where kind = 'DECISION' and record_id = ? and subject like '%approved%'",
        instance.getBusinessKey());
    assertThat(approved).extracting(m -> (String) m.get("recipient_user_id")).contains(CHAIR)
        .containsAll(REVIEWERS.subList(0, 3));
    assertThat(approved).extracting(m -> (String) m.get("body_text"))
        .noneMatch(body -> body.contains("consensusRating") || body.contains("rating"));

    assertThat(instance).isEnded().hasPassed(RfiProcess.Elements.TASK_FINALIZE_REPORT,
        RfiProcess.Elements.END_EVALUATION_COMPLETED);
    assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.COMPLETED);
    assertThat(reports.latest(instance.getBusinessKey())).get().satisfies(r -> {
      assertThat(r.version).isEqualTo(3);
      assertThat(r.finalReport).isTrue();
    });
    assertThat(records.history(instance.getBusinessKey())).extracting(e -> e.action).containsSubsequence(
        "SCORES_AGGREGATED", "CONSENSUS_RECORDED", "REPORT_GENERATED", "REPORT_RETURNED", "CONSENSUS_RECORDED",
        "REPORT_APPROVED", "FINAL_REPORT_GENERATED", "EVALUATION_COMPLETED");
  }

  /**
   * ADR 0034: the scores are aggregated one batch of responses per job, the RFI then opens its consensus step once,
   * and each batch's consensus tasks are in a called instance of their own. With batches of one response, three
   * responses make three aggregation steps (each job one response's three criteria) and three batches, each with
   * its one task; the chair's filter lists them all and the report follows the last. While the batches are
   * aggregated, scoring is closed: a correction is refused.
   */
  @Test
  void scoresAreAggregatedAndReviewedByConsensusInBatches() {
    Object service = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(scoring);
    Object size = org.springframework.test.util.ReflectionTestUtils.getField(service, "batchSize");
    org.springframework.test.util.ReflectionTestUtils.setField(service, "batchSize", 1);
    try {
      ProcessInstance instance = scoring(REVIEWERS.subList(0, 3), "Acme", "Globex", "Initech");
      for (Task task : scenario.tasks(instance, TASK_SCORE_RESPONSE)) {
        scenario.score(task, 4, 3, 5);
      }
      // The scoring's own jobs run; then one job per batch waits at "Aggregate scores", and scoring is closed.
      List<String> aggregation = List.of();
      for (int round = 0; round < 50; round++) {
        aggregation = managementService.createJobQuery().rootProcessInstanceId(instance.getId())
            .activityId(RfiProcess.Elements.TASK_AGGREGATE_SCORES).list().stream().map(Job::getId).toList();
        List<String> waiting = aggregation;
        List<Job> others = managementService.createJobQuery().rootProcessInstanceId(instance.getId()).executable()
            .messages().list().stream().filter(j -> !waiting.contains(j.getId())).toList();
        if (others.isEmpty()) {
          break;
        }
        others.forEach(j -> managementService.executeJob(j.getId()));
      }
      assertThat(aggregation).as("one aggregation job per batch").hasSize(3);
      assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.SCORING);
      Assignment scored = panel.assignments(instance.getBusinessKey()).get(0);
      assertThatThrownBy(() -> scoring.correct(instance.getBusinessKey(), String.valueOf(scored.id),
          Map.of(1, new RfiScoringService.ScoreInput(5, null, null, "Re-read."),
              2, new RfiScoringService.ScoreInput(3, null, null, "Unchanged."),
              3, new RfiScoringService.ScoreInput(5, null, null, "Unchanged.")), "Misread.",
          new Caller(scored.reviewerId, java.util.Set.of())))
          .isInstanceOf(ConflictException.class).hasMessageContaining("being aggregated");
      managementService.executeJob(aggregation.get(0));
      assertThat(results.results(instance.getBusinessKey())).as("one batch's figures").hasSize(3);
      assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.SCORING);
      scenario.runJobs(instance);

      org.camunda.bpm.engine.HistoryService history = engine.getHistoryService();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId(RfiProcess.Elements.TASK_AGGREGATE_SCORES).count()).as("aggregation steps").isEqualTo(3);
      // Each response's own three scores per criterion: 4, 3 and 5 from every reviewer.
      assertThat(results.results(instance.getBusinessKey())).hasSize(9).allSatisfy(r -> {
        assertThat(r.scoreCount).isEqualTo(3);
        assertThat(r.mean).isEqualTo(new double[] {4, 3, 5}[r.criterionPosition - 1]);
        assertThat(r.flagged).isFalse();
      });
      assertThat(records.history(instance.getBusinessKey())).extracting(e -> e.action)
          .containsOnlyOnce("SCORES_AGGREGATED");
      assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.CONSENSUS);

      assertThat(instance).hasPassed(RfiProcess.Elements.TASK_OPEN_CONSENSUS)
          .isWaitingAt(RfiProcess.Elements.CALL_HOLD_CONSENSUS_REVIEWS);
      List<ProcessInstance> batches = runtimeService.createProcessInstanceQuery()
          .superProcessInstanceId(instance.getId()).list();
      assertThat(batches).hasSize(3).allSatisfy(batch -> {
        assertThat(batch.getProcessDefinitionId()).startsWith(RfiProcess.CONSENSUS_BATCH_KEY + ":");
        assertThat(batch.getBusinessKey()).isEqualTo(instance.getBusinessKey());
        assertThat(taskService.createTaskQuery().processInstanceId(batch.getId()).list()).singleElement()
            .satisfies(t -> {
              assertThat(t.getTaskDefinitionKey()).isEqualTo(TASK_HOLD_CONSENSUS);
              assertThat(t.getAssignee()).isEqualTo(CHAIR);
            });
      });
      List<Task> consensus = scenario.tasks(instance, TASK_HOLD_CONSENSUS);
      assertThat(consensus).extracting(t -> (String) taskService.getVariable(t.getId(), RfiProcess.Variables.RESPONSE_ID))
          .containsExactlyInAnyOrderElementsOf(responsesService.eligible(instance.getBusinessKey()).stream()
              .map(r -> r.id).toList());
      String filter = filterService.createFilterQuery().filterName("RFI panel").singleResult().getId();
      assertThat(scenario.as(CHAIR, () -> filterService.<Task>list(filter))).extracting(Task::getId)
          .containsAll(consensus.stream().map(Task::getId).toList());

      for (int i = 0; i < consensus.size(); i++) {
        if (i > 0) {
          assertThat(instance).as("the report waits for every batch").isWaitingAt(
              RfiProcess.Elements.CALL_HOLD_CONSENSUS_REVIEWS);
        }
        Task task = consensus.get(i);
        scenario.as(CHAIR, () -> {
          taskService.complete(task.getId(), Map.of("consensusRating1", 4, "consensusRating2", 3,
              "consensusRating3", 5));
          return null;
        });
        scenario.runJobs(instance);
      }
      assertThat(instance).isWaitingAt(TASK_APPROVE_REPORT);
      assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count()).isZero();
      assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.REPORT_REVIEW);
    } finally {
      org.springframework.test.util.ReflectionTestUtils.setField(service, "batchSize", size);
    }
  }

  @Test
  void eachResponseIsScoredInAnInstanceOfItsOwnWhoseTasksTheReviewersFilterShows() {
    ProcessInstance instance = scoring(REVIEWERS.subList(0, 3), "Acme", "Globex");

    // Two responses, fewer than a batch holds: the RFI calls one batch instance (ADR 0030), which calls one
    // instance per response, carrying the RFI id; each holds that response's tasks only.
    List<ProcessInstance> batches = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).list();
    assertThat(batches).hasSize(1).allSatisfy(batch -> {
      assertThat(batch.getProcessDefinitionId()).startsWith(RfiProcess.SCORING_BATCH_KEY + ":");
      assertThat(batch.getBusinessKey()).isEqualTo(instance.getBusinessKey());
    });
    List<ProcessInstance> called = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(batches.get(0).getId()).list();
    assertThat(called).hasSize(2).allSatisfy(child -> {
      assertThat(child.getBusinessKey()).isEqualTo(instance.getBusinessKey());
      List<Task> tasks = taskService.createTaskQuery().processInstanceId(child.getId()).list();
      assertThat(tasks).hasSize(3).extracting(Task::getTaskDefinitionKey).containsOnly(TASK_SCORE_RESPONSE);
      assertThat(tasks.stream().map(t -> scoring.require((String) taskService.getVariable(t.getId(),
          RfiProcess.Variables.ASSIGNMENT_ID)).responseId).distinct()).hasSize(1);
    });
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SCORE_RESPONSE)
        .count()).isZero();

    // Tasklist: the same filter lists them, with the same form.
    String filter = filterService.createFilterQuery().filterName("RFI responses to score").singleResult().getId();
    List<Task> listed = scenario.as(REVIEWERS.get(0), () -> filterService.<Task>list(filter));
    List<String> mine = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(TASK_SCORE_RESPONSE).taskAssignee(REVIEWERS.get(0)).list().stream().map(Task::getId).toList();
    assertThat(mine).hasSize(2);
    assertThat(listed).extracting(Task::getId).containsAll(mine);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(TASK_SCORE_RESPONSE).initializeFormKeys().list())
        .allSatisfy(t -> assertThat(t.getCamundaFormRef().getKey()).isEqualTo("score-rfi-response"));

    // A submission in a called instance cannot change the ids the process keeps.
    Task task = scenario.task(instance, TASK_SCORE_RESPONSE, REVIEWERS.get(0));
    Map<String, Object> forged = new HashMap<>(RfiScenario.scores(4, 4, 4));
    forged.put(RfiProcess.Variables.RFI_ID, "RFI-1999-0001");
    assertThatThrownBy(() -> scenario.as(REVIEWERS.get(0), () -> {
      taskService.complete(task.getId(), forged);
      return null;
    })).isInstanceOf(FormFieldValidationException.class);
    Map<String, Object> extra = new HashMap<>(RfiScenario.scores(4, 4, 4));
    extra.put("comments", "not a field of the form");
    assertThatThrownBy(() -> scenario.as(REVIEWERS.get(0), () -> {
      taskService.complete(task.getId(), extra);
      return null;
    })).isInstanceOf(FormFieldValidationException.class);

    // A reviewer's completion counts itself in its response's instance at once (ADR 0029): no continuation job is
    // left behind. The last reviewer's leaves one job, at the end event, which hands the response back.
    String first = called.get(0).getId();
    List<Task> firstTasks = taskService.createTaskQuery().processInstanceId(first).orderByTaskAssignee().asc().list();
    scenario.score(firstTasks.get(0), 4, 4, 4);
    assertThat(managementService.createJobQuery().processInstanceId(first).count()).isZero();
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(first)
        .variableName("nrOfCompletedInstances").singleResult().getValue()).isEqualTo(1);
    scenario.score(firstTasks.get(1), 4, 4, 4);
    scenario.score(firstTasks.get(2), 4, 4, 4);
    assertThat(managementService.createJobQuery().processInstanceId(first).count()).isOne();
    assertThat(managementService.createJobQuery().processInstanceId(first).activityId(
        RfiProcess.Elements.END_RESPONSE_SCORED).count()).isOne();

    // Each response's instance ends with its last score; the evaluation moves on when all have.
    for (Task each : scenario.tasks(instance, TASK_SCORE_RESPONSE)) {
      scenario.score(each, 4, 4, 4);
    }
    scenario.runJobs(instance);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(RfiProcess.SCORING_BATCH_KEY).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(RfiProcess.SCORING_KEY).count()).isZero();
    assertThat(instance).hasPassed(RfiProcess.Elements.TASK_AGGREGATE_SCORES).isWaitingAt(RfiProcess.Elements.CALL_HOLD_CONSENSUS_REVIEWS);
  }

  /**
   * Responses are called in batches (ADR 0030): with batches of two, three responses make two batch instances.
   * A batch whose responses are all scored ends and is counted in the RFI's instance; the evaluation waits for
   * the other batch, then moves on.
   */
  @Test
  void responsesAreScoredInBatchesEachCountedWhenItsResponsesAre() {
    RfiScoringService target = AopTestUtils.getTargetObject(scoring);
    Object batchSize = ReflectionTestUtils.getField(target, "batchSize");
    ReflectionTestUtils.setField(target, "batchSize", 2);
    ProcessInstance instance;
    try {
      instance = scoring(REVIEWERS.subList(0, 3), "Acme", "Globex", "Initech");
    } finally {
      ReflectionTestUtils.setField(target, "batchSize", batchSize);
    }

    List<ProcessInstance> batches = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).list();
    assertThat(batches).hasSize(2);
    Map<Integer, ProcessInstance> bySize = new HashMap<>();
    for (ProcessInstance batch : batches) {
      String responses = (String) runtimeService.getVariable(batch.getId(), RfiProcess.Variables.RESPONSE_BATCH);
      List<ProcessInstance> called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(batch.getId())
          .list();
      assertThat(called).hasSize(responses.split(",").length);
      assertThat(called).extracting(c -> runtimeService.getVariable(c.getId(), RfiProcess.Variables.RESPONSE_ID))
          .containsExactlyInAnyOrder((Object[]) responses.split(","));
      bySize.put(called.size(), batch);
    }
    assertThat(bySize).containsOnlyKeys(1, 2);

    // The batch of one response: scored, it ends, and the RFI counts one of its two batches.
    ProcessInstance single = bySize.get(1);
    String response = (String) runtimeService.getVariable(single.getId(), RfiProcess.Variables.RESPONSE_BATCH);
    for (Task task : scenario.tasks(instance, TASK_SCORE_RESPONSE)) {
      if (scoring.require((String) taskService.getVariable(task.getId(), RfiProcess.Variables.ASSIGNMENT_ID))
          .responseId.equals(response)) {
        scenario.score(task, 4, 4, 4);
      }
    }
    scenario.runJobs(instance);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(single.getId()).count()).isZero();
    assertThat(instance).isWaitingAt(RfiProcess.Elements.CALL_SCORE_RESPONSES);
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .variableName("nrOfCompletedInstances").singleResult().getValue()).isEqualTo(1);
    assertThat(scenario.tasks(instance, TASK_SCORE_RESPONSE)).hasSize(6);

    // The other batch's responses scored: the evaluation moves on.
    for (Task task : scenario.tasks(instance, TASK_SCORE_RESPONSE)) {
      scenario.score(task, 3, 4, 5);
    }
    scenario.runJobs(instance);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKeyIn(RfiProcess.SCORING_BATCH_KEY, RfiProcess.SCORING_KEY).count()).isZero();
    assertThat(instance).hasPassed(RfiProcess.Elements.TASK_AGGREGATE_SCORES).isWaitingAt(RfiProcess.Elements.CALL_HOLD_CONSENSUS_REVIEWS);
  }

  /** Open, one or more responses, panel of these reviewers, all attested: waiting at scoring. */
  private ProcessInstance scoring(List<String> reviewers, String... organizations) {
    ProcessInstance instance = scenario.withPanel(reviewers, null, organizations);
    scenario.attestAll(instance, Map.of());
    assertThat(instance).isWaitingAt(RfiProcess.Elements.CALL_SCORE_RESPONSES);
    return instance;
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
  }
}
