package gov.qsmo.workflow.rfi.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A recorded attestation version names exactly one text: a changed text needs a new version. */
public class AttestationTests {

  /** Every version ever signed, with the SHA-256 of its text. Add a line for each new version. */
  private static final Map<String, String> SIGNED_TEXTS = Map.of(
      "COI-NDA-2026-1", "513e775f8165471fbf5ee60fe4c4b7dc83e462d66b830217a373c1e0afd55154");

  @Test
  void theTextIsTheOneItsVersionNames() throws NoSuchAlgorithmException {
    Attestation attestation = Attestation.load();
    assertThat(attestation.text()).startsWith("I attest that");
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(attestation.text().getBytes(StandardCharsets.UTF_8)));
    assertThat(SIGNED_TEXTS).as("the attestation's version (first line of %s)", Attestation.RESOURCE)
        .containsKey(attestation.version());
    assertThat(digest).as("the text of attestation %s changed: give the new text a new version in %s, and add "
        + "that version here", attestation.version(), Attestation.RESOURCE)
        .isEqualTo(SIGNED_TEXTS.get(attestation.version()));
  }
}
