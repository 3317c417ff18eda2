package gov.qsmo.workflow.process;

/**
 * Text people wrote, for the markdown text views of task forms (Tasklist renders them as markdown
 * with HTML): escaped so that it shows as typed. Markup in it (a script tag, an image with onerror,
 * bold, a link) never renders and never runs.
 */
public final class MarkdownText {

  private MarkdownText() {
  }

  /** Text as written, safe inside markdown: every character markdown or HTML would act on is escaped. */
  public static String literal(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (lineStart && (c == '#' || c == '-' || c == '+' || c == '=')) {
        out.append('\\');
      }
      if (lineStart && Character.isDigit(c)) {
        int j = i;
        while (j < text.length() && Character.isDigit(text.charAt(j))) {
          j++;
        }
        if (j < text.length() && (text.charAt(j) == '.' || text.charAt(j) == ')')) {
          out.append(text, i, j).append('\\').append(text.charAt(j));
          i = j;
          lineStart = false;
          continue;
        }
      }
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '|', '~', '!' -> out.append('\\').append(c);
        case '\n' -> out.append("  \n");
        case '\r' -> { }
        default -> out.append(c);
      }
      if (c == '\n') {
        lineStart = true;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        lineStart = false;
      }
    }
    return out.toString();
  }
}
