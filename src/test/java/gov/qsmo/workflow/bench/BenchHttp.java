package gov.qsmo.workflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP/1.1 client of the running application, signed in as a given user with HTTP Basic (the
 * benchmark's users have their user id as password), as a browser or an API client would be.
 */
final class BenchHttp {

  record Response(int status, String body) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;
  private final Map<String, String> authorization = new ConcurrentHashMap<>();

  BenchHttp(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  Response get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  Response post(String user, String path, Object body) {
    try {
      return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code POST /engine-rest/task/{id}/submit-form} with these form values, as Tasklist submits a form. */
  Response submitForm(String user, String taskId, Map<String, Object> values) {
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables(values)));
  }

  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return variables;
  }

  private Response send(String user, HttpRequest.Builder request) {
    request.timeout(Duration.ofSeconds(60));
    request.header("Authorization", authorization.computeIfAbsent(user, id -> "Basic " + Base64.getEncoder()
        .encodeToString((id + ":" + id).getBytes(StandardCharsets.UTF_8))));
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Response(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
