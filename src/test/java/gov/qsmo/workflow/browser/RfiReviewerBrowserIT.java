package gov.qsmo.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.rfi.RfiDemoData;
import gov.qsmo.workflow.rfi.RfiProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reviewer in Tasklist: signs the attestation of the demo RFI on commercial grants-management
 * solutions, then scores a response: each criterion's fields are labelled with its name, the rating is
 * offered as the scale's levels with their definitions; a rationale of blanks passes the browser and is
 * refused by the server, its reason on screen; then the scores go in. Scoring stays blind: the reviewer
 * reads only their own scores.
 */
@RunningApplicationTest
class RfiReviewerBrowserIT {

  static final String REVIEWER = "reviewer1";
  static final String TITLE = "Request for Information: commercial grants-management solutions";
  static final String ORGANIZATION = "Acme Grants Cloud";
  /** The respondent reviewer1 declares a conflict with when signing. */
  static final String RECUSED_FROM = "Federal Grants Shared Services Center";
  static final String FILTER = "RFI responses to score";
  /** Valid ratings (scale 1 to 5) for the demo plan's four criteria. */
  static final int[] RATINGS = {2, 4, 3, 5};

  @LocalServerPort
  int port;

  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  org.camunda.bpm.engine.HistoryService historyService;
  @Autowired
  org.camunda.bpm.engine.IdentityService identityService;
  @Autowired
  RfiDemoData rfiDemo;

  @Test
  void reviewerSignsTheAttestationAndScoresAResponseInTasklist() {
    String baseUrl = "http://localhost:" + port;
    HttpTestClient http = new HttpTestClient(port);
    String rfiId = rfiTitled(http, TITLE);
    String instance = http.get("auditor", "/api/rfis/" + rfiId).json().path("processInstanceId").asText();
    // Before signing, reviewer1 sees no response of this RFI and has nothing to score.
    assertThat(http.get(REVIEWER, "/api/rfis/" + rfiId + "/responses").json().size()).isZero();
    assertThat(openTasks(instance, RfiProcess.Elements.TASK_SCORE_RESPONSE)).isEmpty();

    String scoreTaskId;
    String responseId;
    String conflictId;
    try (Browser browser = Browser.start("rfi-reviewer")) {
      browser.logIntoTasklist(baseUrl, REVIEWER);
      browser.clickable(filter()).click();
      browser.clickable(taskInList("Sign attestation", rfiId)).click();
      browser.waitForText(By.cssSelector(".fjs-form"), "Sign the conflict-of-interest and non-disclosure attestation");
      assertThat(browser.visible(By.cssSelector(".fjs-form")).getText())
          .contains(TITLE)
          .contains(rfiId)
          .contains("I attest that, as a member of the panel")
          .contains(ORGANIZATION)
          .doesNotContain("{{");
      browser.screenshot("attestation-form");

      // reviewer1 declares a conflict with another respondent's response: recused from it.
      conflictId = responseOf(http.get("panel.chair", "/api/rfis/" + rfiId + "/responses").json(), RECUSED_FROM);
      browser.press(field("Field_Attest"));
      browser.type(field("Field_ConflictResponseIds"), conflictId);
      browser.type(field("Field_ConflictStatement"), "I advised " + RECUSED_FROM + " on its bid last year.");
      browser.press(complete());
      browser.waitForText(By.tagName("body"), "Select a task in the list");
      browser.screenshot("attestation-signed");
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
          openTasks(instance, RfiProcess.Elements.TASK_SIGN_ATTESTATION).isEmpty());
      JsonNode me = member(http.get(REVIEWER, "/api/rfis/" + rfiId + "/panel").json(), REVIEWER);
      assertThat(me.path("attestedAt").isNull()).as("reviewer1's attestation: %s", me).isFalse();

      // The others of the panel attested in the demo data: with the job executor off in tests, run
      // what the process does next (leave the attestations, assign reviewers) as the executor would.
      runJobs(instance);
      // Should the recusal leave that response short of reviewers, the chair proceeds with fewer.
      for (Task shortfall : taskService.createTaskQuery().processInstanceBusinessKey(rfiId)
          .taskDefinitionKey(RfiProcess.Elements.TASK_REASSIGN_REVIEWERS).list()) {
        Response proceeded = http.submitForm("panel.chair", shortfall.getId(), Map.of("reassignAction", "PROCEED",
            "reassignReason", "The other reviewers suffice for " + RECUSED_FROM + "."));
        assertThat(proceeded.status()).as(proceeded.body()).isLessThan(300);
        runJobs(instance);
      }
      assertThat(openTasks(instance, RfiProcess.Elements.TASK_SCORE_RESPONSE)).as("reviewer1 scores nothing of "
          + RECUSED_FROM).noneMatch(t -> t.getAssignee().equals(REVIEWER) && t.getName().contains(RECUSED_FROM));
      // reviewer1 scores Acme's response (a proprietary one).
      Task scoreTask = openTasks(instance, RfiProcess.Elements.TASK_SCORE_RESPONSE).stream()
          .filter(t -> t.getName().contains(ORGANIZATION)).findFirst()
          .orElseThrow(() -> new AssertionError("No scoring task of " + ORGANIZATION + " for " + REVIEWER + "; open: "
              + taskService.createTaskQuery().processInstanceBusinessKey(rfiId).list().stream()
                  .map(t -> t.getTaskDefinitionKey() + "/" + t.getAssignee()).toList()));
      scoreTaskId = scoreTask.getId();
      responseId = responseOf(http.get(REVIEWER, "/api/rfis/" + rfiId + "/responses").json(), ORGANIZATION);
      assertThat(scoreTask.getName()).contains(responseId);

      // reviewer1 finds the new task in the same filter.
      browser.open(baseUrl + "/camunda/app/tasklist/default/");
      browser.clickable(filter()).click();
      browser.clickable(taskInList("Score RFI response", rfiId, ORGANIZATION)).click();
      browser.waitForText(By.cssSelector(".fjs-form"), "Score this response");
      browser.waitForText(By.cssSelector(".fjs-form"), responseId);
      assertThat(browser.visible(By.cssSelector(".fjs-form")).getText())
          .contains(TITLE)
          .contains("PROPRIETARY")
          .contains(ORGANIZATION + " offers")
          .contains("1. Commercial solutions (30%)")
          .contains("4. Acquisition strategy (20%)")
          .doesNotContain("{{");
      browser.screenshot("score-form");

      // Every field names its criterion; the rating is one of the scale's levels, each with its definition.
      String form = browser.visible(By.cssSelector(".fjs-form")).getText();
      assertThat(form).contains("Rating for 1. Commercial solutions").contains("Rationale for 4. Acquisition strategy")
          .contains("5 \u2013 ").doesNotContain("{{");
      assertThat(browser.isPresent(By.cssSelector(".fjs-form input[type='number']"))).as("no bare number box")
          .isFalse();
      for (int c = 1; c <= RATINGS.length; c++) {
        browser.press(level(c, RATINGS[c - 1]));
        browser.type(field("Field_Rationale" + c), c == 1 ? "   " : rationale(c));
      }
      browser.type(field("Field_Strengths2"), "Uses the grants data standards throughout.");
      assertThat(browser.seriousAccessibilityViolations(".fjs-form")).as("the score form under axe-core").isEmpty();
      browser.shoot("tasklist-score-rfi-response");
      browser.press(complete());
      browser.waitForText(By.tagName("body"), "Give the rationale");
      assertThat(browser.visible(By.tagName("body")).getText())
          .contains("Give the rationale for your rating of 'Commercial solutions'");
      browser.screenshot("refused-blank-rationale");
      assertThat(taskService.createTaskQuery().taskId(scoreTaskId).count()).as("task still open").isEqualTo(1);
      assertThat(sheetsOf(http.get(REVIEWER, "/api/rfis/" + rfiId + "/scores").json(), responseId))
          .as("nothing stored by the refused submission").isEmpty();

      // The response's attachment opens with the Tasklist session; the recused response's does not.
      assertThat(form).contains(RfiDemoData.CAPABILITY_STATEMENT);
      String link = browser.visible(By.linkText(RfiDemoData.CAPABILITY_STATEMENT)).getAttribute("href");
      assertThat(browser.fetch(link)).startsWith("200 ").contains(ORGANIZATION + ": capability statement.");
      JsonNode recusedFiles = http.get("panel.chair", "/api/rfis/" + rfiId + "/responses/" + conflictId
          + "/attachments").json();
      String recusedLink = baseUrl + "/api/rfis/" + rfiId + "/responses/" + conflictId + "/attachments/"
          + recusedFiles.get(0).path("id").asText();
      assertThat(browser.fetch(recusedLink)).as("a recused reviewer's request").startsWith("404 ")
          .doesNotContain(RECUSED_FROM + ": capability statement.");

      browser.type(field("Field_Rationale1"), rationale(1));
      browser.press(complete());
      browser.waitForText(By.tagName("body"), "Select a task in the list");
      browser.screenshot("scored");
    }

    assertThat(taskService.createTaskQuery().taskId(scoreTaskId).count()).as("scoring task completed").isZero();
    Response own = http.get(REVIEWER, "/api/rfis/" + rfiId + "/scores");
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().path("shown").asText()).startsWith("your own");
    List<JsonNode> sheets = sheetsOf(own.json(), responseId);
    assertThat(sheets).singleElement().satisfies(sheet -> {
      assertThat(sheet.path("reviewerId").asText()).isEqualTo(REVIEWER);
      assertThat(sheet.path("version").asInt()).isEqualTo(1);
      assertThat(sheet.path("current").asBoolean()).isTrue();
      JsonNode scores = sheet.path("scores");
      assertThat(scores.size()).isEqualTo(RATINGS.length);
      for (int c = 1; c <= RATINGS.length; c++) {
        JsonNode score = scores.get(c - 1);
        assertThat(score.path("criterion").asInt()).isEqualTo(c);
        assertThat(score.path("rating").asInt()).as("rating of criterion %d", c).isEqualTo(RATINGS[c - 1]);
        assertThat(score.path("rationale").asText()).isEqualTo(rationale(c));
      }
      assertThat(scores.get(0).path("criterionName").asText()).isEqualTo("Commercial solutions");
      assertThat(scores.get(1).path("strengths").asText()).isEqualTo("Uses the grants data standards throughout.");
    });

    // Blind scoring: reviewer1 cannot read reviewer2's scores of this RFI.
    Response others = http.get(REVIEWER, "/api/rfis/" + rfiId + "/scores?reviewer=reviewer2");
    assertThat(others.status()).as(others.body()).isEqualTo(403);
    assertThat(others.json().path("detail").asText()).contains("Scoring is blind until the consensus step");
  }

  /**
   * The chair holds the consensus review of a response in Tasklist: the reviewers' ratings side by side and
   * their rationales in full, by name; the consensus rating chosen among the scale's levels for each
   * criterion, named in its label.
   */
  @Test
  void chairHoldsTheConsensusReviewInTasklist() {
    String baseUrl = "http://localhost:" + port;
    HttpTestClient http = new HttpTestClient(port);
    String instance = rfiDemo.atConsensus("Request for Information: grants fraud analytics (consensus)",
        "Analytics that detect improper grant payments.");
    String rfiId = rfiOf(instance);
    Task consensus = taskService.createTaskQuery().processInstanceBusinessKey(rfiId)
        .taskDefinitionKey(RfiProcess.Elements.TASK_HOLD_CONSENSUS).taskAssignee("panel.chair").list().get(0);
    org.camunda.bpm.engine.identity.User reviewer2 = identityService.createUserQuery().userId("reviewer2").singleResult();
    String reviewerName = reviewer2.getFirstName() + " " + reviewer2.getLastName();

    try (Browser browser = Browser.start("rfi-consensus")) {
      browser.logIntoTasklist(baseUrl, "panel.chair");
      browser.open(baseUrl + "/camunda/app/tasklist/default/#/?task=" + consensus.getId());
      browser.waitForText(By.cssSelector(".fjs-form"), "Hold the consensus review");
      browser.waitForText(By.cssSelector(".fjs-form"), "Each reviewer's scores of 1. Commercial solutions");
      String form = browser.visible(By.cssSelector(".fjs-form")).getText();
      assertThat(form)
          .contains(rfiId)
          .contains(reviewerName)
          .contains("against the level definitions.")
          .contains("Consensus rating for 1. Commercial solutions")
          .contains("Consensus rationale for 4. Acquisition strategy")
          .doesNotContain("{{");
      assertThat(browser.isPresent(By.cssSelector(".fjs-form input[type='number']"))).as("no bare number box")
          .isFalse();
      for (int c = 1; c <= RATINGS.length; c++) {
        browser.press(By.xpath("//div[contains(@class, 'fjs-form-field-radio')][.//*[contains(normalize-space(), "
            + "'Consensus rating for " + c + ".')]]//label[starts-with(normalize-space(), '3 \u2013')]//input"));
        browser.type(field("Field_ConsensusRationale" + c), "The panel agreed on 3 for criterion " + c + ".");
      }
      assertThat(browser.seriousAccessibilityViolations(".fjs-form")).as("the consensus form under axe-core")
          .isEmpty();
      browser.shoot("tasklist-hold-consensus");
      browser.press(complete());
      browser.waitForText(By.tagName("body"), "Select a task in the list");
    }
    assertThat(taskService.createTaskQuery().taskId(consensus.getId()).count()).as("consensus recorded").isZero();
    Response results = http.get("auditor", "/api/rfis/" + rfiId + "/results");
    assertThat(results.status()).as(results.body()).isEqualTo(200);
    assertThat(results.body()).contains("The panel agreed on 3 for criterion 4.");
  }

  private static By filter() {
    return By.xpath("//a[contains(normalize-space(), '" + FILTER + "')]");
  }

  /** A task in Tasklist's list whose name holds every one of these texts. */
  private static By taskInList(String... texts) {
    StringBuilder xpath = new StringBuilder("//*[contains(concat(' ', normalize-space(@class), ' '), ' tasks-list ')]//a[");
    for (int i = 0; i < texts.length; i++) {
      xpath.append(i == 0 ? "" : " and ").append("contains(., '").append(texts[i]).append("')");
    }
    return By.xpath(xpath.append("]").toString());
  }

  /** A form field by its component id in the .form file (form-js prefixes the DOM id per form). */
  /** The radio button of this level of the rating of criterion {@code criterion} (its label starts "4 \u2013"). */
  private static By level(int criterion, int value) {
    return By.xpath("//div[contains(@class, 'fjs-form-field-radio')][.//*[contains(normalize-space(), 'Rating for "
        + criterion + ".')]]//label[starts-with(normalize-space(), '" + value + " \u2013')]//input");
  }

  private static By field(String componentId) {
    return By.cssSelector(".fjs-form [id$='-" + componentId + "']");
  }

  private static By complete() {
    return By.xpath("//button[normalize-space()='Complete']");
  }

  private static String rationale(int criterion) {
    return "Rated " + RATINGS[criterion - 1] + " on criterion " + criterion + " against the level definitions.";
  }

  private List<Task> openTasks(String instance, String taskKey) {
    // By the RFI id (business key): the scoring tasks are in the instances the RFI's instance calls.
    return taskService.createTaskQuery().processInstanceBusinessKey(rfiOf(instance)).taskDefinitionKey(taskKey)
        .taskAssignee(REVIEWER).list();
  }

  private String rfiOf(String instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey();
  }

  /** The job executor is off in tests: run the instance's asynchronous continuations as it would. */
  private void runJobs(String instance) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = managementService.createJobQuery().rootProcessInstanceId(instance).executable().messages()
          .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("Instance " + instance + " still has jobs after 100 rounds");
  }

  private static String rfiTitled(HttpTestClient http, String title) {
    for (JsonNode rfi : http.get("auditor", "/api/rfis").json()) {
      if (rfi.path("title").asText().equals(title)) {
        return rfi.path("id").asText();
      }
    }
    throw new AssertionError("No demo RFI titled " + title);
  }

  private static String responseOf(JsonNode responses, String organization) {
    for (JsonNode response : responses) {
      if (response.path("organization").asText().equals(organization)) {
        return response.path("id").asText();
      }
    }
    throw new AssertionError("No response of " + organization + " in " + responses);
  }

  private static JsonNode member(JsonNode panel, String userId) {
    for (JsonNode member : panel) {
      if (member.path("userId").asText().equals(userId)) {
        return member;
      }
    }
    throw new AssertionError(userId + " is not on the panel: " + panel);
  }

  private static List<JsonNode> sheetsOf(JsonNode scores, String responseId) {
    List<JsonNode> sheets = new ArrayList<>();
    scores.path("sheets").forEach(sheet -> {
      if (sheet.path("responseId").asText().equals(responseId)) {
        sheets.add(sheet);
      }
    });
    return sheets;
  }
}
