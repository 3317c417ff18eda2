package gov.qsmo.workflow.resilience;

import static gov.qsmo.workflow.resilience.Fixtures.rfiPlan;
import static gov.qsmo.workflow.resilience.Fixtures.rfiResponse;
import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.designation.DesignationProcess;
import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.resilience.Fixtures.Designation;
import gov.qsmo.workflow.resilience.Fixtures.Rfi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people acting on one task: the second completion of a task is told it is no longer open (404),
 * also when both arrive at the same moment; of two candidates claiming one group task at the same
 * moment one gets it and the other is told it is taken (409), never a server error.
 */
@RunningApplicationTest
class TaskRaceIT {

  private static final String SECOND_DECIDER = "test.race.decider:race-decider-pw";
  private static final String SECOND_OFFICER = "test.race.officer:race-officer-pw";

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentitySetup identitySetup;

  Fixtures fx;
  ExecutorService threads;

  @BeforeEach
  void setUp() {
    fx = new Fixtures(port, managementService);
    identitySetup.ensureUser("test.race.decider", "Second", "Decider", "race-decider-pw", Roles.OMB_DECIDERS);
    identitySetup.ensureUser("test.race.officer", "Second", "Officer", "race-officer-pw", Roles.CONTRACTING_OFFICERS);
    threads = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void tearDown() {
    threads.shutdownNow();
  }

  @Test
  void aSecondCompletionOfTheSameTaskIs404SayingItIsNoLongerOpen() {
    Designation designation = fx.identified("CYBER", "DHS");
    String task = fx.task(designation.instance(), DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE).path("id").asText();
    assertThat(fx.submit("omb.decider", task, Map.of("decision", "PRE_DESIGNATE")).status()).isEqualTo(204);

    Response again = fx.submit("omb.decider", task, Map.of("decision", "DECLINE", "decisionReason", "Changed mind."));
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json().path("message").asText()).contains("is no longer open").contains("(completed)");
    Response byAnother = fx.submit(SECOND_DECIDER, task, Map.of("decision", "DECLINE", "decisionReason", "No."));
    assertThat(byAnother.status()).isEqualTo(404);
    assertThat(byAnother.json().path("message").asText()).as("when it ended: for those who may read the history")
        .containsAnyOf("is no longer open", "is not open");
    Response complete = fx.http.post("omb.decider", "/engine-rest/task/" + task + "/complete", Map.of());
    assertThat(complete.status()).as("complete instead of submit-form").isEqualTo(404);
    assertThat(http("omb.decider", "/api/designations/" + designation.id()).path("status").asText())
        .as("the first decision stands").isEqualTo("PRE_DESIGNATED");

    // The same for an RFI task, and for a claim of the finished task.
    Rfi rfi = fx.drafted(rfiPlan("RFI: completed twice", "Coverage of reporting needs"));
    String approve = fx.task(rfi.instance(), RfiProcess.Elements.TASK_APPROVE_PLAN).path("id").asText();
    fx.complete(Fixtures.DIRECTOR, approve, Map.of("planDecision", "APPROVE"), rfi.instance());
    Response twice = fx.submit(Fixtures.DIRECTOR, approve, Map.of("planDecision", "RETURN", "planComments", "x"));
    assertThat(twice.status()).isEqualTo(404);
    assertThat(twice.json().path("message").asText()).as("a director may not read the RFI's engine history")
        .contains("is not open").contains("completed");
    Response claim = fx.http.post(Fixtures.DIRECTOR, "/engine-rest/task/" + approve + "/claim",
        Map.of("userId", Fixtures.DIRECTOR));
    assertThat(claim.status()).isEqualTo(404);
    assertThat(http("auditor", "/api/rfis/" + rfi.id()).path("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void twoCompletionsOfOneTaskAtTheSameMomentGiveOneDecisionAndOneClearRefusal() {
    for (int attempt = 0; attempt < 5; attempt++) {
      Designation designation = fx.identified("CYBER", "DHS");
      String task = fx.task(designation.instance(), DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE).path("id").asText();

      List<Response> answers = race(
          () -> fx.submit("omb.decider", task, Map.of("decision", "PRE_DESIGNATE")),
          () -> fx.submit(SECOND_DECIDER, task, Map.of("decision", "DECLINE", "decisionReason", "Out of scope.")));

      assertThat(answers).as("attempt " + attempt + ": " + answers).filteredOn(r -> r.status() == 204).hasSize(1);
      Response refused = answers.stream().filter(r -> r.status() != 204).findFirst().orElseThrow();
      assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
      assertThat(message(refused)).as(refused.body()).isNotBlank();
      JsonNode history = fx.http.get("auditor", "/api/designations/" + designation.id() + "/history").json();
      assertThat(history.findValuesAsText("action")).as("one decision recorded").hasSize(2);
    }
  }

  @Test
  void twoDecidersClaimingTheSamePreDesignationAtOnceOneWinsTheOtherGets409() {
    for (int attempt = 0; attempt < 5; attempt++) {
      Designation designation = fx.identified("CYBER", "DHS");
      String task = fx.task(designation.instance(), DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE).path("id").asText();
      String claim = "/engine-rest/task/" + task + "/claim";

      List<Response> answers = race(
          () -> fx.http.post("omb.decider", claim, Map.of("userId", "omb.decider")),
          () -> fx.http.post(SECOND_DECIDER, claim, Map.of("userId", "test.race.decider")));

      assertClaimRace(answers, attempt);
      String assignee = fx.http.get("auditor", "/engine-rest/task/" + task).json().path("assignee").asText();
      String winner = answers.get(0).status() == 204 ? "omb.decider" : "test.race.decider";
      assertThat(assignee).as("the task is the winner's").isEqualTo(winner);

      // Claiming it again afterwards: taken, by whom.
      String loser = winner.equals("omb.decider") ? SECOND_DECIDER : "omb.decider";
      Response late = fx.http.post(loser, claim, Map.of("userId", loser.split(":")[0]));
      assertThat(late.status()).as(late.body()).isEqualTo(409);
      assertThat(late.json().path("message").asText()).contains("is already claimed by " + winner);
    }
  }

  @Test
  void twoContractingOfficersClaimingConfirmScreeningAtOnceOneWinsTheOtherGets409() {
    Rfi rfi = fx.open(rfiPlan("RFI: two officers screening", "Coverage of reporting needs"));
    fx.respond("respondent.acme", rfi, rfiResponse("Acme Grants Cloud", "We report."));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(rfi.instance()).timers()
        .singleResult().getId());
    String task = fx.task(rfi.instance(), RfiProcess.Elements.TASK_CONFIRM_SCREENING).path("id").asText();
    String claim = "/engine-rest/task/" + task + "/claim";

    List<Response> answers = race(
        () -> fx.http.post(Fixtures.OFFICER, claim, Map.of("userId", Fixtures.OFFICER)),
        () -> fx.http.post(SECOND_OFFICER, claim, Map.of("userId", "test.race.officer")));

    assertClaimRace(answers, 0);
    String winner = answers.get(0).status() == 204 ? Fixtures.OFFICER : SECOND_OFFICER;
    assertThat(fx.http.get("auditor", "/engine-rest/task/" + task).json().path("assignee").asText())
        .isEqualTo(winner.split(":")[0]);
    assertThat(fx.submit(winner, task, Map.of("screeningDecision", "CONFIRM")).status()).isEqualTo(204);
  }

  private static void assertClaimRace(List<Response> answers, int attempt) {
    assertThat(answers).as("attempt " + attempt + ": " + answers).filteredOn(r -> r.status() == 204).hasSize(1);
    Response refused = answers.stream().filter(r -> r.status() != 204).findFirst().orElseThrow();
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().path("message").asText()).as(refused.body())
        .containsAnyOf("is already claimed by", "changed this at the same moment");
  }

  /** Runs both calls at the same moment, each on its own thread; their answers in the order given. */
  private List<Response> race(Supplier<Response> first, Supplier<Response> second) {
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<Response>> calls = new ArrayList<>();
    for (Supplier<Response> call : List.of(first, second)) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return call.get();
      }, threads));
    }
    return calls.stream().map(CompletableFuture::join).toList();
  }

  private JsonNode http(String user, String path) {
    return fx.http.get(user, path).json();
  }

  private static String message(Response response) {
    return response.body().startsWith("{") ? response.json().path("message").asText(response.json().path("detail")
        .asText("")) : response.body();
  }
}
