package gov.qsmo.workflow;

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

/** Calls the running application over HTTP as a given user (HTTP Basic), as an API client would. */
public final class HttpClientForTests {

  public record Response(int status, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body, e);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** No call waits for ever: a test that hangs on a server that stopped answering fails instead. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  public HttpClientForTests(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  public Response get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public Response post(String user, String path, Object body) {
    try {
      return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              body instanceof String text ? text : JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response put(String user, String path, Object body) {
    try {
      return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(
              body instanceof String text ? text : JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response delete(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
  }

  /** Uploads one file as multipart/form-data under the part name "file". */
  public Response upload(String user, String path, String fileName, String contentType, byte[] content) {
    String boundary = "qsmo-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    body.writeBytes(head);
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Sends with {@code user}'s demo credentials (password = user id); null sends no credentials. */
  private Response send(String user, HttpRequest.Builder request) {
    if (user != null) {
      String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : user;
      String id = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
