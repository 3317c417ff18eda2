package gov.qsmo.workflow.designation.condition;

import static gov.qsmo.workflow.designation.condition.ConditionProcess.Elements.END_CONDITION_MET;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Elements.END_CONDITION_NOT_MET;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Elements.TASK_DECIDE_CONDITION;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Elements.TASK_REPORT_PROGRESS;
import static gov.qsmo.workflow.designation.condition.ConditionProcess.Elements.TASK_RESOLVE_OVERDUE_CONDITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.calendar.TestDates;
import gov.qsmo.workflow.designation.TestDesignations;
import gov.qsmo.workflow.designation.condition.DesignationCondition.Status;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A condition's process, one path each: reported and met, not met, more progress asked for, overdue and extended,
 * overdue and closed; and what it refuses (no report, a link that is not a web address, no reason, a due date on a
 * weekend, another agency's director).
 */
@ProcessEngineTest
class ConditionProcessTests {

  static final String DIRECTOR = "test.condition.director.hhs";
  static final String OTHER_DIRECTOR = "test.condition.director.dhs";
  static final String OMB = "test.condition.omb";

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
  ConditionService conditions;
  @Autowired
  DesignationConditionRepository repository;
  @Autowired
  ConditionEventRepository events;
  @Autowired
  BusinessCalendar calendar;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    identitySetup.ensureUser(DIRECTOR, "Test", "Director HHS", "pw", Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS"));
    identitySetup.ensureUser(OTHER_DIRECTOR, "Test", "Director DHS", "pw", Roles.QSMO_DIRECTORS,
        Roles.directorsOf("DHS"));
    identitySetup.ensureUser(OMB, "Test", "OMB", "pw", Roles.OMB_DECIDERS);
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void eachConditionOfADesignationIsFollowedByTheAgencysDirectorsWithADueDateOnABusinessDay() {
    String designation = designated("HHS", "Publish service-level data quarterly.");
    LocalDate effective = effectiveDate(designation);

    List<DesignationCondition> tracked = conditions.track(designation, "Onboard two agencies by 2028.\n\n", null, OMB);

    assertThat(tracked).extracting(DesignationCondition::getText)
        .containsExactly("Publish service-level data quarterly.", "Onboard two agencies by 2028.");
    assertThat(tracked).extracting(DesignationCondition::getSource)
        .containsExactly(DesignationCondition.Source.BOARD, DesignationCondition.Source.OMB);
    LocalDate due = calendar.onOrAfter(effective.plusDays(90));
    for (DesignationCondition condition : tracked) {
      assertThat(condition.getOwnerGroup()).isEqualTo(Roles.directorsOf("HHS"));
      assertThat(condition.getDueDate()).isEqualTo(due);
      assertThat(calendar.isBusinessDay(condition.getDueDate())).isTrue();
      ProcessInstance instance = instance(condition);
      assertThat(instance).isWaitingAt(TASK_REPORT_PROGRESS);
      assertThat(instance.getBusinessKey()).isEqualTo(designation);
      Task report = task(condition);
      assertThat(report).hasCandidateGroup(Roles.directorsOf("HHS"));
      assertThat(report.getDueDate().toInstant()).isEqualTo(calendar.endOf(due));
      assertThat(report.getFollowUpDate()).isBefore(report.getDueDate());
      assertThat(report.getName()).startsWith("Report progress on condition: ").endsWith("(" + designation + ")");
      assertThat(taskService.getVariableLocal(report.getId(), "conditionFacts").toString())
          .contains("**Owner:** the QSMO directors of").contains("**Status:** Open");
    }
    assertThat(steps(tracked.get(0))).containsExactly("TRACKED");
    // Tracked once: designating again finds nothing new to follow.
    assertThat(conditions.track(designation, null, null, OMB)).isEmpty();
  }

  @Test
  void theDirectorReportsProgressWithLinksAndOmbMarksTheConditionMet() {
    DesignationCondition condition = tracked("Publish service-level data quarterly.");
    ProcessInstance instance = instance(condition);

    completeAs(DIRECTOR, condition, Map.of("progressReport", "Q1 and Q2 data are on the QSMO's site.",
        "evidenceLinks", "https://example.gov/qsmo/data-q1\nhttps://example.gov/qsmo/data-q2"));

    assertThat(reload(condition).getStatus()).isEqualTo(Status.REPORTED);
    assertThat(instance(condition)).isWaitingAt(TASK_DECIDE_CONDITION);
    Task decide = task(condition);
    assertThat(decide).hasCandidateGroup(Roles.OMB_DECIDERS);
    assertThat(taskService.getVariableLocal(decide.getId(), "latestReport").toString())
        .contains("Q1 and Q2 data are on the QSMO's site.").contains("https://example.gov/qsmo/data-q2");

    completeAs(OMB, condition, Map.of("conditionDecision", "MET", "conditionReason", "Two quarters published."));

    assertThat(instance).isEnded().hasPassed(END_CONDITION_MET);
    DesignationCondition met = reload(condition);
    assertThat(met.getStatus()).isEqualTo(Status.MET);
    assertThat(met.getDecisionReason()).isEqualTo("Two quarters published.");
    assertThat(steps(condition)).containsExactly("TRACKED", "PROGRESS_REPORTED", "MET");
    // The directors are told by e-mail (an outbox row each): of their task (its message written by the sender
    // right after the step's commit) and of OMB's decision (written with the decision).
    org.awaitility.Awaitility.await("the director's messages written").atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(jdbc.queryForList("select subject from qsmo.notification_message "
            + "where recipient_user_id = ? and record_id = ? order by id", String.class, DIRECTOR,
            condition.getDesignationId()))
            .anyMatch(subject -> subject.startsWith("[QSMO] Task waiting for you: Report progress on condition: "))
            .contains("[QSMO] OMB marked a condition met: " + condition.getDesignationId()));
    assertThat(conditions.history(condition.getId(), 0, 10).get(1).getActor()).isEqualTo(DIRECTOR);
    assertThat(conditions.history(condition.getId(), 0, 10).get(2).getActor()).isEqualTo(OMB);
  }

  @Test
  void ombMarksAConditionNotMetWithItsReason() {
    DesignationCondition condition = tracked("Migrate two legacy providers by 2028.");
    ProcessInstance instance = instance(condition);
    completeAs(DIRECTOR, condition, Map.of("progressReport", "One provider migrated."));

    completeAs(OMB, condition, Map.of("conditionDecision", "NOT_MET", "conditionReason", "Only one of two."));

    assertThat(instance).isEnded().hasPassed(END_CONDITION_NOT_MET);
    assertThat(reload(condition).getStatus()).isEqualTo(Status.NOT_MET);
    assertThat(reload(condition).getDecisionReason()).isEqualTo("Only one of two.");
  }

  @Test
  void ombAsksForMoreProgressAndTheDirectorReadsWhy() {
    DesignationCondition condition = tracked("Publish service-level data quarterly.");
    completeAs(DIRECTOR, condition, Map.of("progressReport", "Working on it."));

    completeAs(OMB, condition, Map.of("conditionDecision", "MORE_PROGRESS",
        "conditionReason", "Publish the first quarter's data."));

    assertThat(reload(condition).getStatus()).isEqualTo(Status.OPEN);
    assertThat(instance(condition)).isWaitingAt(TASK_REPORT_PROGRESS);
    assertThat(taskService.getVariableLocal(task(condition).getId(), "conditionFacts").toString())
        .contains("**OMB asked for more**").contains("Publish the first quarter's data.");
    assertThat(taskService.getVariableLocal(task(condition).getId(), "conditionHistory").toString())
        .contains("more progress needed");
  }

  @Test
  void anOpenConditionAtItsDueDateGoesToOmbWhoExtendsItToABusinessDayThenClosesItAsNotMet() {
    DesignationCondition condition = tracked("Publish service-level data quarterly.");
    ProcessInstance instance = instance(condition);

    managementService.executeJob(timer(condition).getId());

    assertThat(reload(condition).getStatus()).isEqualTo(Status.OVERDUE);
    assertThat(instance(condition)).isWaitingAt(TASK_RESOLVE_OVERDUE_CONDITION);
    assertThat(task(condition)).hasCandidateGroup(Roles.OMB_DECIDERS);
    assertThat(steps(condition)).containsExactly("TRACKED", "OVERDUE");
    assertThat(jdbc.queryForList("select subject from qsmo.notification_message where recipient_user_id = ? "
        + "and record_id = ? and kind = 'DECISION' order by id", String.class, DIRECTOR, condition.getDesignationId()))
        .last().isEqualTo("[QSMO] A condition is overdue and goes to OMB: " + condition.getDesignationId());

    LocalDate weekend = TestDates.nonBusinessDay(LocalDate.now().plusDays(20));
    assertThatThrownBy(() -> completeAs(OMB, condition, Map.of("overdueResolution", "EXTEND",
        "newConditionDueDate", weekend.toString(), "conditionReason", "More time.")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("business day");
    assertThatThrownBy(() -> completeAs(OMB, condition, Map.of("overdueResolution", "EXTEND",
        "newConditionDueDate", TestDates.businessDay(LocalDate.now().plusDays(20)).toString())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Give the reason");
    assertThat(reload(condition).getStatus()).as("refusals change nothing").isEqualTo(Status.OVERDUE);

    LocalDate newDue = TestDates.businessDay(LocalDate.now().plusDays(20));
    completeAs(OMB, condition, Map.of("overdueResolution", "EXTEND", "newConditionDueDate", newDue.toString(),
        "conditionReason", "The data platform was late."));

    assertThat(reload(condition).getStatus()).isEqualTo(Status.OPEN);
    assertThat(reload(condition).getDueDate()).isEqualTo(newDue);
    assertThat(instance(condition)).isWaitingAt(TASK_REPORT_PROGRESS);
    assertThat(task(condition).getDueDate().toInstant()).isEqualTo(calendar.endOf(newDue));
    assertThat(timer(condition).getDuedate().toInstant()).isEqualTo(calendar.endOf(newDue));

    managementService.executeJob(timer(condition).getId());
    completeAs(OMB, condition, Map.of("overdueResolution", "NOT_MET", "conditionReason", "No data after a year."));

    assertThat(instance).isEnded().hasPassed(END_CONDITION_NOT_MET);
    assertThat(steps(condition)).containsExactly("TRACKED", "OVERDUE", "DUE_DATE_EXTENDED", "OVERDUE", "NOT_MET");
  }

  @Test
  void aReportWithoutTextOrWithALinkThatIsNoWebAddressIsRefusedAndChangesNothing() {
    DesignationCondition condition = tracked("Publish service-level data quarterly.");

    assertThatThrownBy(() -> completeAs(DIRECTOR, condition, Map.of("progressReport", "  ")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Describe the progress");
    assertThatThrownBy(() -> completeAs(DIRECTOR, condition, Map.of("progressReport", "Done.",
        "evidenceLinks", "javascript:alert(1)")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("is not a web address");
    assertThatThrownBy(() -> completeAs(DIRECTOR, condition, Map.of("progressReport", "Done.", "note", "x")))
        .isInstanceOf(FormFieldValidationException.class);

    assertThat(reload(condition).getStatus()).isEqualTo(Status.OPEN);
    assertThat(steps(condition)).containsExactly("TRACKED");
    assertThat(instance(condition)).isWaitingAt(TASK_REPORT_PROGRESS);
  }

  @Test
  void anotherAgencysDirectorCannotReportAndOmbCannotDecideWithoutAReason() {
    DesignationCondition condition = tracked("Publish service-level data quarterly.");

    assertThatThrownBy(() -> completeAs(OTHER_DIRECTOR, condition, Map.of("progressReport", "Not mine.")))
        .isInstanceOf(AuthorizationException.class);
    completeAs(DIRECTOR, condition, Map.of("progressReport", "Done."));
    assertThatThrownBy(() -> completeAs(OMB, condition, Map.of("conditionDecision", "MET")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("why the condition is met");
    assertThatThrownBy(() -> completeAs(OMB, condition, Map.of("conditionDecision", "PERHAPS",
        "conditionReason", "x"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'PERHAPS' is not one of [MET, NOT_MET, MORE_PROGRESS]");

    assertThat(reload(condition).getStatus()).isEqualTo(Status.REPORTED);
    assertThat(steps(condition)).containsExactly("TRACKED", "PROGRESS_REPORTED");
  }

  @Test
  void ombsConditionsAndTheirDueDateAreCheckedBeforeAnythingIsStored() {
    String designation = designated("HHS", null);
    LocalDate effective = effectiveDate(designation);

    assertThatThrownBy(() -> conditions.track(designation, "A.", effective, OMB))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("after the effective date");
    LocalDate weekend = TestDates.nonBusinessDay(effective.plusDays(30));
    assertThatThrownBy(() -> conditions.track(designation, "A.", weekend, OMB))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("business day");
    assertThatThrownBy(() -> conditions.track(designation, "A.", TestDates.businessDay(effective.plusYears(6)), OMB))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("(within five years)");
    assertThatThrownBy(() -> conditions.track(designation, "x\n".repeat(21), null, OMB))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 20 conditions");

    assertThat(repository.findByDesignationIdOrderByIdAsc(designation)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(designation).count()).isZero();
  }

  @Test
  void theOpenConditionsOfASupersededQsmoAreWithdrawnAndTheirProcessesEnd() {
    DesignationCondition condition = tracked("Publish service-level data quarterly.");
    completeAs(DIRECTOR, condition, Map.of("progressReport", "Started."));
    String instance = reload(condition).getProcessInstanceId();

    conditions.withdrawOpen(condition.getDesignationId(), "DSG-SUCCESSOR", OMB);

    assertThat(reload(condition).getStatus()).isEqualTo(Status.WITHDRAWN);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(steps(condition)).containsExactly("TRACKED", "PROGRESS_REPORTED", "WITHDRAWN");
    assertThatThrownBy(() -> conditions.attachEvidence(condition.getId(), gov.qsmo.workflow.shared.Upload.ofText(
        "late.txt", "Late."), DIRECTOR)).hasMessageContaining("withdrawn");
  }

  // ---------------------------------------------------------------- set-up

  /** A designated QSMO of this agency (effective today), with one board condition when text is given. */
  private String designated(String agency, String boardCondition) {
    String id = TestDesignations.designated(jdbc, "GRANTS", agency, null);
    if (boardCondition != null) {
      repository.save(DesignationCondition.ofBoard(id, null, boardCondition));
    }
    return id;
  }

  private LocalDate effectiveDate(String designation) {
    return jdbc.queryForObject("select effective_date from qsmo.designation where id = ?", LocalDate.class,
        designation);
  }

  private DesignationCondition tracked(String text) {
    String designation = designated("HHS", text);
    return conditions.track(designation, null, null, OMB).get(0);
  }

  private DesignationCondition reload(DesignationCondition condition) {
    return conditions.require(condition.getId());
  }

  private ProcessInstance instance(DesignationCondition condition) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(reload(condition).getProcessInstanceId())
        .singleResult();
  }

  private Task task(DesignationCondition condition) {
    return taskService.createTaskQuery().processInstanceId(reload(condition).getProcessInstanceId()).singleResult();
  }

  private org.camunda.bpm.engine.runtime.Job timer(DesignationCondition condition) {
    return managementService.createJobQuery().processInstanceId(reload(condition).getProcessInstanceId()).timers()
        .singleResult();
  }

  private List<String> steps(DesignationCondition condition) {
    return events.findByConditionIdOrderByIdAsc(condition.getId(), PageRequest.of(0, 50)).stream()
        .map(ConditionEvent::getAction).toList();
  }

  private void completeAs(String user, DesignationCondition condition, Map<String, Object> values) {
    TestDesignations.completeAs(identityService, taskService, user, task(condition).getId(), values);
  }

}
