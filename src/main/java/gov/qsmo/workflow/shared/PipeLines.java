package gov.qsmo.workflow.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Text a form's textarea holds as one entry per line, the entry's parts separated by '|'
 * ({@code a | b | c}): scale levels, criteria, screening overrides, reassignments, service offerings.
 * (Camunda Forms in Tasklist 7 have no list field that works without Camunda Spin.) Blank lines are
 * skipped; every other line comes with its number, so a refusal can say which line to fix.
 */
public final class PipeLines {

  /**
   * One non-blank line.
   *
   * @param number the line's number in the text, counting blank lines, from 1
   * @param parts the line's parts as written (not stripped)
   */
  public record Line(int number, List<String> parts) {

    /** The part at {@code index} without the spaces around it. */
    public String part(int index) {
      return parts.get(index).strip();
    }

    public int size() {
      return parts.size();
    }
  }

  private PipeLines() {
  }

  /**
   * The non-blank lines of {@code text} (none for null), each split at '|' as {@link String#split(String,
   * int)} does with {@code limit}: at most {@code limit} parts when positive, every part when negative,
   * every part without trailing empty ones when 0.
   */
  public static List<Line> parse(String text, int limit) {
    List<Line> lines = new ArrayList<>();
    if (text == null) {
      return lines;
    }
    String[] all = text.split("\\R", -1);
    for (int i = 0; i < all.length; i++) {
      if (!all[i].isBlank()) {
        lines.add(new Line(i + 1, List.of(all[i].split("\\|", limit))));
      }
    }
    return lines;
  }
}
