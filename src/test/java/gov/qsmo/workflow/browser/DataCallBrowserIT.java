package gov.qsmo.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.inventory.DataCallService;
import gov.qsmo.workflow.inventory.InventoryDemoData;
import gov.qsmo.workflow.inventory.InventoryProcess;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agency's point of contact answers a data call in Tasklist: Interior's inventory, found under the contact's
 * filter, a bad line refused with the row and column named, then the inventory submitted.
 */
@RunningApplicationTest
class DataCallBrowserIT {

  @LocalServerPort
  int port;

  @Autowired
  DataCallService dataCalls;
  @Autowired
  TaskService taskService;
  @Autowired
  org.camunda.bpm.engine.ManagementService managementService;

  @Test
  void interiorsContactSubmitsTheInventoryInTasklist() {
    String baseUrl = "http://localhost:" + port;
    // A data call of the demo's financial management QSMO to Interior (the demo's own stays as it is for others).
    var call = dataCalls.issue(InventoryDemoData.QSMO, new DataCallService.Request("Financial systems inventory, "
        + "browser check", null, gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now()
        .plusWeeks(2)), java.util.List.of("DOI")), new gov.qsmo.workflow.process.Caller("director.treas",
        java.util.Set.of(gov.qsmo.workflow.identity.Roles.QSMO_DIRECTORS,
            gov.qsmo.workflow.identity.Roles.directorsOf("TREAS"))));
    String dataCall = call.getId();
    // The call's fan-out, then the agency's instance (a job each; the test profile runs no job executor).
    java.util.List<org.camunda.bpm.engine.runtime.Job> due;
    while (!(due = managementService.createJobQuery().rootProcessInstanceId(call.getProcessInstanceId())
        .executable().list()).isEmpty()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(dataCall)
        .processVariableValueEquals(InventoryProcess.Variables.AGENCY_CODE, "DOI").singleResult().getId();

    try (Browser browser = Browser.start("data-call")) {
      browser.logIntoTasklist(baseUrl, "contact.doi");
      browser.visible(By.xpath("//a[contains(normalize-space(), 'Systems inventories to submit')]"));
      browser.open(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
      browser.waitForText(By.cssSelector(".fjs-form"), "Submit your agency's systems inventory");
      assertThat(browser.visible(By.cssSelector(".fjs-form")).getText()).contains(dataCall)
          .contains("Financial systems inventory");
      browser.screenshot("inventory-form");
      browser.shoot("tasklist-submit-systems-inventory");
      browser.clickable(By.xpath("//a[normalize-space()='Claim'] | //button[normalize-space()='Claim']")).click();

      browser.type(By.xpath("//label[contains(., 'Systems, one per line')]/following::textarea[1]"),
          "Interior Financial and Business Management System | Core accounting | Interior Business Center | Moon | "
              + "2028-09-30 | 5100000 | | ");
      browser.press(By.xpath("//button[normalize-space()='Complete']"));
      browser.waitForText(By.tagName("body"), "hosting");
      browser.screenshot("refused-hosting");

      browser.type(By.xpath("//label[contains(., 'Systems, one per line')]/following::textarea[1]"),
          "Interior Financial and Business Management System | Core accounting | Interior Business Center | "
              + "Shared service provider | 2028-09-30 | 5100000 | | ");
      browser.press(By.xpath("//button[normalize-space()='Complete']"));
      browser.waitForText(By.tagName("body"), "Select a task in the list");
      browser.screenshot("submitted");
    }

    // The QSMO's director reads the consolidated inventory of the demo's data call at a glance.
    String demo = dataCalls.of(InventoryDemoData.QSMO, 0, 50).stream()
        .filter(c -> c.getTitle().startsWith("Financial systems inventory, fiscal year")).findFirst().orElseThrow()
        .getId();
    try (Browser browser = Browser.start("inventory-page")) {
      browser.logIntoTasklist(baseUrl, "director.treas");
      browser.open(baseUrl + "/inventory/?dataCall=" + demo);
      browser.waitForText(By.id("status"), "Showing " + demo);
      String page = browser.visible(By.id("main")).getText();
      assertThat(page).contains("Systems by provider").contains("Contracts ending, by fiscal year")
          .contains("Acme Federal").contains("late")
          .as("hosting in words").contains("Shared service provider").doesNotContain("SHARED_SERVICE_PROVIDER");
      assertThat(browser.isPresent(By.cssSelector("#summary svg[role='img']"))).isTrue();
      assertThat(browser.seriousAccessibilityViolations("main")).isEmpty();
      browser.screenshot("inventory-summary");
      browser.shootPage("inventory-summary");
    }

    // An agency's point of contact sees their own agency's answer there, not the consolidated inventory.
    try (Browser browser = Browser.start("inventory-page-contact")) {
      browser.logIntoTasklist(baseUrl, "contact.dol");
      browser.open(baseUrl + "/inventory/?dataCall=" + demo);
      browser.waitForText(By.id("status"), "Showing your agency's answer");
      String page = browser.visible(By.id("main")).getText();
      assertThat(page).contains("Department of Labor").doesNotContain("Department of Education")
          .doesNotContain("Systems by provider");
      assertThat(browser.isPresent(By.cssSelector("section#summary:not([hidden])"))).isFalse();
      assertThat(browser.seriousAccessibilityViolations("main")).isEmpty();
      browser.screenshot("inventory-contact");
    }

    DataCallService.AgencyStatus interior = dataCalls.agency(dataCall, "DOI");
    assertThat(interior.latestVersion()).isEqualTo(1);
    assertThat(interior.systems()).isEqualTo(1);
    assertThat(interior.late()).as("answered before the due date").isFalse();
  }
}
