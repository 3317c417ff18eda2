package gov.qsmo.workflow.rfi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.qsmo.workflow.rfi.report.EvaluationReportData.IndividualScore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationReportCsvTests {

  private final EvaluationReportData data = SampleReports.small();

  @Test
  void everyScoreComesBackFromTheCsvRowForRow() {
    List<List<String>> records = parse(EvaluationReportCsv.render(data));
    assertThat(records.get(0)).containsExactly("rfi_id", "response_id", "organization", "reviewer_id", "criterion",
        "rating", "rating_label", "strengths", "weaknesses", "rationale", "version", "current", "submitted_at");
    List<IndividualScore> scores = data.individualScores();
    assertThat(records).hasSize(scores.size() + 1);
    for (int i = 0; i < scores.size(); i++) {
      IndividualScore s = scores.get(i);
      assertThat(records.get(i + 1)).as("row %d", i + 1).containsExactly("RFI-2026-0042", s.responseId(),
          s.organization(), s.reviewerId(), s.criterionName(), Integer.toString(s.rating()),
          data.scale().labelOf(s.rating()), guarded(s.strengths()), guarded(s.weaknesses()), guarded(s.rationale()),
          Integer.toString(s.version()), Boolean.toString(s.current()), s.submittedAt().toString());
    }
  }

  @Test
  void quotesCommasQuotesAndLineBreaksAndEndsEveryRecordWithCrlf() {
    byte[] bytes = EvaluationReportCsv.render(data);
    String csv = new String(bytes, StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFrfi_id,response_id,").endsWith("\r\n");
    assertThat(csv).contains(",\"Acme Grants, Inc.\",", ",\"Northwind \"\"Cloud\"\" Services\",",
        ",\"Mentions migration, \"\"proven\"\" tooling\",", "\"No data dictionary,\nno mapping to the standard\"",
        ",2026-03-06T09:15:00Z\r\n");
    // outside quotes every line feed ends a record and follows a carriage return
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        assertThat(csv.charAt(i - 1)).as("CR before LF at %d", i).isEqualTo('\r');
      }
    }
    assertThat(quoted).isFalse();
  }

  @Test
  void startsWithTheUtf8ByteOrderMarkAndKeepsNamesInEveryScriptByteForByte() {
    List<String> names = List.of("Nguyễn Thị", "Trần Văn Đức", "Łukasz", "Dvořák", "Γιώργος Παπαδόπουλος",
        "Анна Иванова", "张伟");
    List<IndividualScore> scores = new ArrayList<>();
    for (String name : names) {
      scores.add(new IndividualScore("RSP-001", name + " Consulting", name, "Customer experience", 3, "Strengths of "
          + name, null, "=" + name, 1, true, null));
    }
    EvaluationReportData international = new EvaluationReportData("RFI-2026-0042", null, null, null, null, null, null,
        null, data.scale(), null, null, null, null, scores, null, null, null, null);
    byte[] bytes = EvaluationReportCsv.render(international);
    assertThat(java.util.Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("rfi_id,").doesNotContain("?").doesNotContain("\uFFFD");
    List<List<String>> records = parse(bytes);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      assertThat(records.get(i + 1)).containsSequence(name + " Consulting", name).contains("Strengths of " + name,
          "'=" + name);
      byte[] utf8 = (name + " Consulting").getBytes(StandardCharsets.UTF_8);
      assertThat(indexOf(bytes, utf8)).as("%s as UTF-8 bytes", name).isPositive();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void cellsASpreadsheetWouldReadAsFormulasStartWithAnApostrophe() {
    List<List<String>> records = parse(EvaluationReportCsv.render(data));
    List<String> cells = new ArrayList<>();
    records.forEach(cells::addAll);
    assertThat(cells).contains("'=HYPERLINK(\"http://evil.example\",\"click\")", "'-No data dictionary",
        "'+1 for trying", "'\tTabbed start");
    assertThat(cells).anyMatch(cell -> cell.startsWith("'@SUM(A1:A2) corrected"));
    for (String cell : cells) {
      assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
          .doesNotStartWith("\t").doesNotStartWith("\r");
    }
    StringBuilder out = new StringBuilder();
    EvaluationReportCsv.cell(out, "\r=1+1");
    assertThat(out).hasToString("\"'\r=1+1\"");
  }

  @Test
  void textStaysUtf8AndMarkupStaysLiteral() {
    String csv = new String(EvaluationReportCsv.render(data), StandardCharsets.UTF_8);
    assertThat(csv).contains("Emoji \uD83D\uDE80 CJK \u6570\u636E", "\u00e9\u20ac", SampleReports.MARKUP);
    assertThat(csv).contains("lone?"); // an unpaired surrogate cannot be UTF-8 and becomes '?'
  }

  @Test
  void nullsBecomeEmptyCellsAndNoScoresGiveTheHeaderOnly() {
    EvaluationReportData empty = new EvaluationReportData(null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
    assertThat(new String(EvaluationReportCsv.render(empty), StandardCharsets.UTF_8)).isEqualTo(
        "\uFEFF" + String.join(",", EvaluationReportCsv.COLUMNS) + "\r\n");
    List<IndividualScore> scores = new ArrayList<>();
    scores.add(null);
    scores.add(new IndividualScore(null, null, null, null, 0, null, null, null, 1, false, null));
    EvaluationReportData holes = new EvaluationReportData(null, null, null, null, null, null, null, null, null,
        null, null, null, null, scores, null, null, null, null);
    List<List<String>> records = parse(EvaluationReportCsv.render(holes));
    assertThat(records).hasSize(2);
    assertThat(records.get(1)).containsExactly("", "", "", "", "", "0", "", "", "", "", "1", "false", "");
    assertThatThrownBy(() -> EvaluationReportCsv.render(null)).isInstanceOf(NullPointerException.class);
  }

  /** The value as the CSV must hold it: formula guard, and UTF-8's '?' for an unpaired surrogate. */
  private static String guarded(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String utf8 = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + utf8 : utf8;
  }

  /** RFC 4180: records end with CRLF; quoted fields may hold commas, doubled quotes and line breaks. */
  /** Reads the CSV as a spreadsheet does: the byte order mark says UTF-8 and is not part of the first cell. */
  static List<List<String>> parse(byte[] bytes) {
    String csv = new String(bytes, StandardCharsets.UTF_8);
    if (csv.startsWith("\uFEFF")) {
      csv = csv.substring(1);
    }
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
        i++;
      } else if (c == '"') {
        if (field.length() > 0) {
          throw new IllegalArgumentException("quote inside an unquoted field at " + i);
        }
        quoted = true;
        i++;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        i++;
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i += 2;
      } else if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException("bare line break outside quotes at " + i);
      } else {
        field.append(c);
        i++;
      }
    }
    if (quoted || field.length() > 0 || !record.isEmpty()) {
      throw new IllegalArgumentException("the last record does not end with CRLF");
    }
    return records;
  }
}
