package gov.qsmo.workflow.rfi.report;

import java.io.IOException;
import java.nio.charset.Charset;
import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * Text as the standard 14 PDF fonts can draw it: they encode WinAnsi (Windows-1252) only. Whatever
 * they cannot encode (emoji, CJK, control characters) becomes '?', so odd input never makes a
 * rendering fail; any Unicode space (tab, no-break space) becomes a plain space and line breaks stay
 * line breaks where the caller keeps them.
 */
final class WinAnsiText {

  /** Chars that Helvetica with WinAnsiEncoding draws; the highest is U+2122 (trade mark). */
  private static final boolean[] ENCODABLE = new boolean[0x2123];

  static {
    PDType1Font probe = new PDType1Font(FontName.HELVETICA);
    Charset windows1252 = Charset.forName("windows-1252");
    for (int code = 0x20; code < 0x100; code++) {
      String decoded = new String(new byte[] {(byte) code}, windows1252);
      if (decoded.length() != 1) {
        continue;
      }
      char c = decoded.charAt(0);
      if (c >= ENCODABLE.length || Character.isISOControl(c) || Character.isSpaceChar(c) && c != ' ') {
        continue;
      }
      try {
        probe.encode(decoded);
        ENCODABLE[c] = true;
      } catch (IOException | IllegalArgumentException notInFont) {
        // stays false: replaced by '?'
      }
    }
  }

  private WinAnsiText() {
  }

  /** True if the char can be drawn as it is. */
  static boolean encodable(char c) {
    return c < ENCODABLE.length && ENCODABLE[c];
  }

  /**
   * The text with every character the fonts cannot encode replaced by '?' (one per code point).
   * Null becomes "". With {@code keepLineBreaks} CR, LF and CRLF become '\n', otherwise a space.
   */
  static String clean(String text, boolean keepLineBreaks) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    if (isPlain(text)) {
      return text;
    }
    String normalized = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
        : Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(normalized.length());
    for (int i = 0; i < normalized.length(); ) {
      int cp = normalized.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\r' || cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        if (cp == '\r' && i < normalized.length() && normalized.charAt(i) == '\n') {
          i++;
        }
        out.append(keepLineBreaks ? '\n' : ' ');
      } else if (cp == '\t' || Character.isSpaceChar(cp)) {
        out.append(' ');
      } else if (cp < ENCODABLE.length && ENCODABLE[cp]) {
        out.append((char) cp);
      } else {
        out.append('?');
      }
    }
    return out.toString();
  }

  /** Fast path: printable ASCII only. */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
