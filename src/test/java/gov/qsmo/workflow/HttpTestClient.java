package gov.qsmo.workflow;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
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

/**
 * Calls the running application over HTTP as a given user (HTTP Basic), as an API client would: the
 * usual calls (get, post, put, upload) and raw requests of any method, body and content type.
 */
public final class HttpTestClient {

  public record Response(int status, String body) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body, e);
      }
    }
  }

  /** A multipart upload of one part. */
  public record Upload(String partName, String fileName, String contentType, byte[] content) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Escapes every non-ASCII character, so that a lone surrogate can be sent as the JSON escape it is. */
  private static final ObjectMapper ESCAPING_JSON = JsonMapper.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  /** No call waits for ever: a test that hangs on a server that stopped answering fails instead. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** HTTP/1.1, as browsers and API clients speak to the application (no h2c upgrade on every request). */
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  public HttpTestClient(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  public Response get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public Response post(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  public Response put(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  public Response delete(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
  }

  /** {@code POST /engine-rest/task/{id}/submit-form} with these values, as Tasklist submits a form. */
  public Response submitForm(String user, String taskId, Map<String, ?> values) {
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", form(values));
  }

  /** A Camunda form submission body: every value untyped, as Tasklist sends it. */
  public static Map<String, Object> form(Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("value", value);
      variables.put(key, variable);
    });
    return Map.of("variables", variables);
  }

  /** Uploads one file as multipart/form-data under the part name "file". */
  public Response upload(String user, String path, String fileName, String contentType, byte[] content) {
    return send(user, "POST", path, new Upload("file", fileName, contentType, content), null);
  }

  /**
   * Sends {@code body} as given: a String or byte[] as is, an {@link Upload} as multipart, anything
   * else as JSON with every non-ASCII character escaped; {@code contentType} null for the body's own.
   */
  public Response send(String user, String method, String path, Object body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    byte[] bytes;
    String type = contentType;
    if (body == null) {
      bytes = null;
    } else if (body instanceof Upload upload) {
      String boundary = "qsmo-" + System.nanoTime();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + upload.partName()
          + "\"; filename=\"" + upload.fileName() + "\"\r\nContent-Type: " + upload.contentType() + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(upload.content());
      out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      bytes = out.toByteArray();
      type = type == null ? "multipart/form-data; boundary=" + boundary : type;
    } else if (body instanceof byte[] raw) {
      bytes = raw;
    } else if (body instanceof String text) {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    } else {
      try {
        bytes = ESCAPING_JSON.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (bytes != null) {
      request.header("Content-Type", type == null ? "application/json" : type);
    }
    request.method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(bytes));
    return send(user, request);
  }

  /** The body of a GET as bytes (a PDF), or an AssertionError when it did not answer 200. */
  public byte[] bytes(String user, String path) {
    HttpResponse<byte[]> response = exchange(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new AssertionError(path + " answered " + response.statusCode() + ", not 200");
    }
    return response.body();
  }

  private Response send(String user, HttpRequest.Builder request) {
    HttpResponse<String> response = exchange(user, request, HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body());
  }

  /**
   * Sends with {@code user}'s demo credentials (password = user id; {@code user:password} for another
   * password); null sends no credentials.
   */
  private <T> HttpResponse<T> exchange(String user, HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    if (user != null) {
      String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : user;
      String id = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return client.send(request.timeout(TIMEOUT).build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
