package gov.qsmo.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running application over HTTP: a user switches their own e-mail off and on; administrators (only)
 * list undeliverable messages; a malformed e-mail address is refused with 400 when a user is created or
 * their profile changed through the engine's REST API (as Camunda Admin does), and nothing is saved.
 */
@RunningApplicationTest
class NotificationApiIT {

  private static final String ADMIN = "admin:test-only-admin-password";

  @LocalServerPort
  int port;
  @Autowired
  Notifications notifications;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void aUserSwitchesTheirOwnEmailOffAndOn() {
    assertThat(http.get("reviewer2", "/api/me/notifications").json().path("email").asBoolean()).isTrue();

    Response off = http.put("reviewer2", "/api/me/notifications", Map.of("email", false));
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    assertThat(http.get("reviewer2", "/api/me/notifications").json().path("email").asBoolean()).isFalse();
    assertThat(http.get("reviewer3", "/api/me/notifications").json().path("email").asBoolean())
        .as("another user's setting is their own").isTrue();

    Response missing = http.put("reviewer2", "/api/me/notifications", Map.of());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("detail").asText()).contains("{\"email\": false}");
    Response unknown = http.put("reviewer2", "/api/me/notifications", Map.of("email", true, "user", "reviewer3"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(http.get("reviewer3", "/api/me/notifications").json().path("email").asBoolean()).isTrue();
    assertThat(http.get(null, "/api/me/notifications").status()).isEqualTo(401);

    assertThat(http.put("reviewer2", "/api/me/notifications", Map.of("email", true)).status()).isEqualTo(200);
    assertThat(http.get("reviewer2", "/api/me/notifications").json().path("email").asBoolean()).isTrue();
  }

  @Test
  void theDemosInboxShowsTheMailItSent() {
    await("the demo's mail in its inbox").atMost(java.time.Duration.ofSeconds(60)).until(() -> {
      Response inbox = http.get(null, "/demo/mail?to=omb.decider");
      return inbox.status() == 200 && inbox.body().contains("Demo inbox") && inbox.body().contains("[QSMO]")
          && inbox.body().contains("To omb.decider@qsmo.example.gov");
    });
  }

  @Test
  void undeliverableMessagesAreListedForAdministratorsOnly() {
    String userId = "no.mail." + System.nanoTime() % 1_000_000;
    User user = identityService.newUser(userId);
    user.setFirstName("Nomail");
    user.setPassword(userId);
    identityService.saveUser(user);
    Task task = taskService.newTask();
    task.setName("Standalone task without an address");
    task.setAssignee(userId);
    taskService.saveTask(task);

    notifications.remind(task.getId());

    Response listed = http.get(ADMIN, "/api/notifications/undeliverable?size=20");
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    assertThat(listed.json()).anySatisfy(message -> {
      assertThat(message.path("recipientUserId").asText()).isEqualTo(userId);
      assertThat(message.path("taskId").asText()).isEqualTo(task.getId());
      assertThat(message.path("reason").asText()).contains("has no e-mail address");
    });
    assertThat(http.get("reviewer1", "/api/notifications/undeliverable").status()).isEqualTo(403);
    assertThat(http.get(ADMIN, "/api/notifications/undeliverable?size=5000").status()).isEqualTo(400);
    taskService.deleteTask(task.getId(), true);
  }

  @Test
  void aMalformedEmailAddressIsRefusedWhenAUserIsSaved() {
    String userId = "mail.check." + System.nanoTime() % 1_000_000;
    for (String bad : List.of("not-an-address", "someone@agency.gov\r\nBcc: intruder@example.com",
        "Someone <someone@agency.gov>", "someone@agency", "some one@agency.gov")) {
      Response created = http.post(ADMIN, "/engine-rest/user/create", newUser(userId, bad));
      assertThat(created.status()).as(bad + ": " + created.body()).isEqualTo(400);
      assertThat(created.json().path("message").asText()).contains("is not valid").contains("name@agency.gov");
      assertThat(http.get(ADMIN, "/engine-rest/user/" + userId + "/profile").status()).as("nothing saved")
          .isEqualTo(404);
    }

    Response created = http.post(ADMIN, "/engine-rest/user/create", newUser(userId, "checked.user@agency.gov"));
    assertThat(created.status()).as(created.body()).isEqualTo(204);

    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("id", userId);
    profile.put("firstName", "Checked");
    profile.put("lastName", "User");
    profile.put("email", "checked.user@agency.gov\nBcc: intruder@example.com");
    Response updated = http.put(ADMIN, "/engine-rest/user/" + userId + "/profile", profile);
    assertThat(updated.status()).as(updated.body()).isEqualTo(400);
    assertThat(http.get(ADMIN, "/engine-rest/user/" + userId + "/profile").json().path("email").asText())
        .isEqualTo("checked.user@agency.gov");
    identityService.deleteUser(userId);
  }

  private static Map<String, Object> newUser(String id, String email) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("id", id);
    profile.put("firstName", "Checked");
    profile.put("lastName", "User");
    profile.put("email", email);
    return Map.of("profile", profile, "credentials", Map.of("password", "a-long-password-1"));
  }
}
