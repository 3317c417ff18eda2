package gov.qsmo.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.HttpClientForTests;
import gov.qsmo.workflow.RunningApplicationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person in Tasklist: signs in, opens a task, reads its Camunda Form, makes a mistake, completes it. */
@RunningApplicationTest
class TasklistBrowserIT {

  @LocalServerPort
  int port;

  @Test
  void ombDeciderPreDesignatesACandidateInTasklist() {
    String baseUrl = "http://localhost:" + port;
    HttpClientForTests http = new HttpClientForTests(port);
    var started = http.post("omb.analyst", "/engine-rest/process-definition/key/qsmo-designation/submit-form",
        Map.of("variables", Map.of(
            "functionalAreaCode", Map.of("value", "HR"),
            "agencyCode", Map.of("value", "OPM"),
            "scope", Map.of("value", "Compensation, work schedule and leave for civilian agencies."),
            "planDueDate", Map.of("value", LocalDate.now().plusMonths(6).toString())))).json();
    String designationId = started.path("businessKey").asText();
    String taskId = http.get("omb.decider", "/engine-rest/task?processInstanceId=" + started.path("id").asText())
        .json().get(0).path("id").asText();

    try (Browser browser = Browser.start("pre-designation")) {
      browser.logIntoTasklist(baseUrl, "omb.decider");
      browser.visible(By.xpath("//a[contains(normalize-space(), 'OMB decisions')]"));
      browser.screenshot("filters");

      browser.open(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
      browser.waitForText(By.cssSelector(".fjs-form"), designationId);
      assertThat(browser.visible(By.cssSelector(".fjs-form")).getText())
          .contains("Pre-designate candidate agency")
          .contains("Civilian HR transaction services")
          .contains("Office of Personnel Management")
          .contains("Compensation, work schedule and leave for civilian agencies.");
      browser.screenshot("form");

      // Tasklist keeps a group task's form read-only until someone claims it.
      browser.clickable(By.xpath("//a[normalize-space()='Claim'] | //button[normalize-space()='Claim']")).click();
      Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(http.get("omb.decider", "/engine-rest/task/" + taskId).json().path("assignee").asText())
              .isEqualTo("omb.decider"));

      // Declining without a reason: the server refuses, Tasklist shows why, the task stays open.
      browser.clickable(By.xpath("//label[contains(., 'Decline')]")).click();
      browser.clickable(By.xpath("//button[normalize-space()='Complete']")).click();
      browser.waitForText(By.tagName("body"), "Give the reason for declining");
      browser.screenshot("refused-without-reason");
      assertThat(http.get("auditor", "/api/designations/" + designationId).json().path("status").asText())
          .isEqualTo("IDENTIFIED");

      browser.clickable(By.xpath("//label[contains(., 'Pre-designate the candidate agency')]")).click();
      browser.press(By.xpath("//button[normalize-space()='Complete']"));
      browser.waitForText(By.tagName("body"), "Select a task in the list");
      browser.screenshot("completed");
    }

    assertThat(http.get("auditor", "/api/designations/" + designationId).json().path("status").asText())
        .isEqualTo("PRE_DESIGNATED");
  }
}
