package gov.qsmo.workflow.rfi.report;

import gov.qsmo.workflow.documents.Lists;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.IndividualScore;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Every individual score of an RFI evaluation (current and superseded versions) as CSV: UTF-8 with a
 * byte order mark (without it Excel on Windows reads the file as the local ANSI code page and garbles
 * every name outside ASCII; LibreOffice, Numbers and CSV parsers that know the mark skip it), RFC 4180 quoting, CRLF line ends, a header row, then one row per score in the
 * order given. A cell that a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR)
 * gets a leading apostrophe. Times are ISO-8601 in UTC; nulls are empty cells.
 */
public final class EvaluationReportCsv {

  /** U+FEFF, written as EF BB BF: tells Excel the file is UTF-8. */
  static final char BYTE_ORDER_MARK = '\uFEFF';

  static final List<String> COLUMNS = List.of("rfi_id", "response_id", "organization", "reviewer_id",
      "criterion", "rating", "rating_label", "strengths", "weaknesses", "rationale", "version", "current",
      "submitted_at");

  private EvaluationReportCsv() {
  }

  /** Renders the scores; never fails on nulls or empty lists ({@code data} itself must not be null). */
  public static byte[] render(EvaluationReportData data) {
    Objects.requireNonNull(data, "data");
    List<IndividualScore> scores = Lists.present(data.individualScores());
    StringBuilder out = new StringBuilder(256 + scores.size() * 400);
    out.append(BYTE_ORDER_MARK);
    for (int i = 0; i < COLUMNS.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(COLUMNS.get(i));
    }
    out.append("\r\n");
    for (IndividualScore s : scores) {
      String label = data.scale() == null ? null : data.scale().labelOf(s.rating());
      cell(out, data.rfiId()).append(',');
      cell(out, s.responseId()).append(',');
      cell(out, s.organization()).append(',');
      cell(out, s.reviewerId()).append(',');
      cell(out, s.criterionName()).append(',');
      cell(out, Integer.toString(s.rating())).append(',');
      cell(out, label).append(',');
      cell(out, s.strengths()).append(',');
      cell(out, s.weaknesses()).append(',');
      cell(out, s.rationale()).append(',');
      cell(out, Integer.toString(s.version())).append(',');
      cell(out, Boolean.toString(s.current())).append(',');
      cell(out, iso(s.submittedAt())).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Appends one cell: guarded against formula injection, quoted when it holds , " CR or LF. */
  static StringBuilder cell(StringBuilder out, String value) {
    if (value == null || value.isEmpty()) {
      return out;
    }
    char first = value.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (quote) {
      out.append('"');
    }
    if (formula) {
      out.append('\'');
    }
    if (quote) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"') {
          out.append('"');
        }
        out.append(c);
      }
      out.append('"');
    } else {
      out.append(value);
    }
    return out;
  }

  private static String iso(Instant instant) {
    if (instant == null) {
      return null;
    }
    try {
      return DateTimeFormatter.ISO_INSTANT.format(instant);
    } catch (DateTimeException outOfRange) {
      return instant.toString();
    }
  }
}
