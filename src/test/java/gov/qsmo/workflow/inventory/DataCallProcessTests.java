package gov.qsmo.workflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.calendar.TestDates;
import gov.qsmo.workflow.designation.TestDesignations;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.notification.EscalationPaths;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A systems inventory data call, one path each: issued to chosen agencies, each answering in a task of its own (due at
 * the end of the due date, reminded before it); answered in the form; corrected (a new version, the old kept); late
 * and told to the QSMO's directors; and what is refused (another agency's contact, a director of another QSMO, a bad
 * line, a due date on a weekend).
 */
@ProcessEngineTest
class DataCallProcessTests {

  static final String DIRECTOR = "test.inventory.director.hhs";
  static final String OTHER_DIRECTOR = "test.inventory.director.dhs";
  static final String LABOR = "test.inventory.dol";
  static final String EDUCATION = "test.inventory.ed";
  static final String LINES = String.join("\n",
      "Grants payment system | Payments; Reporting | Acme Federal | Commercial cloud | 2027-09-30 | 1250000 | Move to "
          + "the QSMO's payments offering | 2028-03-31",
      "Legacy grants ledger | Accounting | In-house | On premises |  | 300000 |  | ");

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
  DataCallService dataCalls;
  @Autowired
  InventoryQueries queries;
  @Autowired
  BusinessCalendar calendar;
  @Autowired
  List<EscalationPaths> escalationPaths;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    identitySetup.ensureUser(DIRECTOR, "Test", "Director HHS", "pw", Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS"));
    identitySetup.ensureUser(OTHER_DIRECTOR, "Test", "Director DHS", "pw", Roles.QSMO_DIRECTORS,
        Roles.directorsOf("DHS"));
    identitySetup.ensureUser(LABOR, "Test", "Labor contact", "pw", Roles.INVENTORY_CONTACTS,
        Roles.inventoryContactsOf("DOL"));
    identitySetup.ensureUser(EDUCATION, "Test", "Education contact", "pw", Roles.INVENTORY_CONTACTS,
        Roles.inventoryContactsOf("ED"));
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void eachAgencyAskedAnswersInATaskOfItsOwnAndTheConsolidatedInventoryHoldsTheirLatestVersions()
      throws java.io.IOException {
    DataCall call = issued("DOL", "ED");
    ProcessInstance dataCall = runtimeService.createProcessInstanceQuery()
        .processInstanceId(call.getProcessInstanceId()).singleResult();
    runJobs(call);

    assertThat(dataCall).isWaitingAt(InventoryProcess.Elements.CALL_AGENCY_INVENTORIES);
    Task labor = task(call, "DOL");
    assertThat(labor).hasCandidateGroup(Roles.inventoryContactsOf("DOL"));
    assertThat(labor.getName()).startsWith("Submit systems inventory: ").endsWith("(" + call.getId() + ")");
    assertThat(labor.getDueDate().toInstant()).isEqualTo(calendar.endOf(call.getDueDate()));
    assertThat(labor.getFollowUpDate()).isBefore(labor.getDueDate());
    assertThat(taskService.getVariableLocal(labor.getId(), InventoryProcess.TaskDisplay.DATA_CALL_FACTS))
        .asString().contains("Financial systems inventory");

    // Education's contact cannot answer for Labor; a bad line refuses the whole answer.
    assertThatThrownBy(() -> completeAs(EDUCATION, labor, LINES)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> completeAs(LABOR, labor, "Grants payment system | Payments | Acme | Moon | | -5 | |"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("row 1")
        .hasMessageContaining("annual_cost");
    assertThat(dataCalls.agency(call.getId(), "DOL").latestVersion()).isNull();

    completeAs(LABOR, labor, LINES);
    runJobs(call);
    completeAs(EDUCATION, task(call, "ED"), "Student aid ledger | Accounting | Treasury | Shared service provider | "
        + "2029-10-15 | 80000 | | ");
    runJobs(call);

    assertThat(dataCall).isEnded().hasPassed(InventoryProcess.Elements.END_EVERY_AGENCY_ANSWERED);
    assertThat(dataCalls.progress(call.getId())).isEqualTo(new DataCallService.Progress(2, 2, 0));
    List<InventoryQueries.SystemRow> all = queries.consolidated(call.getId(), 0, 100);
    assertThat(all).extracting(InventoryQueries.SystemRow::systemName)
        .containsExactly("Grants payment system", "Legacy grants ledger", "Student aid ledger");
    InventoryQueries.Summary summary = queries.summary(call.getId(), dataCalls.progress(call.getId()));
    assertThat(summary.systems()).isEqualTo(3);
    assertThat(summary.annualCost()).isEqualByComparingTo("1630000");
    assertThat(summary.byFunction()).extracting(InventoryQueries.Count::label).contains("Accounting", "Payments");
    assertThat(summary.contractsEndingByFiscalYear()).extracting(InventoryQueries.Count::label)
        .containsExactly("FY 2027", "FY 2030");

    // A correction is a new version; the first stays on record; the consolidated inventory holds the latest.
    int version = dataCalls.submit(call.getId(), "DOL", InventoryCsv.parseLines(
        "Grants payment system | Payments | Acme Federal | Commercial cloud | 2027-09-30 | 1300000 | | "), "API",
        new Caller(LABOR, Set.of(Roles.INVENTORY_CONTACTS, Roles.inventoryContactsOf("DOL"))));
    assertThat(version).isEqualTo(2);
    assertThat(queries.ofAgency(call.getId(), "DOL", 1)).hasSize(2);
    assertThat(queries.ofAgency(call.getId(), "DOL", null)).singleElement()
        .satisfies(row -> assertThat(row.annualCost()).isEqualByComparingTo("1300000"));
    assertThat(queries.consolidated(call.getId(), 0, 100)).hasSize(2);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    queries.csv(call.getId(), out);
    String csv = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFagency_code,version,system_name");
    assertThat(csv.lines().skip(1).toList()).as("every agency's latest version, by agency and row")
        .hasSize(2).satisfies(lines -> {
          assertThat(lines.get(0)).startsWith("DOL,2,Grants payment system");
          assertThat(lines.get(1)).startsWith("ED,1,Student aid ledger");
        });
  }

  @Test
  void anAgencyThatHasNotAnsweredByTheDueDateIsLateAndTheQsmosDirectorsAreItsEscalation() {
    DataCall call = issued("DOL", "ED");
    runJobs(call);
    completeAs(EDUCATION, task(call, "ED"), "Student aid ledger | Accounting | Treasury | Shared service provider | | "
        + "| | ");
    // The due date has passed (moved back, as if time had gone by); Education had answered before it.
    jdbc.update("update qsmo.data_call set due_date = ? where id = ?", java.sql.Date.valueOf(
        calendar.today().minusDays(3)), call.getId());
    jdbc.update("update qsmo.data_call_agency set first_submitted_at = now() - interval '10 days' "
        + "where data_call_id = ? and agency_code = 'ED'", call.getId());

    assertThat(dataCalls.progress(call.getId())).isEqualTo(new DataCallService.Progress(2, 1, 1));
    assertThat(dataCalls.agency(call.getId(), "DOL").late()).isTrue();
    assertThat(dataCalls.agency(call.getId(), "ED").late()).isFalse();
    EscalationPaths.Resolvers resolvers = escalationPaths.stream()
        .map(p -> p.resolversOf(new EscalationPaths.OverdueTask(InventoryProcess.RESPONSE_KEY,
            InventoryProcess.Elements.TASK_SUBMIT_INVENTORY, call.getId())))
        .flatMap(java.util.Optional::stream).findFirst().orElseThrow();
    assertThat(resolvers.groups()).containsExactly(Roles.directorsOf("HHS"));
  }

  @Test
  void onlyTheQsmosDirectorsIssueADataCallDueOnABusinessDay() {
    String designation = TestDesignations.designated(jdbc, "FM", "HHS", null);
    LocalDate saturday = calendar.today().plusWeeks(3).with(java.time.temporal.TemporalAdjusters.next(
        java.time.DayOfWeek.SATURDAY));
    DataCallService.Request request = new DataCallService.Request("Financial systems inventory", null,
        TestDates.businessDay(calendar.today().plusWeeks(4)), List.of("DOL"));

    assertThatThrownBy(() -> dataCalls.issue(designation, request, caller(OTHER_DIRECTOR, "DHS")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> dataCalls.issue(designation, new DataCallService.Request("Inventory", null, saturday,
        List.of("DOL")), caller(DIRECTOR, "HHS"))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not a business day");
    assertThatThrownBy(() -> dataCalls.issue(designation, new DataCallService.Request("Inventory", null,
        request.dueDate(), List.of("NOPE")), caller(DIRECTOR, "HHS"))).isInstanceOf(InvalidRequestException.class);
    assertThat(dataCalls.of(designation, 0, 10)).isEmpty();
  }

  @Test
  void aCallToEveryAgencyIsRefusedWhenMoreAreActiveThanOneCallAsks() {
    String designation = TestDesignations.designated(jdbc, "FM", "HHS", null);
    long active = jdbc.queryForObject("select count(*) from qsmo.agency where retired_at is null", Long.class);
    int added = (int) Math.max(0, DataCallService.MAX_AGENCIES + 1 - active);
    jdbc.update("insert into qsmo.agency (code, name, short_name) select 'MANY' || g, 'Agency ' || g, 'A' || g "
        + "from generate_series(1, ?) g", added);
    try {
      assertThatThrownBy(() -> dataCalls.issue(designation, new DataCallService.Request("Every agency's systems",
          null, TestDates.businessDay(calendar.today().plusWeeks(4)), List.of()), caller(DIRECTOR, "HHS")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("a data call asks at most " + DataCallService.MAX_AGENCIES)
          .hasMessageContaining("name the agencies to ask");
      assertThat(dataCalls.of(designation, 0, 10)).as("nothing of the refused call is stored").isEmpty();
    } finally {
      jdbc.update("delete from qsmo.agency where code like 'MANY%'");
    }
  }

  // ---------------------------------------------------------------- set-up

  private DataCall issued(String... agencies) {
    String designation = TestDesignations.designated(jdbc, "FM", "HHS", null);
    return dataCalls.issue(designation, new DataCallService.Request("Financial systems inventory",
        "List every financial system, with its contract and cost.", TestDates.businessDay(calendar.today()
            .plusWeeks(4)), List.of(agencies)), caller(DIRECTOR, "HHS"));
  }

  private static Caller caller(String user, String agency) {
    return new Caller(user, Set.of(Roles.QSMO_DIRECTORS, Roles.directorsOf(agency)));
  }

  private Task task(DataCall call, String agency) {
    return taskService.createTaskQuery().processInstanceBusinessKey(call.getId())
        .processVariableValueEquals(InventoryProcess.Variables.AGENCY_CODE, agency).singleResult();
  }

  private void completeAs(String user, Task task, String lines) {
    Map<String, Object> values = new HashMap<>();
    values.put(InventoryProcess.Variables.INVENTORY_LINES, lines);
    TestDesignations.completeAs(identityService, taskService, user, task.getId(), values);
  }

  private void runJobs(DataCall call) {
    List<Job> due;
    while (!(due = managementService.createJobQuery().rootProcessInstanceId(call.getProcessInstanceId()).executable()
        .list()).isEmpty()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
