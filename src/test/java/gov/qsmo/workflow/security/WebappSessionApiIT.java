package gov.qsmo.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qsmo.workflow.RunningApplicationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application's API accepts the session of a user signed in to Tasklist, with the same rules as
 * HTTP Basic; anything but reading needs the webapps' CSRF token; Camunda's REST API keeps HTTP Basic.
 */
@RunningApplicationTest
class WebappSessionApiIT {

  @LocalServerPort
  int port;

  final ObjectMapper json = new ObjectMapper();

  /** A browser-like client (cookies kept) signed in to Tasklist as this demo user. */
  private final class Session {
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
        .build();

    Session signIn(String user) throws Exception {
      send("GET", "/camunda/app/tasklist/", null, false);
      HttpResponse<String> login = send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
          "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
              + URLEncoder.encode(user, StandardCharsets.UTF_8), true);
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // As Tasklist does next: the signed-in session gets its own CSRF token.
      assertThat(send("GET", "/camunda/api/admin/auth/user/default", null, false).statusCode()).isEqualTo(200);
      return this;
    }

    /** The webapps' CSRF token as last set (it changes when the session does, at sign-in). */
    String token;

    String csrfToken() {
      return token;
    }

    HttpResponse<String> send(String method, String path, String body, boolean withToken) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", path.startsWith("/camunda") ? "application/x-www-form-urlencoded"
            : "application/json");
      }
      if (withToken) {
        request.header("X-XSRF-TOKEN", csrfToken());
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").stream().flatMap(header -> HttpCookie.parse(header).stream())
          .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).forEach(cookie -> token = cookie.getValue());
      return response;
    }
  }

  @Test
  void aTasklistSessionReadsTheApiWithoutASecondSignIn() throws Exception {
    Session auditor = new Session().signIn("auditor");

    HttpResponse<String> designations = auditor.send("GET", "/api/designations", null, false);
    assertThat(designations.statusCode()).as(designations.body()).isEqualTo(200);
    JsonNode first = json.readTree(designations.body()).get(0);
    HttpResponse<String> pdf = auditor.send("GET", "/api/designations/" + first.path("id").asText()
        + "/decision-package.pdf", null, false);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF-");
  }

  @Test
  void theSessionUserHasTheirOwnGroupsOnlyAndCamundasRestApiStillNeedsBasic() throws Exception {
    Session reviewer = new Session().signIn("reviewer1");

    HttpResponse<String> designations = reviewer.send("GET", "/api/designations", null, false);
    assertThat(designations.statusCode()).isEqualTo(403);
    assertThat(json.readTree(designations.body()).path("detail").asText()).contains("GET /api/designations");
    assertThat(reviewer.send("GET", "/api/agencies", null, false).statusCode()).isEqualTo(200);
    assertThat(reviewer.send("GET", "/engine-rest/task", null, false).statusCode()).isEqualTo(401);
  }

  @Test
  void aChangeThroughTheSessionNeedsTheCsrfToken() throws Exception {
    Session decider = new Session().signIn("omb.decider");
    String path = "/api/designations/DSG-0000-0000/redesignation";
    String body = "{\"successorAgencyCode\": \"OPM\", \"planDueDate\": \"2099-06-30\", \"reason\": \"test\"}";

    HttpResponse<String> withoutToken = decider.send("POST", path, body, false);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(json.readTree(withoutToken.body()).path("detail").asText()).contains("X-XSRF-TOKEN");
    // With the token the request reaches the API, which answers for the unknown designation.
    HttpResponse<String> withToken = decider.send("POST", path, body, true);
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(404);
  }

  /**
   * The API reads the webapps' session and leaves it as it is: a new session id on each call would sign out
   * every request still in flight with the old one (a page asking for several things at once) and Tasklist.
   */
  @Test
  void theApiNeverRenewsTheSessionSoParallelCallsAndTasklistStaySignedIn() throws Exception {
    Session chair = new Session().signIn("panel.chair");
    for (String path : List.of("/api/dashboard/my-work", "/api/dashboard/program", "/api/agencies")) {
      HttpResponse<String> response = chair.send("GET", path, null, false);
      assertThat(response.statusCode()).as(path).isIn(200, 403);
      assertThat(response.headers().allValues("Set-Cookie")).as(path + " sets no new session cookie")
          .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
    }
    List<HttpResponse<String>> parallel = java.util.stream.IntStream.range(0, 5).parallel().mapToObj(i -> {
      try {
        return chair.send("GET", i % 2 == 0 ? "/api/dashboard/my-work" : "/api/dashboard/qsmo", null, false);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(parallel).extracting(HttpResponse::statusCode).as("signed in for each call").doesNotContain(401);
    assertThat(chair.send("GET", "/camunda/api/admin/auth/user/default", null, false).statusCode())
        .as("Tasklist's session still signed in").isEqualTo(200);
  }

  @Test
  void withoutASessionTheApiStillAnswers401AndAfterSigningOutToo() throws Exception {
    Session anonymous = new Session();
    assertThat(anonymous.send("GET", "/api/designations", null, false).statusCode()).isEqualTo(401);

    Session auditor = new Session().signIn("auditor");
    assertThat(auditor.send("GET", "/api/designations", null, false).statusCode()).isEqualTo(200);
    HttpResponse<String> logout = auditor.send("POST", "/camunda/api/admin/auth/user/default/logout", "", true);
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
    assertThat(auditor.send("GET", "/api/designations", null, false).statusCode()).isEqualTo(401);
  }
}
