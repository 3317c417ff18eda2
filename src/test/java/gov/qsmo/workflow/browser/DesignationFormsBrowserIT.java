package gov.qsmo.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.designation.PlanBuilder;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The designation forms as Tasklist renders them for a board of fifteen voting members: the chair's
 * consolidation shows every vote and comment in full, OMB's decision form the tally, the open conditions
 * and a decision-package link that opens for the signed-in decider and is refused to someone who may not
 * read the designation; date fields appear only for the decision they belong to. axe-core finds no
 * serious or critical violation and every input has a label.
 */
@RunningApplicationTest
class DesignationFormsBrowserIT {

  /** Members added to the demo's five for this round (Treasury's own member is recused): 15 vote. */
  static final List<String[]> EXTRA_MEMBERS = List.of(
      new String[] {"Nguyễn Thị", "Lan", "GSA"}, new String[] {"Łukasz", "Dvořák", "DHS"},
      new String[] {"Trần Văn", "Đức", "OPM"}, new String[] {"Ana", "Núñez", "HHS"},
      new String[] {"Grace", "Hopper", "GSA"}, new String[] {"Frances", "Perkins", "OPM"},
      new String[] {"Ida", "Tarbell", "HHS"}, new String[] {"Ralph", "Bunche", "DHS"},
      new String[] {"Mary", "Jackson", "GSA"}, new String[] {"Wilma", "Mankiller", "OPM"},
      new String[] {"Daniel", "Inouye", "HHS"});

  @LocalServerPort
  int port;

  @Autowired
  ManagementService managementService;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  IdentityService identityService;

  HttpTestClient http;

  @Test
  void fifteenMembersVoteTheChairReadsEveryCommentAndOmbDecidesWithTheTallyAndThePackage() {
    http = new HttpTestClient(port);
    String baseUrl = "http://localhost:" + port;
    List<String> added = new ArrayList<>();
    for (int i = 0; i < EXTRA_MEMBERS.size(); i++) {
      String[] member = EXTRA_MEMBERS.get(i);
      String id = "board.extra" + (i + 1);
      identitySetup.ensureUser(id, member[0], member[1], id, Roles.SSGB_MEMBERS, Roles.agencyGroup(member[2]));
      added.add(id);
    }
    try {
      String[] designation = underReview("ACQ", "TREAS", "director.treas");
      String instance = designation[1];
      List<JsonNode> reviews = tasks(instance, DesignationProcess.Elements.TASK_REVIEW_PLAN);
      assertThat(reviews).as("one review task per eligible member").hasSizeGreaterThanOrEqualTo(15);
      int n = 0;
      for (JsonNode review : reviews) {
        String member = review.path("assignee").asText();
        n++;
        Map<String, Object> vote = new LinkedHashMap<>();
        vote.put("recommendation", n % 3 == 0 ? "ENDORSE_WITH_CONDITIONS" : "ENDORSE");
        if (n % 3 == 0) {
          vote.put("proposedConditions", "Publish service-level data every quarter (member " + n + ").");
        }
        vote.put("comments", ("Member " + n + " read the plan section by section and weighed the acquisition "
            + "strategy against the agencies' buying patterns. ").repeat(5) + "END-OF-COMMENT-" + n + ".");
        vote.put("governanceComment", "Name the customer council's members (" + n + ").");
        Response done = http.post(member, "/engine-rest/task/" + review.path("id").asText() + "/submit-form",
            form(vote));
        assertThat(done.status()).as(member + ": " + done.body()).isEqualTo(204);
      }
      runJobs(instance);
      closeWindowIfOpen(instance);
      int voters = n;

      String consolidate = tasks(instance, DesignationProcess.Elements.TASK_CONSOLIDATE_RECOMMENDATION).get(0)
          .path("id").asText();
      try (Browser browser = Browser.start("designation-forms")) {
        browser.logIntoTasklist(baseUrl, "board.chair");
        browser.open(baseUrl + "/camunda/app/tasklist/default/#/?task=" + consolidate);
        browser.waitForText(By.cssSelector(".fjs-form"), "END-OF-COMMENT-" + voters);
        String text = browser.visible(By.cssSelector(".fjs-form")).getText();
        for (int i = 1; i <= voters; i++) {
          assertThat(text).as("comment " + i + " in full").contains("weighed the acquisition strategy against the "
              + "agencies' buying patterns. END-OF-COMMENT-" + i + ".");
        }
        assertThat(text).contains("Nguyễn Thị Lan (GSA)").contains("Łukasz Dvořák (DHS / CISA)")
            .contains("Recused").contains("Under board review").doesNotContain("UNDER_BOARD_REVIEW")
            .doesNotContain("ENDORSE_WITH_CONDITIONS");
        // Conditions appear only for an endorsement with conditions.
        assertThat(browser.isPresent(By.xpath("//label[normalize-space()='Conditions']"))).isFalse();
        browser.press(By.xpath("//label[contains(., 'Endorse with conditions')]"));
        browser.visible(By.xpath("//label[normalize-space()='Conditions']"));
        assertAccessible(browser);
        browser.screenshot("consolidate");
        browser.shoot("tasklist-consolidate");
      }

      Response consolidated = http.post("board.chair", "/engine-rest/task/" + consolidate + "/submit-form",
          form(Map.of("boardDecision", "ENDORSE_WITH_CONDITIONS",
              "boardConditions", "Publish service-level data every quarter.\nMigrate two legacy providers by 2028.",
              "consolidatedComments", "The board endorses the plan; data transparency is its concern.")));
      assertThat(consolidated.status()).as(consolidated.body()).isEqualTo(204);
      runJobs(instance);
      String decide = tasks(instance, DesignationProcess.Elements.TASK_DECIDE_DESIGNATION).get(0).path("id").asText();

      try (Browser browser = Browser.start("designation-decision")) {
        browser.logIntoTasklist(baseUrl, "omb.decider");
        browser.open(baseUrl + "/camunda/app/tasklist/default/#/?task=" + decide);
        browser.waitForText(By.cssSelector(".fjs-form"), "Migrate two legacy providers by 2028.");
        String text = browser.visible(By.cssSelector(".fjs-form")).getText();
        assertThat(text).contains("Plan version 1, submitted by").contains("Endorse with conditions")
            .contains("Not voted").contains("Recused").contains("Publish service-level data every quarter.")
            .contains("Awaiting OMB decision").contains("data transparency is its concern");
        // Date fields only for the decision they belong to.
        assertThat(browser.isPresent(By.xpath("//label[contains(., 'Effective date')]"))).isFalse();
        assertThat(browser.isPresent(By.xpath("//label[contains(., 'Deferred until')]"))).isFalse();
        browser.clickable(By.xpath("//a[normalize-space()='Claim'] | //button[normalize-space()='Claim']")).click();
        browser.press(By.xpath("//label[normalize-space()='Designate']"));
        browser.visible(By.xpath("//label[contains(., 'Effective date')]"));
        assertThat(browser.isPresent(By.xpath("//label[contains(., 'Deferred until')]"))).isFalse();
        browser.press(By.xpath("//label[normalize-space()='Defer the decision']"));
        browser.visible(By.xpath("//label[contains(., 'Deferred until')]"));
        assertThat(browser.isPresent(By.xpath("//label[contains(., 'Effective date')]"))).isFalse();
        assertAccessible(browser);
        browser.press(By.xpath("//label[normalize-space()='Designate']"));
        browser.screenshot("decide");
        browser.shoot("tasklist-decide-designation");

        // The decision package opens from the form for the signed-in decider, without a second sign-in.
        String href = browser.visible(By.xpath("//a[contains(., 'Decision package')]")).getAttribute("href");
        assertThat(href).endsWith("/api/designations/" + designation[0] + "/decision-package.pdf");
        assertThat(browser.fetchStatusAndType(href)).isEqualTo("200 application/pdf");
      }

      // The same link is refused to a Tasklist user who may not read the designation.
      try (Browser browser = Browser.start("designation-refused")) {
        browser.logIntoTasklist(baseUrl, "reviewer1");
        assertThat(browser.fetchStatusAndType(baseUrl + "/api/designations/" + designation[0]
            + "/decision-package.pdf")).startsWith("403 ");
      }
      try (Browser browser = Browser.start("designation-other-agency")) {
        browser.logIntoTasklist(baseUrl, "director.gsa");
        assertThat(browser.fetchStatusAndType(baseUrl + "/api/designations/" + designation[0]
            + "/decision-package.pdf")).startsWith("404 ");
      }
    } finally {
      // Later board rounds of the shared application have the demo's board again.
      added.forEach(identityService::deleteUser);
    }
  }

  private static void assertAccessible(Browser browser) {
    assertThat(browser.seriousAccessibilityViolations(".fjs-container")).as("axe-core: serious or critical").isEmpty();
    assertThat(browser.unlabelledInputs(".fjs-container")).as("inputs without a label").isEmpty();
  }

  /** A designation in area/agency whose complete plan is under the board's review: [id, instance]. */
  private String[] underReview(String area, String agency, String director) {
    Response started = http.post("omb.analyst", "/engine-rest/process-definition/key/" + DesignationProcess.KEY
        + "/submit-form", form(Map.of("functionalAreaCode", area, "agencyCode", agency,
            "scope", "Acquisition solutions for civilian agencies.",
            "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(LocalDate.now().plusMonths(3)).toString())));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().path("businessKey").asText();
    String instance = started.json().path("id").asText();
    String preDesignate = tasks(instance, DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE).get(0)
        .path("id").asText();
    Response decided = http.post("omb.decider", "/engine-rest/task/" + preDesignate + "/submit-form",
        form(Map.of("decision", "PRE_DESIGNATE")));
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    runJobs(instance);
    Response plan = http.post(director, "/api/designations/" + id + "/plan-versions",
        Map.of("sections", PlanBuilder.complete().build()));
    assertThat(plan.status()).as(plan.body()).isEqualTo(201);
    runJobs(instance);
    return new String[] {id, instance};
  }

  private List<JsonNode> tasks(String instance, String key) {
    List<JsonNode> tasks = new ArrayList<>();
    http.get("auditor", "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json()
        .forEach(tasks::add);
    assertThat(tasks).as("open " + key + " tasks").isNotEmpty();
    return tasks;
  }

  /** The job executor is off in tests: runs the instance's asynchronous continuations as it would. */
  private void runJobs(String instance) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instance).executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** Members of the shared application that this test did not vote for: the review window ends. */
  private void closeWindowIfOpen(String instance) {
    List<JsonNode> open = new ArrayList<>();
    http.get("auditor", "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey="
        + DesignationProcess.Elements.TASK_REVIEW_PLAN).json().forEach(open::add);
    if (!open.isEmpty()) {
      managementService.createJobQuery().processInstanceId(instance).timers()
          .activityId(DesignationProcess.Elements.TIMER_REVIEW_WINDOW_CLOSED).list()
          .forEach(job -> managementService.executeJob(job.getId()));
      runJobs(instance);
    }
  }

  private static Map<String, Object> form(Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return Map.of("variables", variables);
  }
}
