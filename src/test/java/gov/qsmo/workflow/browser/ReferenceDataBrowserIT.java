package gov.qsmo.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.RunningApplicationTest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OMB adds a new QSMO area in Tasklist, and an analyst starts a designation for it in Tasklist straight
 * after: no release, no restart, no deployment by hand.
 */
@RunningApplicationTest
class ReferenceDataBrowserIT {

  @LocalServerPort
  int port;

  @Test
  void ombAddsTheAreaTravelAndAnAnalystStartsADesignationForItInTasklist() {
    String baseUrl = "http://localhost:" + port;
    HttpTestClient http = new HttpTestClient(port);
    assertThat(http.get("auditor", "/api/functional-areas/TRAVEL").status()).as("no Travel area yet").isEqualTo(404);

    try (Browser browser = Browser.start("reference-data")) {
      browser.logIntoTasklist(baseUrl, "omb.decider");
      startProcess(browser, "Change program reference data");
      browser.press(By.xpath("//label[contains(., 'Add a functional area')]"));
      browser.type(By.xpath("//label[starts-with(normalize-space(), 'Code')]/following::input[1]"), "TRAVEL");
      browser.type(By.xpath("//label[starts-with(normalize-space(), 'Name')]/following::input[1]"), "Travel");
      browser.type(By.xpath("//label[starts-with(normalize-space(), 'Description')]/following::textarea[1]"),
          "Travel booking, travel card and expense services for civilian agencies.");
      browser.screenshot("add-travel");
      browser.shoot("tasklist-change-reference-data");
      browser.press(By.xpath("//button[normalize-space()='Start']"));
      browser.waitForText(By.tagName("body"), "Select a task in the list");
    }
    assertThat(http.get("auditor", "/api/functional-areas/TRAVEL").json().path("name").asText()).isEqualTo("Travel");

    try (Browser browser = Browser.start("designation-for-travel")) {
      browser.logIntoTasklist(baseUrl, "omb.analyst");
      startProcess(browser, "QSMO designation");
      choose(browser, "Functional area", "Travel");
      choose(browser, "Candidate agency", "General Services Administration");
      browser.type(By.xpath("//label[starts-with(normalize-space(), 'Scope')]/following::textarea[1]"),
          "Travel management services for civilian agencies.");
      LocalDate due = LocalDate.now().plusMonths(4);
      due = gov.qsmo.workflow.calendar.TestDates.businessDay(due);
      var date = browser.visible(By.xpath("//label[contains(., 'Plan due date')]/following::input[1]"));
      date.click();
      date.sendKeys(due.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.TAB);
      browser.screenshot("start-form");
      browser.shoot("tasklist-start-designation");
      browser.press(By.xpath("//button[normalize-space()='Start']"));
      browser.waitForText(By.tagName("body"), "Select a task in the list");
    }
    var designations = http.get("auditor", "/api/designations").json();
    assertThat(designations.findValuesAsText("functionalAreaCode")).contains("TRAVEL");
  }

  private static void startProcess(Browser browser, String name) {
    browser.press(By.xpath("//a[contains(., 'Start process')] | //button[contains(., 'Start process')]"));
    browser.press(By.xpath("//*[contains(@class, 'modal')]//a[normalize-space()='" + name + "']"));
    browser.visible(By.cssSelector(".fjs-form"));
  }

  /** Picks an option of a searchable select by typing part of its label. */
  private static void choose(Browser browser, String label, String option) {
    By input = By.xpath("//label[starts-with(normalize-space(), '" + label + "')]/following::input[1]");
    browser.press(input);
    browser.visible(input).sendKeys(option);
    browser.clickable(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space()='" + option + "']"))
        .click();
    browser.visible(input).sendKeys(Keys.TAB);
  }
}
