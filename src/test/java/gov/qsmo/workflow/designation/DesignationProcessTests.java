package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Elements.END_CANDIDATE_DECLINED;

import static gov.qsmo.workflow.designation.DesignationProcess.Elements.START_DESIGNATION_REQUESTED;
import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN;
import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.identity.Roles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** One path each through the first stage of {@code qsmo-designation}, on PostgreSQL. */
@ProcessEngineTest
class DesignationProcessTests {

  /** One proposed service offering, as a line of the plan form. */
  static final String OFFERING = "Grants system | federal | HHS GrantSolutions | Interagency agreement";

  @Autowired
  ProcessEngine engine;
  @Autowired
  gov.qsmo.workflow.calendar.BusinessCalendar calendar;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  DesignationService designations;
  @Autowired
  ManagementService managementService;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void identifiedCandidateWaitsForOmbPreDesignationWithTheDesignationIdAsBusinessKey() {
    ProcessInstance instance = start("GRANTS", "HHS");

    assertThat(instance).isStarted().hasPassed(START_DESIGNATION_REQUESTED).isWaitingAt(TASK_PRE_DESIGNATE_CANDIDATE);
    assertThat(task(instance)).hasCandidateGroup(Roles.OMB_DECIDERS);
    Designation designation = designations.require(instance.getBusinessKey());
    assertThat(designation.getStatus()).isEqualTo(DesignationStatus.IDENTIFIED);
    assertThat(designation.getCreatedBy()).isEqualTo("test.analyst");
    assertThat(designation.getProcessInstanceId()).isEqualTo(instance.getId());
    assertThat(instance).variables()
        .containsEntry("designationId", designation.getId())
        .containsEntry("directorGroupId", "qsmo-directors-hhs")
        .doesNotContainKey("scope");
    // The task shows what OMB decides on, without putting the text into the process.
    assertThat(taskService.getVariablesLocal(task(instance).getId()))
        .containsEntry("agencyName", "Department of Health and Human Services")
        .containsEntry("scopeText", "Grants management solutions for all grant-making agencies.");
  }

  @Test
  void preDesignatedCandidateAgencysDirectorsReceiveThePlanTask() {
    ProcessInstance instance = start("GRANTS", "HHS");

    complete(task(instance), withVariables("decision", "PRE_DESIGNATE"));

    assertThat(instance).hasPassed(TASK_PRE_DESIGNATE_CANDIDATE).isWaitingAt(TASK_PREPARE_MARKETPLACE_PLAN);
    assertThat(task(instance)).hasCandidateGroup(Roles.directorsOf("HHS"));
    assertThat(designations.require(instance.getBusinessKey()).getStatus()).isEqualTo(DesignationStatus.PRE_DESIGNATED);
    assertThat(designations.history(instance.getBusinessKey())).extracting(DesignationEvent::getAction)
        .containsExactly("IDENTIFIED", "PRE_DESIGNATE");
  }

  @Test
  void declinedCandidateEndsTheProcessWithTheReasonRecorded() {
    ProcessInstance instance = start("FM", "GSA");

    complete(task(instance), withVariables("decision", "DECLINE", "decisionReason", "Treasury already leads this area."));

    assertThat(instance).isEnded().hasPassed(END_CANDIDATE_DECLINED).hasNotPassed(TASK_PREPARE_MARKETPLACE_PLAN);
    assertThat(designations.require(instance.getBusinessKey()).getStatus()).isEqualTo(DesignationStatus.DECLINED);
    assertThat(designations.history(instance.getBusinessKey())).last()
        .satisfies(event -> {
          assertThat(event.getAction()).isEqualTo("DECLINE");
          assertThat(event.getReason()).isEqualTo("Treasury already leads this area.");
        });
  }

  @Test
  void declineWithoutReasonIsRefusedAndChangesNothing() {
    ProcessInstance instance = start("FM", "GSA");
    Task task = task(instance);

    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("decision", "DECLINE")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("reason for declining");

    assertThat(instance).isWaitingAt(TASK_PRE_DESIGNATE_CANDIDATE);
    assertThat(designations.require(instance.getBusinessKey()).getStatus()).isEqualTo(DesignationStatus.IDENTIFIED);
    assertThat(designations.history(instance.getBusinessKey())).hasSize(1);
  }

  @Test
  void unknownDecisionIsRefused() {
    ProcessInstance instance = start("FM", "GSA");
    Task task = task(instance);

    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("decision", "MAYBE")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'MAYBE' is not one of [PRE_DESIGNATE, DECLINE]");
    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Decision is required");
  }

  @Test
  void unknownAgencyOrAreaOrPastDueDateStartsNothing() {
    long before = designations.all().size();

    assertThatThrownBy(() -> startWith(Map.of("agencyCode", "NOAGENCY")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Unknown agency 'NOAGENCY'");
    assertThatThrownBy(() -> startWith(Map.of("functionalAreaCode", "TRAVEL")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Unknown functional area 'TRAVEL'");
    assertThatThrownBy(() -> startWith(Map.of("planDueDate", "2020-01-01")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("must be after today");
    assertThatThrownBy(() -> startWith(Map.of("planDueDate", "next spring")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("is not a date");
    assertThatThrownBy(() -> startWith(Map.of("scope", 42)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Scope must be text");
    assertThatThrownBy(() -> startWith(Map.of("scope", "x".repeat(4001))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("at most 4000");
    assertThatThrownBy(() -> startWith(Map.of("scope", "nul\u0000byte")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("control character");

    assertThat(designations.all()).hasSize((int) before);
  }

  @Test
  void aPlanDueDateOnAHolidayOrWeekendIsRefusedWithTheNextBusinessDayNamed() {
    long before = designations.all().size();
    LocalDate today = LocalDate.now();
    // Christmas is never a business day (on a Saturday it is still a Saturday): the next one after today.
    LocalDate christmas = LocalDate.of(today.getYear(), 12, 25).isAfter(today)
        ? LocalDate.of(today.getYear(), 12, 25) : LocalDate.of(today.getYear() + 1, 12, 25);
    LocalDate afterChristmas = gov.qsmo.workflow.calendar.TestDates.businessDay(christmas.plusDays(1));
    assertThatThrownBy(() -> startWith(Map.of("planDueDate", christmas.toString())))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Plan due date " + christmas + " is not a business day")
        .hasMessageContaining("the next business day is " + afterChristmas);
    LocalDate saturday = today.plusWeeks(3).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
    assertThatThrownBy(() -> startWith(Map.of("planDueDate", saturday.toString())))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("(a Saturday); the next business day is "
            + gov.qsmo.workflow.calendar.TestDates.businessDay(saturday));
    assertThat(designations.all()).hasSize((int) before);
  }

  @Test
  void userTasksCarryTheirDeadlineAsDueDateOnABusinessDayAndTheirReminderAsFollowUpDate() {
    ProcessInstance instance = start("GRANTS", "HHS");
    Task decide = task(instance);
    // Ten business days (omb-decision) from today, at the end of the day; the reminder two business days before.
    LocalDate decideBy = calendar.addBusinessDays(calendar.today(), 10);
    assertThat(decide.getDueDate().toInstant()).isEqualTo(calendar.endOf(decideBy));
    assertThat(calendar.isBusinessDay(decideBy)).isTrue();
    assertThat(decide.getFollowUpDate().toInstant()).isEqualTo(calendar.addBusinessDays(decideBy, -2)
        .atTime(9, 0).atZone(calendar.zone()).toInstant());

    complete(decide, withVariables("decision", "PRE_DESIGNATE"));
    Task plan = task(instance);
    LocalDate due = designations.require(instance.getBusinessKey()).getPlanDueDate();
    assertThat(plan.getDueDate().toInstant()).isEqualTo(calendar.endOf(due));
    assertThat(calendar.isBusinessDay(plan.getDueDate().toInstant().atZone(calendar.zone()).toLocalDate())).isTrue();
    // The follow-up date is the director's reminder, the same instant as the reminder timer.
    assertThat(plan.getFollowUpDate()).isEqualTo(timer(instance, DesignationProcess.Elements.TIMER_PLAN_REMINDER_DUE)
        .getDuedate());
    // Tasklist sorts by the due date: the query the Due column uses finds it.
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).dueAfter(java.util.Date.from(
        calendar.endOf(due).minusSeconds(1))).count()).isEqualTo(1);
  }

  @Test
  void completePlanBecomesVersionOneAndGoesToTheBoard() {
    ProcessInstance instance = start("GRANTS", "HHS");
    complete(task(instance), withVariables("decision", "PRE_DESIGNATE"));

    complete(task(instance), withVariables(
        "serviceOfferings", "Grants management system | federal | HHS GrantSolutions | Interagency agreement",
        "acquisitionStrategy", "Blanket purchase agreements under the GSA schedule.",
        "governance", "Customer council of grant-making agencies.",
        "financialInfrastructure", "Fee for service.",
        "organization", "Program office in HHS.",
        "risks", "   "));

    assertThat(instance).hasPassed(DesignationProcess.Elements.BUSINESS_RULE_CHECK_PLAN_COMPLETENESS)
        .isWaitingAt(DesignationProcess.Elements.TASK_OPEN_REVIEW_ROUND);
    List<PlanVersion> versions = designations.planVersions(instance.getBusinessKey());
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0).getVersionNumber()).isEqualTo(1);
    assertThat(versions.get(0).sections())
        .containsEntry(PlanSection.GOVERNANCE, "Customer council of grant-making agencies.")
        .doesNotContainKey(PlanSection.RISKS)
        .hasSize(5);
    assertThat(designations.require(instance.getBusinessKey()).getStatus()).isEqualTo(DesignationStatus.PLAN_SUBMITTED);
  }

  @Test
  void incompletePlanGoesBackToTheDirectorWithWhatIsMissingAndItsTextFilledIn() {
    ProcessInstance instance = start("GRANTS", "HHS");
    complete(task(instance), withVariables("decision", "PRE_DESIGNATE"));

    complete(task(instance), withVariables(
        "serviceOfferings", OFFERING,
        "governance", "Customer council.",
        "risks", "Vendor lock-in."));

    assertThat(instance).hasPassed(DesignationProcess.Elements.BUSINESS_RULE_CHECK_PLAN_COMPLETENESS)
        .isWaitingAt(TASK_PREPARE_MARKETPLACE_PLAN)
        .hasNotPassed(DesignationProcess.Elements.TASK_OPEN_REVIEW_ROUND);
    Task returned = task(instance);
    assertThat(taskService.getVariableLocal(returned.getId(), "missingSectionsText"))
        .isEqualTo("Acquisition strategy, Financial infrastructure, Organization");
    assertThat(taskService.getVariables(returned.getId()))
        .containsEntry("serviceOfferings", OFFERING)
        .containsEntry("risks", "Vendor lock-in.");
    assertThat(designations.require(instance.getBusinessKey()).getStatus()).isEqualTo(DesignationStatus.PRE_DESIGNATED);
    assertThat(designations.history(instance.getBusinessKey())).last().satisfies(event -> {
      assertThat(event.getAction()).isEqualTo("PLAN_RETURNED_INCOMPLETE");
      assertThat(event.getReason()).contains("Acquisition strategy, Financial infrastructure, Organization");
    });

    complete(returned, withVariables(
        "acquisitionStrategy", "GSA schedule.",
        "financialInfrastructure", "Fee for service.",
        "organization", "HHS program office."));

    assertThat(instance).isWaitingAt(DesignationProcess.Elements.TASK_OPEN_REVIEW_ROUND);
    List<PlanVersion> versions = designations.planVersions(instance.getBusinessKey());
    assertThat(versions).extracting(PlanVersion::getVersionNumber).containsExactly(1, 2);
    assertThat(versions.get(0).sections()).hasSize(3);
    assertThat(versions.get(1).sections()).hasSize(6)
        .containsEntry(PlanSection.SERVICE_OFFERINGS, OFFERING)
        .containsEntry(PlanSection.ORGANIZATION, "HHS program office.");
  }

  @Test
  void reminderDateMovesThePlanTaskUpWithoutInterruptingIt() {
    ProcessInstance instance = preDesignated("GRANTS", "HHS");
    Job reminder = timer(instance, DesignationProcess.Elements.TIMER_PLAN_REMINDER_DUE);
    Designation designation = designations.require(instance.getBusinessKey());
    assertThat(reminder.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalDateTime())
        .isEqualTo(calendar.addBusinessDays(designation.getPlanDueDate(), -10).atTime(9, 0));
    assertThat(calendar.isBusinessDay(reminder.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate()))
        .isTrue();

    execute(reminder);

    assertThat(instance).hasPassed(DesignationProcess.Elements.TASK_REMIND_DIRECTOR)
        .isWaitingAt(TASK_PREPARE_MARKETPLACE_PLAN);
    assertThat(task(instance).getPriority()).isEqualTo(80);
    assertThat(task(instance).getFollowUpDate()).isNotNull();
    assertThat(designations.history(instance.getBusinessKey())).last()
        .satisfies(event -> assertThat(event.getAction()).isEqualTo("PLAN_REMINDER_SENT"));
  }

  @Test
  void overduePlanExtendedByOmbGoesBackToTheDirectorWithTheNewDueDate() {
    ProcessInstance instance = preDesignated("GRANTS", "HHS");
    Job overdue = timer(instance, DesignationProcess.Elements.TIMER_PLAN_OVERDUE);
    LocalDate due = designations.require(instance.getBusinessKey()).getPlanDueDate();
    assertThat(overdue.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalDateTime())
        .isEqualTo(due.atTime(23, 59, 59));

    execute(overdue);

    assertThat(instance).isWaitingAt(DesignationProcess.Elements.TASK_RESOLVE_OVERDUE_PLAN)
        .hasNotPassed(DesignationProcess.Elements.TASK_REMIND_DIRECTOR);
    assertThat(task(instance)).hasCandidateGroup(Roles.OMB_DECIDERS);
    Task resolve = task(instance);
    assertThatThrownBy(() -> taskService.complete(resolve.getId(), Map.of("overdueResolution", "EXTEND",
        "newPlanDueDate", due.minusDays(1).toString())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("must be after today");

    LocalDate extended = gov.qsmo.workflow.calendar.TestDates.businessDay(due.plusMonths(2));
    complete(resolve, withVariables("overdueResolution", "EXTEND", "newPlanDueDate", extended.toString(),
        "resolutionReason", "Agency asked for time to finish its acquisition strategy."));

    assertThat(instance).isWaitingAt(TASK_PREPARE_MARKETPLACE_PLAN);
    assertThat(designations.require(instance.getBusinessKey()).getPlanDueDate()).isEqualTo(extended);
    assertThat(instance).variables().containsEntry("planDueDate", extended.toString())
        .doesNotContainKey("resolutionReason");
    assertThat(timer(instance, DesignationProcess.Elements.TIMER_PLAN_OVERDUE).getDuedate().toInstant()
        .atZone(ZoneId.systemDefault()).toLocalDate()).isEqualTo(extended);
    assertThat(designations.history(instance.getBusinessKey())).last().satisfies(event -> {
      assertThat(event.getAction()).isEqualTo("PLAN_DUE_DATE_EXTENDED");
      assertThat(event.getReason()).contains(due + " to " + extended);
    });
  }

  @Test
  void overduePlanWithdrawnByOmbEndsThePreDesignation() {
    ProcessInstance instance = preDesignated("FM", "TREAS");
    execute(timer(instance, DesignationProcess.Elements.TIMER_PLAN_OVERDUE));
    Task resolve = task(instance);

    assertThatThrownBy(() -> taskService.complete(resolve.getId(), Map.of("overdueResolution", "WITHDRAW")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reason for withdrawing");

    complete(resolve, withVariables("overdueResolution", "WITHDRAW", "resolutionReason", "No plan after a year."));

    assertThat(instance).isEnded().hasPassed(DesignationProcess.Elements.END_PRE_DESIGNATION_WITHDRAWN);
    assertThat(designations.require(instance.getBusinessKey()).getStatus()).isEqualTo(DesignationStatus.WITHDRAWN);
  }

  @Test
  void deletingAnInstanceIsNotBlockedByTheFormChecksAndCancelsTheDesignation() {
    ProcessInstance instance = start("CYBER", "DHS");

    runtimeService.deleteProcessInstance(instance.getId(), "entered by mistake");

    assertThat(instance).isEnded();
    assertThat(designations.require(instance.getBusinessKey()).getStatus()).isEqualTo(DesignationStatus.CANCELLED);
    assertThat(designations.history(instance.getBusinessKey())).last()
        .satisfies(event -> assertThat(event.getReason()).isEqualTo("entered by mistake"));
  }

  @Test
  void aSubmissionCannotRedirectTheProcessToAnotherDesignationOrAgency() {
    ProcessInstance other = start("ACQ", "GSA");
    ProcessInstance instance = start("GRANTS", "HHS");
    Task task = task(instance);

    assertThatThrownBy(() -> taskService.complete(task.getId(),
        Map.of("decision", "PRE_DESIGNATE", "designationId", other.getBusinessKey())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'designationId' is set by the process");
    assertThatThrownBy(() -> taskService.complete(task.getId(),
        Map.of("decision", "PRE_DESIGNATE", "directorGroupId", Roles.QSMO_DIRECTORS)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'directorGroupId' is set by the process");
    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("decision", "PRE_DESIGNATE", "note", "x")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'note' is not a field of this form");
    assertThatThrownBy(() -> startWith(Map.of("designationId", "DSG-2026-0001")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'designationId' is not a field");

    assertThat(instance).isWaitingAt(TASK_PRE_DESIGNATE_CANDIDATE);
    assertThat(designations.require(other.getBusinessKey()).getStatus()).isEqualTo(DesignationStatus.IDENTIFIED);
    assertThat(designations.require(instance.getBusinessKey()).getStatus()).isEqualTo(DesignationStatus.IDENTIFIED);
  }

  private ProcessInstance preDesignated(String area, String agency) {
    ProcessInstance instance = start(area, agency);
    complete(task(instance), withVariables("decision", "PRE_DESIGNATE"));
    return instance;
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
  }

  private ProcessInstance start(String area, String agency) {
    return startWith(Map.of("functionalAreaCode", area, "agencyCode", agency));
  }

  private ProcessInstance startWith(Map<String, Object> overrides) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        "functionalAreaCode", "GRANTS",
        "agencyCode", "HHS",
        "scope", "Grants management solutions for all grant-making agencies.",
        "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString()));
    variables.putAll(overrides);
    identityService.setAuthentication("test.analyst", List.of(Roles.OMB_ANALYSTS));
    try {
      return runtimeService.startProcessInstanceByKey(DesignationProcess.KEY, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
