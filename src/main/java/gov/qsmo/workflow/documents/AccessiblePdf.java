package gov.qsmo.workflow.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tagged PDF of the same conformance as the evaluation report (PDF/UA-1, PDF/A-2a, embedded DejaVu
 * Sans subsets) for other records, built block by block: a title page with facts, numbered sections,
 * subheadings, paragraphs, bullet lists and tables with header cells. User text is drawn as written;
 * a character no embedded font has is drawn as U+FFFD, logged, and listed in a last section
 * "Characters the fonts cannot show". One instance per document; not thread-safe; pure rendering.
 */
public final class AccessiblePdf {

  /** The title of the last section when some characters could not be drawn. */
  public static final String MISSING_CHARACTERS = "Characters the fonts cannot show";

  private static final Logger log = LoggerFactory.getLogger(AccessiblePdf.class);

  private final PdfLayout layout = new PdfLayout();
  private final DrawableText cleaner = new DrawableText();

  /** Starts the document with its title page: a kicker line, the title (H1) and label-value facts. */
  public AccessiblePdf(String kicker, String title, List<String[]> facts) {
    layout.newPage();
    layout.moveDown(40);
    layout.leaf("P");
    layout.text(line(kicker), PdfLayout.LEFT, layout.y(), layout.bold, 9, PdfLayout.MUTED);
    layout.artifact();
    layout.moveDown(16);
    layout.title(line(title), 22);
    layout.moveDown(8);
    layout.line(PdfLayout.LEFT, layout.y(), PdfLayout.RIGHT, layout.y(), 1.2f, PdfLayout.NAVY);
    layout.moveDown(16);
    facts(facts);
  }

  /** A section title (H2), on a new page when asked; it is listed in the outline. */
  public void section(String title, boolean onNewPage) {
    layout.section(line(title), onNewPage);
  }

  /** A subheading (H3), optionally in the outline. */
  public void heading(String title, boolean inOutline) {
    layout.subheading(line(title), 40, inOutline);
  }

  /** A paragraph of user text; line breaks are kept. */
  public void paragraph(String text) {
    layout.paragraph(text(text));
  }

  /** A paragraph with a bold label running in. */
  public void paragraph(String label, String text) {
    layout.paragraph(line(label), text(text), layout.regular, PdfLayout.BODY, PdfLayout.BLACK, 0);
  }

  /** A muted italic note. */
  public void note(String text) {
    layout.paragraph(null, text(text), layout.italic, PdfLayout.BODY, PdfLayout.MUTED, 0);
  }

  /** Label-value pairs, the label bold. */
  public void facts(List<String[]> pairs) {
    List<String[]> cleaned = new ArrayList<>(pairs.size());
    for (String[] pair : pairs) {
      cleaned.add(new String[] {line(pair[0]), orNone(text(pair[1]), "not recorded")});
    }
    layout.facts(cleaned, 130);
  }

  /** A bulleted list; {@code empty} is printed instead when there are no items. */
  public void bullets(List<String> items, String empty) {
    List<String> cleaned = new ArrayList<>(items.size());
    for (String item : items) {
      String text = text(item);
      if (!text.isEmpty()) {
        cleaned.add(text);
      }
    }
    layout.bullets(cleaned, line(empty));
  }

  /**
   * A table with column headers (header cells) and widths in points (they should add up to {@link #width});
   * {@code empty} is shown in a row of its own when there are no rows. Repeats its header on new pages.
   */
  public void table(String caption, List<String> headers, List<Float> widths, List<List<String>> rows, String empty) {
    List<PdfLayout.Column> columns = new ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      columns.add(new PdfLayout.Column(line(headers.get(i)), widths.get(i)));
    }
    List<PdfLayout.Row> cleaned = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      List<PdfLayout.Cell> cells = new ArrayList<>(row.size());
      for (String cell : row) {
        cells.add(PdfLayout.Cell.of(text(cell)));
      }
      cleaned.add(new PdfLayout.Row(cells));
    }
    if (cleaned.isEmpty()) {
      cleaned.add(new PdfLayout.Row(List.of(PdfLayout.Cell.of(line(empty)))));
    }
    layout.table(line(caption), columns, cleaned, 8.5f);
  }

  /** The width of the text area in points: what a table's column widths add up to. */
  public static float width() {
    return PdfLayout.WIDTH;
  }

  /**
   * Adds the list of characters that could not be drawn (if any, and logs them under {@code name}),
   * the footer on every page and the metadata, and returns the PDF.
   */
  public byte[] finish(String name, String footer, String title, String author, String subject, Instant created) {
    List<DrawableText.Missing> missing = cleaner.missing();
    if (!missing.isEmpty()) {
      StringBuilder codes = new StringBuilder();
      for (DrawableText.Missing m : missing) {
        codes.append(codes.length() == 0 ? "" : ", ").append(m.code()).append(' ').append(m.name());
      }
      log.warn("{}: {} character(s) that no embedded font can show, drawn as U+FFFD and listed in the document: {}",
          name, missing.size(), codes);
      layout.section(MISSING_CHARACTERS, true);
      layout.paragraph("The document's fonts (DejaVu Sans) cover Latin, Greek and Cyrillic, not every script. "
          + "These characters of the records could not be shown and are drawn as \uFFFD where they occur; the "
          + "records themselves keep them as written.");
      List<PdfLayout.Row> rows = new ArrayList<>();
      for (DrawableText.Missing m : missing) {
        rows.add(new PdfLayout.Row(List.of(PdfLayout.Cell.of(m.code()), PdfLayout.Cell.of(m.name()),
            PdfLayout.Cell.of(Integer.toString(m.occurrences())), PdfLayout.Cell.of(m.firstSeenIn()))));
      }
      layout.table(MISSING_CHARACTERS, List.of(new PdfLayout.Column("Code point", 60),
          new PdfLayout.Column("Unicode name", 170), new PdfLayout.Column("Times", 40, PdfLayout.Align.RIGHT),
          new PdfLayout.Column("First found in", PdfLayout.WIDTH - 270)), rows, 8.5f);
    }
    Calendar calendar = null;
    if (created != null) {
      calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.US);
      calendar.setTimeInMillis(created.toEpochMilli());
    }
    return layout.finish(line(footer), metadata(title), metadata(author), metadata(subject), calendar);
  }

  private String text(String value) {
    return cleaner.clean(value, true).strip();
  }

  private String line(String value) {
    return cleaner.clean(value, false).strip();
  }

  private static String orNone(String value, String none) {
    return value.isEmpty() ? none : value;
  }

  /** Text for a document's metadata (title, author): any Unicode, one line, no control characters. */
  public static String metadata(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) || Character.isSpaceChar(cp)
        ? ' ' : cp));
    return out.toString().strip();
  }
}
