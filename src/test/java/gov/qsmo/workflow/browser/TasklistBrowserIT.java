package gov.qsmo.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.designation.BoardRecommendation;
import gov.qsmo.workflow.designation.BoardReviewService;
import gov.qsmo.workflow.designation.BoardRound;
import gov.qsmo.workflow.designation.DesignationService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** People in Tasklist: sign in, open a task, read its Camunda Form, make a mistake, complete it. */
@RunningApplicationTest
class TasklistBrowserIT {

  @LocalServerPort
  int port;

  @Autowired
  DesignationService designations;
  @Autowired
  BoardReviewService boardReview;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;

  @Test
  void ombDeciderPreDesignatesACandidateInTasklist() {
    String baseUrl = "http://localhost:" + port;
    HttpTestClient http = new HttpTestClient(port);
    var started = http.post("omb.analyst", "/engine-rest/process-definition/key/qsmo-designation/submit-form",
        Map.of("variables", Map.of(
            "functionalAreaCode", Map.of("value", "HR"),
            "agencyCode", Map.of("value", "OPM"),
            "scope", Map.of("value", "Compensation, work schedule and leave for civilian agencies."),
            "planDueDate", Map.of("value", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(6)).toString())))).json();
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
      browser.shoot("tasklist-pre-designate");

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

  @Test
  void boardMemberReviewsAPlanInTasklist() {
    String baseUrl = "http://localhost:" + port;
    // The demo's Treasury plan has gone to the board; open its round as the job executor would.
    String designationId = designations.all().stream().filter(d -> d.getAgencyCode().equals("TREAS"))
        .findFirst().orElseThrow().getId();
    String instanceId = designations.require(designationId).getProcessInstanceId();
    managementService.createJobQuery().processInstanceId(instanceId).executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).taskAssignee("board.dhs")
        .singleResult().getId();

    try (Browser browser = Browser.start("board-review")) {
      browser.logIntoTasklist(baseUrl, "board.dhs");
      browser.visible(By.xpath("//a[contains(normalize-space(), 'Plans to review')]"));
      browser.open(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
      browser.waitForText(By.cssSelector(".fjs-form"), "Review the Marketplace Implementation Plan");
      assertThat(browser.visible(By.cssSelector(".fjs-form")).getText())
          .contains(designationId)
          // The proposed service offerings, as a table.
          .contains("Treasury Administrative Resource Center (ARC)")
          .contains("Interior Business Center (IBC)")
          .contains("Not provided.");
      browser.screenshot("review-form");
      browser.shoot("tasklist-board-review");

      browser.type(By.xpath("//label[normalize-space()='Comment on Governance']/following::textarea[1]"),
          "Name the agencies on the customer council.");
      browser.press(By.xpath("//label[contains(., 'Endorse with conditions')]"));
      browser.press(By.xpath("//button[normalize-space()='Complete']"));
      browser.waitForText(By.tagName("body"), "State the conditions of your endorsement");
      browser.screenshot("refused-without-conditions");

      // Nothing was stored and the task is still open: add the conditions and vote again.
      browser.type(By.xpath("//label[normalize-space()='Proposed conditions']/following::textarea[1]"),
          "Publish service-level data every quarter.");
      browser.press(By.xpath("//button[normalize-space()='Complete']"));
      browser.waitForText(By.tagName("body"), "Select a task in the list");
      browser.screenshot("voted");
    }

    BoardRound round = boardReview.rounds(designationId).get(0);
    assertThat(boardReview.votes(round)).singleElement().satisfies(vote -> {
      assertThat(vote.getMemberId()).isEqualTo("board.dhs");
      assertThat(vote.getRecommendation()).isEqualTo(BoardRecommendation.ENDORSE_WITH_CONDITIONS);
      assertThat(vote.getProposedConditions()).isEqualTo("Publish service-level data every quarter.");
      assertThat(vote.getSectionComments()).containsEntry("governance", "Name the agencies on the customer council.");
    });
  }
}
