package gov.qsmo.workflow.rfi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * RFI evaluation through the application's API and Camunda's REST API, as the demo users: the
 * director drafts and approves, respondents respond, the contracting officer screens, the panel
 * attests, scores and reaches consensus. With the bad requests each step must refuse.
 */
@RunningApplicationTest
class RfiEvaluationIT {

  static final String DIRECTOR = "director.hhs";
  static final String OFFICER = "contracting.officer";
  static final String CHAIR = "panel.chair";

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  org.camunda.bpm.engine.HistoryService historyService;
  @Autowired
  gov.qsmo.workflow.rfi.report.RfiReportService reports;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> plan(LocalDate closeDate) {
    return RfiPlanBuilder.rfi().closeDate(closeDate).scaleType("ADJECTIVAL").build();
  }

  @Test
  void aPlanIsDraftedThroughTheApiAndBadPlansAreRefusedWithWhatToFix() {
    Map<String, Object> badWeights = plan(LocalDate.now().plusDays(20));
    badWeights.put("criteria", List.of(Map.of("name", "Capabilities", "weight", 50, "guidance", "g"),
        Map.of("name", "Cost", "weight", 40, "guidance", "g")));
    Response weights = http.post(DIRECTOR, "/api/rfis", badWeights);
    assertThat(weights.status()).as(weights.body()).isEqualTo(400);
    assertThat(weights.json().path("detail").asText()).isEqualTo("The criteria's weights total 90; they must total 100.");
    assertThat(weights.json().path("field").asText()).isEqualTo("criteria");

    Map<String, Object> noDefinition = plan(LocalDate.now().plusDays(20));
    noDefinition.put("scaleLevels", List.of(Map.of("value", 1, "label", "Low", "definition", "Weak"),
        Map.of("value", 2, "label", "High", "definition", " ")));
    Response definition = http.post(DIRECTOR, "/api/rfis", noDefinition);
    assertThat(definition.status()).as(definition.body()).isEqualTo(400);
    assertThat(definition.json().path("detail").asText()).contains("level 2 (High) has no definition");

    // A week ago: the builder moves a date to the next business day, which yesterday (a Sunday, say) may not be past.
    Map<String, Object> past = plan(LocalDate.now().minusDays(7));
    Response pastRefused = http.post(DIRECTOR, "/api/rfis", past);
    assertThat(pastRefused.json().path("field").asText()).as(pastRefused.body()).isEqualTo("closeDate");
    Map<String, Object> otherAgency = plan(LocalDate.now().plusDays(20));
    otherAgency.put("agencyCode", "GSA");
    assertThat(http.post(DIRECTOR, "/api/rfis", otherAgency).json().path("detail").asText())
        .contains("Only a QSMO director of GSA");
    assertThat(http.post("auditor", "/api/rfis", plan(LocalDate.now().plusDays(20))).status()).isEqualTo(403);
    assertThat(http.post("reviewer1", "/api/rfis", plan(LocalDate.now().plusDays(20))).status()).isEqualTo(403);
    assertThat(http.post(DIRECTOR, "/api/rfis", "{\"title\": ").status()).isEqualTo(400);

    Response drafted = http.post(DIRECTOR, "/api/rfis", plan(LocalDate.now().plusDays(20)));
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    assertThat(drafted.json().path("status").asText()).isEqualTo("PLAN_DRAFTED");
    assertThat(drafted.json().path("scale").size()).isEqualTo(5);
    assertThat(drafted.json().path("scale").path(4).path("label").asText()).isEqualTo("Exceptional");
    String id = drafted.json().path("id").asText();
    // A draft is not public: a respondent does not see it and cannot respond to it.
    assertThat(http.get("respondent.acme", "/api/rfis/" + id).status()).isEqualTo(404);
    assertThat(http.post(OFFICER, "/api/rfis/" + id + "/responses", response("Early Co")).status()).isEqualTo(409);
  }

  @Test
  void anApprovedPlanCannotChangeAndResponsesAfterTheCloseDateAreRefused() {
    String instance = startAndApprove(LocalDate.now().plusDays(10));
    String id = rfiOf(instance);
    Response change = http.put(DIRECTOR, "/api/rfis/" + id + "/plan", plan(LocalDate.now().plusDays(30)));
    assertThat(change.status()).as(change.body()).isEqualTo(409);
    assertThat(change.json().path("detail").asText()).contains("approved by director.hhs")
        .contains("criteria, weights and scale are frozen");

    Map<String, Object> unknownTopic = response("Acme Grants Cloud");
    unknownTopic.put("answers", List.of(Map.of("topic", 7, "answer", "x")));
    Response topic = http.post("respondent.acme", "/api/rfis/" + id + "/responses", unknownTopic);
    assertThat(topic.status()).isEqualTo(400);
    assertThat(topic.json().path("detail").asText()).contains("from 1 to 3 (7 given)");
    Map<String, Object> badEmail = response("Acme Grants Cloud");
    badEmail.put("contactEmail", "not-an-address");
    assertThat(http.post("respondent.acme", "/api/rfis/" + id + "/responses", badEmail).json().path("field").asText())
        .isEqualTo("contactEmail");
    assertThat(http.post("reviewer1", "/api/rfis/" + id + "/responses", response("Reviewer Co")).status())
        .isEqualTo(403);
    Response accepted = http.post("respondent.acme", "/api/rfis/" + id + "/responses", response("Acme Grants Cloud"));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    assertThat(accepted.json().path("late").asBoolean()).isFalse();

    ClockUtil.setCurrentTime(Date.from(LocalDate.now().plusDays(11).atStartOfDay(java.time.ZoneId.systemDefault())
        .toInstant()));
    Response late = http.post("respondent.civic", "/api/rfis/" + id + "/responses", response("CivicGrants Inc."));
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(late.json().path("detail").asText()).contains("closed for responses at")
        .contains("does not accept late responses");
    assertThat(http.get(DIRECTOR, "/api/rfis/" + id + "/responses").json().size()).isEqualTo(1);
  }

  @Test
  void proprietaryAnswersAreReadOnlyByThePanelAndTheContractingOfficer() {
    RfiRestWalk walk = new RfiRestWalk(http, managementService).open(LocalDate.now().plusDays(5));
    Map<String, Object> proprietary = response("Acme Grants Cloud");
    proprietary.put("proprietary", true);
    assertThat(http.post("respondent.acme", "/api/rfis/" + walk.rfiId + "/responses", proprietary).status())
        .isEqualTo(201);
    walk.respond("respondent.civic", "CivicGrants Inc.");
    walk.panel(List.of("reviewer1", "reviewer2", "reviewer3"));
    String id = walk.rfiId;
    JsonNode forAuditor = responseOf(http.get("auditor", "/api/rfis/" + id + "/responses").json(), "Acme Grants Cloud");
    assertThat(forAuditor.path("proprietary").asBoolean()).isTrue();
    assertThat(forAuditor.path("answers").isNull()).isTrue();
    assertThat(forAuditor.path("answersWithheld").asText()).contains("Proprietary");
    assertThat(responseOf(http.get("auditor", "/api/rfis/" + id + "/responses").json(), "CivicGrants Inc.")
        .path("answers").get(0).path("answer").asText()).as("not proprietary").isEqualTo("We report.");
    JsonNode forOfficer = responseOf(http.get(OFFICER, "/api/rfis/" + id + "/responses").json(), "Acme Grants Cloud");
    assertThat(forOfficer.path("answers").get(0).path("answer").asText()).isEqualTo("We report.");
    // A panel member who has not signed the attestation sees no response yet.
    assertThat(http.get("reviewer1", "/api/rfis/" + id + "/responses").json().size()).isZero();
    walk.complete("reviewer1", RfiProcess.Elements.TASK_SIGN_ATTESTATION, Map.of("attest", true));
    assertThat(http.get("reviewer1", "/api/rfis/" + id + "/responses").json().size())
        .as("attested, but no assignment before every member has signed").isZero();
    for (String member : List.of(CHAIR, "reviewer2", "reviewer3")) {
      walk.complete(member, RfiProcess.Elements.TASK_SIGN_ATTESTATION, Map.of("attest", true));
    }
    JsonNode forReviewer = responseOf(http.get("reviewer1", "/api/rfis/" + id + "/responses").json(),
        "Acme Grants Cloud");
    assertThat(forReviewer.path("answers").get(0).path("answer").asText()).isEqualTo("We report.");
    assertThat(http.get("auditor", "/api/rfis/" + id + "/responses/" + forAuditor.path("id").asText()
        + "/attachments").status()).isEqualTo(403);
    // The respondent sees their own response, not the others'.
    assertThat(http.get("respondent.acme", "/api/rfis/" + id + "/responses").json()).extracting(r ->
        r.path("organization").asText()).containsExactly("Acme Grants Cloud");
  }

  @Test
  void scoringIsBlindAndRefusesARatingOutsideTheScaleAndAScoreForSomeoneElse() {
    String id = demoRfi("grants data implementation services");
    String instance = http.get("auditor", "/api/rfis/" + id).json().path("processInstanceId").asText();
    List<JsonNode> mine = tasks("reviewer1", instance, RfiProcess.Elements.TASK_SCORE_RESPONSE);
    assertThat(mine).isNotEmpty();
    String task = mine.get(0).path("id").asText();

    Map<String, Object> outside = scores(4, 9, 3, 4);
    Response refused = submit("reviewer1", task, outside);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("rating 9 of 'Data implementation' is outside the "
        + "scale; use 1 to 5");
    Response notMine = submit("reviewer2", task, scores(4, 4, 4, 4));
    assertThat(notMine.status()).as("reviewer2 completing reviewer1's task").isEqualTo(403);
    Response extra = submit("reviewer1", task, withExtra(scores(4, 4, 4, 4)));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.json().path("message").asText()).contains("'comments' is not a field of this form");

    Response others = http.get("reviewer1", "/api/rfis/" + id + "/scores?reviewer=reviewer2");
    assertThat(others.status()).isEqualTo(403);
    assertThat(others.json().path("detail").asText()).contains("Scoring is blind until the consensus step");
    JsonNode own = http.get("reviewer2", "/api/rfis/" + id + "/scores").json();
    assertThat(own.path("shown").asText()).startsWith("your own");
    assertThat(own.path("sheets")).isNotEmpty().allSatisfy(s -> assertThat(s.path("reviewerId").asText())
        .isEqualTo("reviewer2"));
    assertThat(http.get("auditor", "/api/rfis/" + id + "/scores").json().path("sheets")).isEmpty();
    assertThat(http.get("auditor", "/api/rfis/" + id + "/results").status()).isEqualTo(409);

    Response scored = submit("reviewer1", task, scores(4, 4, 3, 4));
    assertThat(scored.status()).as(scored.body()).isEqualTo(204);
    Response twice = submit("reviewer1", task, scores(4, 4, 3, 4));
    assertThat(twice.status()).as("a second completion of the same task").isEqualTo(404);

    // A reviewer sees only the responses assigned to them.
    JsonNode assignments = http.get("reviewer1", "/api/rfis/" + id + "/assignments").json();
    assertThat(assignments).allSatisfy(a -> assertThat(a.path("reviewerId").asText()).isEqualTo("reviewer1"));
  }

  @Test
  void aFlaggedCriterionNeedsAConsensusRationaleAndTheReportIsDownloadableOnceGenerated() {
    String id = demoRfi("grants customer experience");
    String instance = http.get("auditor", "/api/rfis/" + id).json().path("processInstanceId").asText();
    JsonNode results = http.get("auditor", "/api/rfis/" + id + "/results").json();
    JsonNode flagged = null;
    for (JsonNode criterion : results.path("criteria")) {
      if (criterion.path("flagged").asBoolean()) {
        flagged = criterion;
      }
    }
    assertThat(flagged).as("the demo data holds an outlier").isNotNull();
    String flaggedResponse = flagged.path("responseId").asText();
    int flaggedCriterion = flagged.path("criterion").asInt();
    // From the consensus step on, every reviewer's scores are visible to the panel and oversight.
    assertThat(http.get("auditor", "/api/rfis/" + id + "/scores").json().path("shown").asText()).isEqualTo("all");
    assertThat(http.get("reviewer1", "/api/rfis/" + id + "/scores?reviewer=reviewer2").status()).isEqualTo(200);

    for (JsonNode task : tasks(CHAIR, instance, RfiProcess.Elements.TASK_HOLD_CONSENSUS)) {
      String taskId = task.path("id").asText();
      Map<String, Object> form = new HashMap<>();
      for (int c = 1; c <= 4; c++) {
        form.put("consensusRating" + c, 4);
      }
      if (task.path("name").asText().contains(flaggedResponse)) {
        Response refused = submit(CHAIR, taskId, form);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("is flagged")
            .contains("write the consensus rationale");
      }
      for (int c = 1; c <= 4; c++) {
        form.put("consensusRationale" + c, "The panel agreed after discussing criterion " + c + ".");
      }
      assertThat(submit(CHAIR, taskId, form).status()).isEqualTo(204);
    }
    assertThat(flaggedCriterion).isPositive();
    assertThat(http.get(DIRECTOR, "/api/rfis/" + id + "/report.pdf").status()).as("before the report exists")
        .isEqualTo(409);
    Response noPartYet = http.get(DIRECTOR, "/api/rfis/" + id + "/report/appendix/1.pdf");
    assertThat(noPartYet.status()).as("nor any part of it").isEqualTo(409);
    assertThat(noPartYet.json().path("detail").asText()).contains("there is none yet");
    // Appendix A in parts above 10 individual scores here (48 of them: one part of the 3 responses; ADR 0036).
    Object service = org.springframework.test.util.AopTestUtils.getTargetObject(reports);
    org.springframework.test.util.ReflectionTestUtils.setField(service, "appendixInlineMax", 10);
    try {
      runJobs(instance);
    } finally {
      org.springframework.test.util.ReflectionTestUtils.setField(service, "appendixInlineMax",
          gov.qsmo.workflow.rfi.report.EvaluationReportPdf.APPENDIX_INLINE_MAX);
    }
    Response part = http.get(DIRECTOR, "/api/rfis/" + id + "/report/appendix/1.pdf");
    assertThat(part.status()).as(part.body()).isEqualTo(200);
    assertThat(part.body()).startsWith("%PDF-");
    Response noSuchPart = http.get("auditor", "/api/rfis/" + id + "/report/appendix/2.pdf");
    assertThat(noSuchPart.status()).isEqualTo(404);
    assertThat(noSuchPart.json().path("detail").asText()).contains("has its Appendix A in 1 part; ask for part 1.");
    assertThat(http.get("reviewer1", "/api/rfis/" + id + "/report/appendix/1.pdf").status()).isEqualTo(403);

    HttpTestClient.Response pdf = http.get(DIRECTOR, "/api/rfis/" + id + "/report.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF-");
    Response csv = http.get("auditor", "/api/rfis/" + id + "/report.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body().lines().count()).as("a header and 3 responses x 4 reviewers x 4 criteria").isEqualTo(49);
    assertThat(http.get("reviewer1", "/api/rfis/" + id + "/report.pdf").status()).isEqualTo(403);
    List<JsonNode> approval = tasks(DIRECTOR, instance, RfiProcess.Elements.TASK_APPROVE_REPORT);
    assertThat(approval).hasSize(1);
    JsonNode shown = http.get(DIRECTOR, "/engine-rest/task/" + approval.get(0).path("id").asText()
        + "/form-variables").json();
    assertThat(shown.path("reportSummary").path("value").asText()).contains("/api/rfis/" + id + "/report.pdf")
        .contains("Appendix A (individual scores) in 1 part: [1](/api/rfis/" + id + "/report/appendix/1.pdf)");
  }

  @Test
  void aRecusedReviewerNeverSeesTheResponseAndCannotBeGivenItsScore() {
    RfiRestWalk walk = new RfiRestWalk(http, managementService).open(LocalDate.now().plusDays(5));
    String acme = walk.respond("respondent.acme", "Acme Grants Cloud");
    String civic = walk.respond("respondent.civic", "CivicGrants Inc.");
    walk.panel(List.of("reviewer1", "reviewer2", "reviewer3", "reviewer4"));
    assertThat(http.get("reviewer1", "/api/rfis/" + walk.rfiId + "/responses/" + acme).status())
        .as("before signing the attestation").isEqualTo(404);
    String attestation = walk.tasks("reviewer1", RfiProcess.Elements.TASK_SIGN_ATTESTATION).get(0).path("id").asText();
    Response unknown = walk.submit("reviewer1", attestation, Map.of("attest", true, "conflictResponseIds", "RSP-1999-0001",
        "conflictStatement", "x"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("message").asText()).contains("is not a response of " + walk.rfiId);
    walk.complete("reviewer1", RfiProcess.Elements.TASK_SIGN_ATTESTATION, Map.of("attest", true,
        "conflictResponseIds", acme, "conflictStatement", "I advised Acme until last year."));
    for (String member : List.of(CHAIR, "reviewer2", "reviewer3", "reviewer4")) {
      walk.complete(member, RfiProcess.Elements.TASK_SIGN_ATTESTATION, Map.of("attest", true));
    }
    // Every reviewer should score every response: Acme is one short, the chair is asked.
    JsonNode reassign = walk.tasks(CHAIR, RfiProcess.Elements.TASK_REASSIGN_REVIEWERS).get(0);
    walk.complete(CHAIR, RfiProcess.Elements.TASK_REASSIGN_REVIEWERS, Map.of("reassignAction", "PROCEED",
        "reassignReason", "Three reviewers suffice for Acme."));
    assertThat(reassign.path("assignee").asText()).isEqualTo(CHAIR);

    assertThat(http.get("reviewer1", "/api/rfis/" + walk.rfiId + "/responses/" + acme).status()).isEqualTo(404);
    assertThat(http.get("reviewer1", "/api/rfis/" + walk.rfiId + "/responses").json()).extracting(r ->
        r.path("id").asText()).containsExactly(civic);
    assertThat(walk.tasks("reviewer1", RfiProcess.Elements.TASK_SCORE_RESPONSE)).extracting(t -> t.path("name")
        .asText()).allSatisfy(name -> assertThat(name).doesNotContain(acme));
    JsonNode roster = http.get("panel.chair", "/api/rfis/" + walk.rfiId + "/panel").json();
    assertThat(roster).anySatisfy(m -> {
      assertThat(m.path("userId").asText()).isEqualTo("reviewer1");
      assertThat(m.path("recusedFrom").get(0).asText()).isEqualTo(acme);
      assertThat(m.path("attestationVersion").asText()).isEqualTo("COI-NDA-2026-1");
    });

    // At the deadline the chair cannot hand Acme's missing score to the recused reviewer.
    managementService.executeJob(managementService.createJobQuery().processInstanceId(walk.instance).timers()
        .activityId(RfiProcess.Elements.TIMER_SCORING_DEADLINE_PASSED).singleResult().getId());
    String resolve = walk.tasks(CHAIR, RfiProcess.Elements.TASK_RESOLVE_MISSING_SCORES).get(0).path("id").asText();
    Response recused = walk.submit(CHAIR, resolve, Map.of("missingScoresAction", "REASSIGN",
        "reassignments", acme + " | reviewer2 | reviewer1", "newScoringDueDate",
        gov.qsmo.workflow.calendar.TestDates.businessDay(LocalDate.now().plusDays(3)).toString()));
    assertThat(recused.status()).as(recused.body()).isEqualTo(400);
    assertThat(recused.json().path("message").asText()).contains("reviewer1 is recused from " + acme);
  }

  @Test
  void aRespondentAttachesFilesToTheirOwnResponseAndOnlyThoseAllowedDownloadThem() {
    RfiRestWalk walk = new RfiRestWalk(http, managementService).open(LocalDate.now().plusDays(5));
    Map<String, Object> proprietary = response("Acme Grants Cloud");
    proprietary.put("proprietary", true);
    Response submitted = http.post("respondent.acme", "/api/rfis/" + walk.rfiId + "/responses", proprietary);
    String acme = submitted.json().path("id").asText();
    String path = "/api/rfis/" + walk.rfiId + "/responses/" + acme + "/attachments";
    byte[] file = "Capability statement, page 1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    Response uploaded = http.upload("respondent.acme", path, "capability.txt", "text/plain", file);
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    assertThat(uploaded.json().path("sizeBytes").asLong()).isEqualTo(file.length);
    assertThat(uploaded.json().path("sha256").asText()).hasSize(64);
    assertThat(http.upload("respondent.civic", path, "x.txt", "text/plain", file).status())
        .as("someone else's response").isEqualTo(404);
    assertThat(http.upload("respondent.acme", path, "empty.txt", "text/plain", new byte[0]).json().path("detail")
        .asText()).contains("The file is empty");

    String download = path + "/" + uploaded.json().path("id").asText();
    Response byOfficer = http.get(OFFICER, download);
    assertThat(byOfficer.status()).isEqualTo(200);
    assertThat(byOfficer.body()).isEqualTo("Capability statement, page 1");
    assertThat(http.get("auditor", download).status()).as("proprietary: not for auditors").isEqualTo(403);
    assertThat(http.get(DIRECTOR, path).status()).as("proprietary: not for the director").isEqualTo(403);
    assertThat(http.get("respondent.civic", download).status()).isEqualTo(404);
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private String startAndApprove(LocalDate closeDate) {
    Response drafted = http.post(DIRECTOR, "/api/rfis", plan(closeDate));
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    String instance = drafted.json().path("processInstanceId").asText();
    String task = tasks(DIRECTOR, instance, RfiProcess.Elements.TASK_APPROVE_PLAN).get(0).path("id").asText();
    assertThat(submit("director.gsa", task, Map.of("planDecision", "APPROVE")).status())
        .as("another agency's director").isEqualTo(403);
    Response approved = submit(DIRECTOR, task, Map.of("planDecision", "APPROVE"));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    return instance;
  }

  private String rfiOf(String instance) {
    for (JsonNode rfi : http.get("auditor", "/api/rfis").json()) {
      if (rfi.path("processInstanceId").asText().equals(instance)) {
        return rfi.path("id").asText();
      }
    }
    throw new AssertionError("No RFI for instance " + instance);
  }

  private String demoRfi(String titleEnd) {
    for (JsonNode rfi : http.get("auditor", "/api/rfis").json()) {
      if (rfi.path("title").asText().endsWith(titleEnd)) {
        return rfi.path("id").asText();
      }
    }
    throw new AssertionError("No demo RFI ending in " + titleEnd);
  }

  private static JsonNode responseOf(JsonNode responses, String organization) {
    for (JsonNode response : responses) {
      if (response.path("organization").asText().equals(organization)) {
        return response;
      }
    }
    throw new AssertionError("No response of " + organization + " in " + responses);
  }

  static Map<String, Object> response(String organization) {
    return RfiResponseBuilder.from(organization).build();
  }

  static Map<String, Object> scores(int... ratings) {
    Map<String, Object> form = new HashMap<>();
    for (int c = 1; c <= ratings.length; c++) {
      form.put("rating" + c, ratings[c - 1]);
      form.put("rationale" + c, "Against the level definitions.");
    }
    return form;
  }

  private static Map<String, Object> withExtra(Map<String, Object> form) {
    Map<String, Object> extra = new HashMap<>(form);
    extra.put("comments", "not a field");
    return extra;
  }

  private List<JsonNode> tasks(String user, String instance, String key) {
    List<JsonNode> tasks = new ArrayList<>();
    // By the RFI id (business key): the scoring tasks are in the instances the RFI's instance calls.
    String rfiId = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey();
    http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + rfiId + "&taskDefinitionKey=" + key).json()
        .forEach(tasks::add);
    return tasks;
  }

  private Response submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return http.post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
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
  }
}
