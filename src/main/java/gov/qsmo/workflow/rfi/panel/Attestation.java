package gov.qsmo.workflow.rfi.panel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The conflict-of-interest and non-disclosure attestation every panel member signs: its text and
 * the version that names it, kept together in one resource ({@value #RESOURCE}: the version on the
 * first line, the text below). A signature records this version, so the version always names the
 * text that was signed; {@code AttestationTests} fails when the text changes under the same version.
 */
public record Attestation(String version, String text) {

  public static final String RESOURCE = "rfi/attestation.txt";

  public static Attestation load() {
    try (InputStream in = Attestation.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The attestation " + RESOURCE + " is missing from the classpath.");
      }
      String content = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
      int firstLineEnd = content.indexOf('\n');
      if (firstLineEnd <= 0) {
        throw new IllegalStateException(RESOURCE + " must hold the version on its first line and the text below.");
      }
      return new Attestation(content.substring(0, firstLineEnd).strip(), content.substring(firstLineEnd + 1).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + RESOURCE, e);
    }
  }
}
