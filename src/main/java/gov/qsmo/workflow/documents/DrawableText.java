package gov.qsmo.workflow.documents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * User text as the embedded fonts can draw it, and the record of every character they cannot. Text is
 * NFC-normalised (so "Nguyễn" is drawn with precomposed letters); CR, LF and CRLF become line breaks
 * (or spaces), tabs and Unicode spaces a plain space. A character that no embedded font has (Chinese,
 * emoji, control characters) is drawn as U+FFFD and recorded with the text it was found in, so that
 * the document lists it and the caller logs it: nothing is replaced silently. One instance per
 * document; not thread-safe.
 */
public final class DrawableText {

  /** A character the fonts cannot draw, how often it occurred and the first text it was in. */
  public record Missing(int codePoint, int occurrences, String firstSeenIn) {

    /** "U+5F20" */
    public String code() {
      return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    /** The Unicode name, e.g. "CJK UNIFIED IDEOGRAPH-5F20", or "unassigned". */
    public String name() {
      String name = Character.getName(codePoint);
      return name == null ? "unassigned" : name;
    }
  }

  private final Map<Integer, int[]> counts = new TreeMap<>();
  private final Map<Integer, String> contexts = new TreeMap<>();

  /**
   * The text ready to draw. Null becomes "". With {@code keepLineBreaks} line breaks stay, otherwise
   * they become spaces.
   */
  public String clean(String text, boolean keepLineBreaks) {
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
      } else if (ReportFonts.drawable(cp)) {
        out.append((char) cp);
      } else {
        record(cp, normalized);
        out.append(ReportFonts.REPLACEMENT);
      }
    }
    return out.toString();
  }

  private void record(int codePoint, String context) {
    counts.computeIfAbsent(codePoint, key -> new int[1])[0]++;
    contexts.computeIfAbsent(codePoint, key -> excerpt(context));
  }

  /** The first 80 characters of the text on one line, drawable characters only (others as U+FFFD). */
  private static String excerpt(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 81));
    for (int i = 0; i < text.length() && out.length() < 80; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
      } else {
        out.append(ReportFonts.drawable(cp) ? (char) cp : ReportFonts.REPLACEMENT);
      }
    }
    String excerpt = out.toString().strip();
    return excerpt.length() < text.strip().length() ? excerpt + "\u2026" : excerpt;
  }

  /** Every character that could not be drawn so far, by code point. */
  public List<Missing> missing() {
    List<Missing> missing = new ArrayList<>(counts.size());
    counts.forEach((cp, count) -> missing.add(new Missing(cp, count[0], contexts.get(cp))));
    return missing;
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
