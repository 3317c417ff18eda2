package gov.qsmo.workflow.inventory;

import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.calendar.TestDates;
import gov.qsmo.workflow.demo.DemoSteps;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.shared.AdvisoryLock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's data call: the financial management QSMO (Treasury) asked Labor, Education and Interior for their
 * financial systems. Labor answered in the form, Education with a CSV file, and Interior is late (its due date has
 * passed): contact.doi's task is overdue and director.treas is its escalation. Created once.
 */
@Component
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
public class InventoryDemoData {

  private static final Logger log = LoggerFactory.getLogger(InventoryDemoData.class);

  /** The financial management QSMO at Treasury. */
  public static final String QSMO = "DSG-2020-0002";

  private final DataCallService dataCalls;
  private final BusinessCalendar calendar;
  private final DemoSteps steps;
  private final TaskService taskService;
  private final JdbcTemplate jdbc;
  private final AdvisoryLock startupLock;
  private final gov.qsmo.workflow.process.OfficeTime officeTime;

  InventoryDemoData(DataCallService dataCalls, BusinessCalendar calendar, DemoSteps steps, TaskService taskService,
      JdbcTemplate jdbc, AdvisoryLock startupLock, gov.qsmo.workflow.process.OfficeTime officeTime) {
    this.officeTime = officeTime;
    this.dataCalls = dataCalls;
    this.calendar = calendar;
    this.steps = steps;
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.startupLock = startupLock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(8)
  public void onReady() {
    startupLock.runExclusively(() -> {
      if (dataCalls.of(QSMO, 0, 1).isEmpty()) {
        create();
      }
    });
  }

  void create() {
    DataCall call = dataCalls.issue(QSMO, new DataCallService.Request("Financial systems inventory, fiscal year "
        + (calendar.today().getYear() + 1), "List every core financial, payment and grants accounting system your "
        + "agency runs, with its contract end date and yearly cost, and the plan to move it to a shared service.",
        TestDates.businessDay(calendar.today().plusWeeks(3)), List.of("DOL", "ED", "DOI")),
        new Caller("director.treas", Set.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("TREAS"))));
    steps.settle(call.getProcessInstanceId());
    steps.as("contact.dol", () -> taskService.complete(task(call, "DOL").getId(), Map.of(
        InventoryProcess.Variables.INVENTORY_LINES, String.join("\n",
            "Labor Financial Management System | Core accounting; Budget execution | Acme Federal | Commercial cloud "
                + "| 2027-09-30 | 4200000 | Move to the QSMO's core financial offering | 2028-10-01",
            "Labor payments hub | Payments | In-house | On premises | | 650000 | Retire after the move | 2028-12-31",
            "Grants accounting module | Grants accounting; Reporting | Acme Federal | Commercial cloud | 2027-09-30 "
                + "| 900000 | | "))));
    byte[] education = String.join("\r\n",
        "system_name,functions,provider,hosting,contract_end_date,annual_cost,modernization_plan,"
            + "modernization_target_date",
        "Education Central Automated Processing System,Core accounting;Payments,Treasury ARC,Shared service provider,"
            + "2029-03-31,\"1,800,000\",Already at a federal shared service provider,",
        "Student aid ledger,Accounting;Reporting,Blue Ridge Systems,Agency cloud,2026-12-31,350000,"
            + "\"Replace with the QSMO's offering, then retire\",2027-09-30").getBytes(StandardCharsets.UTF_8);
    dataCalls.submitAndCloseTask(call.getId(), "ED", InventoryCsv.parseCsv(education), "CSV",
        new Caller("contact.ed", Set.of(Roles.INVENTORY_CONTACTS, Roles.inventoryContactsOf("ED"))),
        () -> task(call, "ED"));
    steps.settle(call.getProcessInstanceId());
    // Interior has not answered, and its due date has passed: late, told to its contact and to the QSMO.
    java.time.LocalDate past = calendar.today().minusDays(1);
    while (!calendar.isBusinessDay(past)) {
      past = past.minusDays(1);
    }
    // One story in every record: issued four weeks before the due date, Labor and Education answered a week before
    // it, and the designation's history names the due date the call has now.
    java.time.Instant dueAt = calendar.endOf(past);
    java.sql.Timestamp issuedAt = java.sql.Timestamp.from(dueAt.minus(java.time.Duration.ofDays(28)));
    java.sql.Timestamp answeredAt = java.sql.Timestamp.from(dueAt.minus(java.time.Duration.ofDays(7)));
    jdbc.update("update qsmo.data_call set due_date = ?, created_at = ? where id = ?", java.sql.Date.valueOf(past),
        issuedAt, call.getId());
    jdbc.update("update qsmo.data_call_agency set first_submitted_at = ?, last_submitted_at = ? "
        + "where data_call_id = ? and first_submitted_at is not null", answeredAt, answeredAt, call.getId());
    jdbc.update("update qsmo.inventory_submission set submitted_at = ? where data_call_id = ?", answeredAt,
        call.getId());
    jdbc.update("update qsmo.designation_event set occurred_at = ?, reason = regexp_replace(reason, ', due .*$', ?) "
        + "where designation_id = ? and action = 'DATA_CALL_ISSUED' and reason like ?", issuedAt,
        ", due " + officeTime.date(past) + ".", QSMO, call.getId() + ":%");
    taskService.setDueDate(task(call, "DOI").getId(), java.util.Date.from(calendar.endOf(past)));
    log.info("Demo data call {} created: Labor and Education answered, Interior late (contact.doi)", call.getId());
  }

  private Task task(DataCall call, String agency) {
    return taskService.createTaskQuery().processInstanceBusinessKey(call.getId())
        .processVariableValueEquals(InventoryProcess.Variables.AGENCY_CODE, agency).singleResult();
  }
}
