package gov.qsmo.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.designation.DesignationService;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist lists the demo's tasks with their due dates (the Camunda due date each user task carries). */
@RunningApplicationTest
class TaskDueDatesBrowserIT {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.US);

  @LocalServerPort
  int port;

  @Autowired
  DesignationService designations;
  @Autowired
  TaskService taskService;
  @Autowired
  BusinessCalendar calendar;

  @Test
  void theDemosTasksAreListedWithTheirDueDates() {
    String baseUrl = "http://localhost:" + port;
    // The demo's GSA acquisition candidate is pre-designated: its director owes the plan by its due date
    // (the oldest GSA plan task still open, should another test have moved the demo's on).
    Designation acquisition = null;
    Task plan = null;
    List<Designation> oldestFirst = new java.util.ArrayList<>(designations.all());
    java.util.Collections.reverse(oldestFirst);
    for (Designation candidate : oldestFirst) {
      if (candidate.getAgencyCode().equals("GSA") && candidate.getProcessInstanceId() != null) {
        plan = taskService.createTaskQuery().processInstanceId(candidate.getProcessInstanceId())
            .taskDefinitionKey(DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN).singleResult();
        if (plan != null) {
          acquisition = candidate;
          break;
        }
      }
    }
    assertThat(plan).as("an open GSA plan task (the demo's)").isNotNull();
    assertThat(plan.getDueDate().toInstant()).isEqualTo(calendar.endOf(acquisition.getPlanDueDate()));
    assertThat(calendar.isBusinessDay(acquisition.getPlanDueDate())).isTrue();
    // Tasklist shows the date in the browser's zone, the machine's, as the test profile's calendar: "Monday, 5 April 2027 23:59".
    String dueDay = DAY.format(plan.getDueDate().toInstant().atZone(ZoneId.systemDefault()));

    try (Browser browser = Browser.start("task-due-dates")) {
      browser.logIntoTasklist(baseUrl, "director.gsa");
      browser.clickable(By.xpath("//a[contains(normalize-space(), 'Marketplace plans to prepare')]")).click();
      WebElement card = browser.visible(By.xpath("//ol[contains(@class, 'tasks-list')]/li[.//h4//a[contains(., '"
          + acquisition.getId() + "')]]"));
      WebElement due = card.findElement(By.cssSelector(".due-date"));
      assertThat(due.getText()).startsWith("Due");
      assertThat(due.findElement(By.cssSelector("span[uib-tooltip]")).getAttribute("uib-tooltip")).contains(dueDay);
      browser.screenshot("plans-with-due-dates");

      // Every task in the list carries a due date.
      List<WebElement> cards = browser.visible(By.cssSelector("ol.tasks-list")).findElements(By.cssSelector("li.task"));
      assertThat(cards).isNotEmpty().allSatisfy(c -> assertThat(c.findElements(By.cssSelector(".due-date"))).hasSize(1));
    }
  }
}
