package gov.qsmo.workflow.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A file someone uploads (an RFI response's attachment, a condition's evidence), checked: not empty, within the
 * size limit, a plain file name (no folders, no "..", no invisible formatting characters that disguise its type),
 * a content type that fits its column. Each refusal is a 400 naming the field {@code file}.
 */
public record Upload(String fileName, String contentType, byte[] content, String sha256) {

  /** The largest file accepted: 10 MiB (the server's multipart limit is a little higher). */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  private static final Pattern PARENT_STEP = Pattern.compile("(^|[/\\\\])\\.\\.([/\\\\]|$)");

  /** Checks a file as received; the name is reduced to its last path element. */
  public static Upload checked(String fileName, String contentType, byte[] content) {
    if (content == null || content.length == 0) {
      throw new InvalidRequestException("file", "The file is empty; attach a file with content.");
    }
    if (content.length > MAX_BYTES) {
      throw new InvalidRequestException("file", "The file has " + content.length + " bytes; attach at most "
          + MAX_BYTES + " bytes (10 MiB).");
    }
    if (fileName != null && PARENT_STEP.matcher(fileName).find()) {
      throw new InvalidRequestException("file", "File name '" + fileName + "' climbs out of its folder (..); "
          + "send the file's own name.");
    }
    String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").strip();
    if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
      throw new InvalidRequestException("file", "File name contains an invisible formatting character (such as a "
          + "right-to-left override) that can disguise the file's type; rename the file.");
    }
    name = Inputs.checkedText("file", "File name", name.isEmpty() ? "attachment" : name, 255);
    String type = contentType == null || contentType.isBlank() || contentType.length() > 100
        ? "application/octet-stream" : contentType;
    return new Upload(name, type, content, sha256(content));
  }

  /** The file's SHA-256, in hex, as records and downloads state it. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file given as text (tests, demo data). */
  public static Upload ofText(String fileName, String text) {
    return checked(fileName, "text/plain", text.getBytes(StandardCharsets.UTF_8));
  }
}
