package gov.qsmo.workflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Writes an error body from a servlet filter, where Spring MVC's exception handlers do not reach. */
public final class JsonResponses {

  private JsonResponses() {
  }

  public static void write(ObjectMapper json, HttpServletResponse response, int status, String contentType,
      Map<String, ?> body) throws IOException {
    response.setStatus(status);
    response.setContentType(contentType);
    json.writeValue(response.getOutputStream(), body);
  }
}
