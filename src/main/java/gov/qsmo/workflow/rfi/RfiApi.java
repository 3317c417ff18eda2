package gov.qsmo.workflow.rfi;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the RFI evaluation's controllers share: one OpenAPI tag (each step's controller serves its own
 * resources under {@code /api/rfis}) and file downloads.
 */
public final class RfiApi {

  public static final String PATH = "/api/rfis";
  public static final String TAG = "RFI evaluation";
  public static final String TAG_DESCRIPTION = "Requests for Information: evaluation plans, responses, panel, blind "
      + "scores, consensus and reports";

  private RfiApi() {
  }

  /** A file to save, never to render in the browser. */
  public static ResponseEntity<byte[]> download(byte[] content, String fileName, MediaType type) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }
}
