package gov.qsmo.workflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.qsmo.workflow.rfi.RfiResponseBuilder;
import gov.qsmo.workflow.rfi.RfiPlanBuilder;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.designation.DesignationProcess;
import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A board round and an RFI evaluation driven over HTTP as the demo users, through the application's
 * API and Camunda's REST API, on whichever node is given: what a user in Tasklist or an API client
 * does. Nothing here reaches into a node's engine; timers are made due through the REST API as an
 * administrator would.
 */
final class Workflows {

  static final String ADMIN = "admin";
  static final String AUDITOR = "auditor";
  static final String DIRECTOR = "director.hhs";
  static final String OFFICER = "contracting.officer";
  static final String PANEL_CHAIR = "panel.chair";
  static final String BOARD_CHAIR = "board.chair";
  static final String OMB_DECIDER = "omb.decider";
  static final List<String> DEMO_REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer3", "reviewer4");
  /** Board members with a review task in the demo's Treasury round (board.treas is recused). */
  static final List<String> BOARD_VOTERS = List.of(BOARD_CHAIR, "board.dhs", "board.opm", "board.hhs");

  static final String TASK_REVIEW_PLAN = DesignationProcess.Elements.TASK_REVIEW_PLAN;
  static final String TIMER_REVIEW_WINDOW = DesignationProcess.Elements.TIMER_REVIEW_WINDOW_CLOSED;
  static final String TASK_CONSOLIDATE = DesignationProcess.Elements.TASK_CONSOLIDATE_RECOMMENDATION;
  static final String TASK_DECIDE = DesignationProcess.Elements.TASK_DECIDE_DESIGNATION;
  static final String TASK_APPROVE_PLAN = RfiProcess.Elements.TASK_APPROVE_PLAN;
  static final String TIMER_CLOSE_DATE = RfiProcess.Elements.TIMER_CLOSE_DATE_REACHED;
  static final String TASK_CONFIRM_SCREENING = RfiProcess.Elements.TASK_CONFIRM_SCREENING;
  static final String TASK_FORM_PANEL = RfiProcess.Elements.TASK_FORM_PANEL;
  static final String TASK_SIGN_ATTESTATION = RfiProcess.Elements.TASK_SIGN_ATTESTATION;
  static final String TASK_SCORE = RfiProcess.Elements.TASK_SCORE_RESPONSE;
  static final String TIMER_SCORING_REMINDER = RfiProcess.Elements.TIMER_SCORING_REMINDER_DUE;
  static final String TASK_CONSENSUS = RfiProcess.Elements.TASK_HOLD_CONSENSUS;
  static final String TASK_APPROVE_REPORT = RfiProcess.Elements.TASK_APPROVE_REPORT;

  /** Steps that wait on the job executor (a timer, a continuation) wait at most this long. */
  static final Duration JOB_WAIT = Duration.ofSeconds(90);

  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
      .withZone(ZoneId.systemDefault());

  /** A designation whose plan is under the board's review. */
  record Board(String designationId, String instance) {
  }

  record Rfi(String id, String instance) {
  }

  /** One task to complete: whose, which, with what; {@code subject} says what it is about. */
  record Submission(String user, String taskId, String subject, Map<String, Object> values) {
  }

  private Workflows() {
  }

  /**
   * The demo's Treasury designation, whose complete plan waits for the board: once a job executor has
   * opened the round, each of the four eligible members has a review task.
   */
  static Board demoBoardRound(HttpTestClient http) {
    Board board = null;
    for (JsonNode designation : http.get(AUDITOR, "/api/designations").json()) {
      if ("TREAS".equals(designation.path("agencyCode").asText())
          && designation.path("processInstanceId").isTextual()) {
        board = new Board(designation.path("id").asText(), designation.path("processInstanceId").asText());
      }
    }
    assertThat(board).as("the demo's Treasury designation").isNotNull();
    String instance = board.instance();
    await("the board's review tasks").atMost(JOB_WAIT).until(() -> http.get(ADMIN, "/engine-rest/task?processInstanceId="
        + instance + "&taskDefinitionKey=" + TASK_REVIEW_PLAN).json().size() == BOARD_VOTERS.size());
    return board;
  }

  static Submission vote(HttpTestClient http, Board board, String member) {
    return new Submission(member, task(http, member, board.instance(), TASK_REVIEW_PLAN).path("id").asText(),
        member, Map.of("recommendation", "ENDORSE", "governanceComment", "Publish the council's membership."));
  }

  /** The chair consolidates an endorsement and OMB designates: the designation's process ends. */
  static void consolidateAndDesignate(HttpTestClient chairNode, HttpTestClient ombNode, Board board) {
    completeWhenThere(chairNode, BOARD_CHAIR, board.instance(), TASK_CONSOLIDATE, Map.of("boardDecision", "ENDORSE",
        "consolidatedComments", "The board endorses the plan."));
    completeWhenThere(ombNode, OMB_DECIDER, board.instance(), TASK_DECIDE, Map.of("designationDecision", "DESIGNATE",
        "designationScope", "Core financial management.", "effectiveDate", LocalDate.now().toString()));
  }

  /**
   * A new RFI drafted and approved by the director, answered by these respondents (user id to
   * organization), closed (its close-date timer made due, the job executor fires it), screened, and its
   * panel formed: every panel member has an attestation to sign.
   */
  static Rfi rfiWithPanel(HttpTestClient http, Map<String, String> respondents, List<String> reviewers) {
    Rfi rfi = openRfi(http);
    respondents.forEach((user, organization) -> respond(http, rfi, user, organization));
    closeNow(http, rfi);
    formPanel(http, rfi, reviewers);
    return rfi;
  }

  static Rfi openRfi(HttpTestClient http) {
    Response drafted = http.post(DIRECTOR, "/api/rfis", plan(LocalDate.now().plusDays(10)));
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    Rfi rfi = new Rfi(drafted.json().path("id").asText(), drafted.json().path("processInstanceId").asText());
    completeWhenThere(http, DIRECTOR, rfi.instance(), TASK_APPROVE_PLAN, Map.of("planDecision", "APPROVE"));
    return rfi;
  }

  static void respond(HttpTestClient http, Rfi rfi, String user, String organization) {
    Response response = http.post(user, "/api/rfis/" + rfi.id() + "/responses", response(organization));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  /** Makes the close-date timer due now: the job executor of some node fires it. */
  static void closeNow(HttpTestClient http, Rfi rfi) {
    makeTimerDue(http, rfi.instance(), TIMER_CLOSE_DATE, Instant.now().minusSeconds(1));
  }

  static void formPanel(HttpTestClient http, Rfi rfi, List<String> reviewers) {
    completeWhenThere(http, OFFICER, rfi.instance(), TASK_CONFIRM_SCREENING, Map.of("screeningDecision", "CONFIRM"));
    completeWhenThere(http, PANEL_CHAIR, rfi.instance(), TASK_FORM_PANEL,
        Map.of("reviewers", String.join("\n", reviewers)));
  }

  static Submission attestation(HttpTestClient http, Rfi rfi, String member) {
    return new Submission(member, task(http, member, rfi.instance(), TASK_SIGN_ATTESTATION).path("id").asText(),
        member, Map.of("attest", true));
  }

  /** Every open scoring task of the RFI, once there are {@code expected} of them. */
  static List<Submission> scoringTasks(HttpTestClient http, Rfi rfi, int expected) {
    List<JsonNode> tasks = new ArrayList<>();
    await("scoring tasks of " + rfi.id()).atMost(JOB_WAIT).until(() -> {
      tasks.clear();
      http.get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + rfi.id() + "&taskDefinitionKey=" + TASK_SCORE)
          .json().forEach(tasks::add);
      return tasks.size() == expected;
    });
    List<Submission> scoring = new ArrayList<>();
    for (JsonNode task : tasks) {
      String id = task.path("id").asText();
      String assignment = http.get(ADMIN, "/engine-rest/task/" + id + "/variables/assignmentId").json()
          .path("value").asText();
      int rating = 1 + Math.floorMod(assignment.hashCode(), 5);
      scoring.add(new Submission(task.path("assignee").asText(), id, assignment, scores(rating, 3)));
    }
    return scoring;
  }

  /** The chair's consensus on every response, then the director approves the report: the RFI's process ends. */
  static void consensusAndReport(HttpTestClient chairNode, HttpTestClient directorNode, Rfi rfi,
      int responses) {
    List<JsonNode> consensus = new ArrayList<>();
    await("consensus tasks of " + rfi.id()).atMost(JOB_WAIT).until(() -> {
      consensus.clear();
      // By the RFI id: the consensus tasks are in the batches the RFI's instance calls (ADR 0034).
      chairNode.get(PANEL_CHAIR, "/engine-rest/task?processInstanceBusinessKey=" + rfi.id() + "&taskDefinitionKey="
          + TASK_CONSENSUS + "&assignee=" + PANEL_CHAIR).json().forEach(consensus::add);
      return consensus.size() == responses;
    });
    for (JsonNode task : consensus) {
      Map<String, Object> form = new HashMap<>();
      for (int criterion = 1; criterion <= 3; criterion++) {
        form.put("consensusRating" + criterion, 4);
        form.put("consensusRationale" + criterion, "The panel agreed on criterion " + criterion + ".");
      }
      assertCompleted(submit(chairNode, new Submission(PANEL_CHAIR, task.path("id").asText(), "consensus", form)));
    }
    completeWhenThere(directorNode, DIRECTOR, rfi.instance(), TASK_APPROVE_REPORT, Map.of("reportDecision", "APPROVE"));
  }

  static String rfiStatus(HttpTestClient http, Rfi rfi) {
    return http.get(AUDITOR, "/api/rfis/" + rfi.id()).json().path("status").asText();
  }

  static String designationStatus(HttpTestClient http, Board board) {
    return http.get(AUDITOR, "/api/designations/" + board.designationId()).json().path("status").asText();
  }

  /** The state of a process instance in Camunda's history: ACTIVE, COMPLETED, ... */
  static String historicState(HttpTestClient http, String instance) {
    return http.get(ADMIN, "/engine-rest/history/process-instance/" + instance).json().path("state").asText();
  }

  /** How a task ended in Camunda's history: "completed" by its user, "deleted" when its activity was cancelled. */
  static String endOf(HttpTestClient http, String taskId) {
    JsonNode history = http.get(ADMIN, "/engine-rest/history/task?taskId=" + taskId).json();
    assertThat(history.size()).as("history of task " + taskId).isEqualTo(1);
    return history.get(0).path("endTime").isNull() ? "open" : history.get(0).path("deleteReason").asText();
  }

  /**
   * A task query's parameter for the tasks of this instance and of the instances it calls (an RFI's scoring
   * instances carry the RFI's business key): by business key where the instance has one.
   */
  static String inInstance(HttpTestClient http, String instance) {
    JsonNode found = http.get(AUDITOR, "/engine-rest/history/process-instance/" + instance).json();
    String businessKey = found.path("businessKey").asText("");
    return businessKey.isEmpty() || found.path("businessKey").isNull() ? "processInstanceId=" + instance
        : "processInstanceBusinessKey=" + java.net.URLEncoder.encode(businessKey, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Moves a timer's due date, through Camunda's REST API as the administrator. */
  static String makeTimerDue(HttpTestClient http, String instance, String activityId, Instant due) {
    JsonNode timers = http.get(ADMIN, "/engine-rest/job?processInstanceId=" + instance + "&activityId=" + activityId
        + "&timers=true").json();
    assertThat(timers.size()).as("timer " + activityId + " of " + instance).isEqualTo(1);
    String id = timers.get(0).path("id").asText();
    Response moved = http.put(ADMIN, "/engine-rest/job/" + id + "/duedate",
        Map.of("duedate", REST_DATE.format(due), "cascade", false));
    assertThat(moved.status()).as(moved.body()).isEqualTo(204);
    return id;
  }

  static Response submit(HttpTestClient http, Submission submission) {
    Map<String, Object> variables = new LinkedHashMap<>();
    submission.values().forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return http.post(submission.user(), "/engine-rest/task/" + submission.taskId() + "/submit-form",
        Map.of("variables", variables));
  }

  static void assertCompleted(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  /** Waits until the user has this task in the instance (a job may come first), then completes it. */
  static void completeWhenThere(HttpTestClient http, String user, String instance, String key,
      Map<String, Object> values) {
    String[] id = new String[1];
    await(key + " for " + user).atMost(JOB_WAIT).until(() -> {
      List<JsonNode> tasks = tasks(http, user, instance, key);
      id[0] = tasks.isEmpty() ? null : tasks.get(0).path("id").asText();
      return id[0] != null;
    });
    assertCompleted(submit(http, new Submission(user, id[0], key, values)));
  }

  /** The user's open tasks of this key in the instance: assigned to them, else those they are candidate for. */
  static List<JsonNode> tasks(HttpTestClient http, String user, String instance, String key) {
    List<JsonNode> tasks = new ArrayList<>();
    String query = "/engine-rest/task?" + inInstance(http, instance) + "&taskDefinitionKey=" + key;
    http.get(user, query + "&assignee=" + user).json().forEach(tasks::add);
    if (tasks.isEmpty()) {
      http.get(user, query).json().forEach(tasks::add);
    }
    return tasks;
  }

  private static JsonNode task(HttpTestClient http, String user, String instance, String key) {
    List<JsonNode> tasks = tasks(http, user, instance, key);
    assertThat(tasks).as(key + " for " + user + " in " + instance).hasSize(1);
    return tasks.get(0);
  }

  static Map<String, Object> plan(LocalDate closeDate) {
    return RfiPlanBuilder.rfi().title("Request for Information: grants closeout services")
        .description("Services that close out grant awards: reconciliation, final reports, records.")
        .topics("Closeout capabilities", "Data standards", "Pricing").closeDate(closeDate)
        .capabilitiesGuidance("Coverage of closeout needs").build();
  }

  static Map<String, Object> response(String organization) {
    return RfiResponseBuilder.from(organization).answers("We close out awards.", "Yes.", "Per award.").build();
  }

  static Map<String, Object> scores(int rating, int criteria) {
    Map<String, Object> form = new HashMap<>();
    for (int criterion = 1; criterion <= criteria; criterion++) {
      form.put("rating" + criterion, rating);
      form.put("rationale" + criterion, "Rated " + rating + " against the level definitions.");
    }
    return form;
  }
}
