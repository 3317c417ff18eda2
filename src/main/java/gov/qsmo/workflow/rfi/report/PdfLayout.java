package gov.qsmo.workflow.rfi.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.util.Matrix;

/**
 * A small flowing layout on Letter pages over PDFBox: headings, wrapped paragraphs, bullet lists and
 * tables that continue on new pages with their header repeated, plus the primitives the chart needs.
 * One content stream is open at a time (the previous page's is closed when a page is added); the
 * fonts are loaded once per document. Text handed to it must already be {@link WinAnsiText#clean}ed.
 */
final class PdfLayout {

  static final float PAGE_WIDTH = PDRectangle.LETTER.getWidth();
  static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();
  static final float LEFT = 54;
  static final float RIGHT = PAGE_WIDTH - 54;
  static final float TOP = PAGE_HEIGHT - 54;
  static final float BOTTOM = 62;
  static final float WIDTH = RIGHT - LEFT;

  static final Rgb BLACK = new Rgb(0.10f, 0.10f, 0.12f);
  static final Rgb MUTED = new Rgb(0.40f, 0.42f, 0.46f);
  static final Rgb NAVY = new Rgb(0.09f, 0.21f, 0.38f);
  static final Rgb ALERT = new Rgb(0.66f, 0.13f, 0.10f);
  static final Rgb WHITE = new Rgb(1, 1, 1);
  static final Rgb RULE = new Rgb(0.80f, 0.82f, 0.85f);
  static final Rgb STRIPE = new Rgb(0.955f, 0.962f, 0.972f);
  static final Rgb HEADER_FILL = new Rgb(0.09f, 0.21f, 0.38f);

  static final float BODY = 9.5f;

  /** An RGB colour, components 0..1. */
  record Rgb(float r, float g, float b) {
  }

  enum Align { LEFT, RIGHT, CENTER }

  /** A table column: its header, width in points and alignment. */
  record Column(String header, float width, Align align) {
    Column(String header, float width) {
      this(header, width, Align.LEFT);
    }
  }

  /** A paragraph inside a table cell; the optional label is drawn bold before the text. */
  record Para(String label, String text, Face face, Rgb color) {
    static Para of(String text) {
      return new Para(null, text, null, null);
    }
  }

  /** A table cell: one or more paragraphs stacked. */
  record Cell(List<Para> paras) {
    static Cell of(String text) {
      return new Cell(List.of(Para.of(text)));
    }

    static Cell of(Para... paras) {
      return new Cell(List.of(paras));
    }
  }

  /** A table row; a muted row is drawn in grey (superseded versions). */
  record Row(List<Cell> cells, boolean muted) {
    Row(List<Cell> cells) {
      this(cells, false);
    }
  }

  /** A standard font with its glyph widths cached per char (1/1000 em). */
  static final class Face {
    final PDType1Font font;
    private final float[] widths = new float[0x2123];

    Face(FontName name) {
      this.font = new PDType1Font(name);
      float question = 556;
      try {
        question = font.getStringWidth("?");
        for (char c = ' '; c < widths.length; c++) {
          widths[c] = WinAnsiText.encodable(c) ? font.getStringWidth(String.valueOf(c)) : question;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (char c = 0; c < ' '; c++) {
        widths[c] = question;
      }
    }

    float charWidth(char c, float size) {
      return (c < widths.length ? widths[c] : widths['?']) * size / 1000f;
    }

    float width(String text, float size) {
      float units = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        units += c < widths.length ? widths[c] : widths['?'];
      }
      return units * size / 1000f;
    }
  }

  /** A line laid out in a cell: its text, face, colour and the bold label drawn before it. */
  private record Line(String text, Face face, Rgb color, String label, float labelWidth) {
  }

  /** An entry of the table of contents. */
  record ContentsEntry(String title, int pageIndex, boolean child) {
  }

  final PDDocument doc = new PDDocument();
  final Face regular = new Face(FontName.HELVETICA);
  final Face bold = new Face(FontName.HELVETICA_BOLD);
  final Face italic = new Face(FontName.HELVETICA_OBLIQUE);

  private final List<PDPage> pages = new ArrayList<>();
  private final List<ContentsEntry> contents = new ArrayList<>();
  private final PDDocumentOutline outline = new PDDocumentOutline();
  private PDOutlineItem lastTopItem;
  private PDPageContentStream cs;
  private float y;

  // graphics state written to the current content stream, to skip redundant operators
  private PDType1Font currentFont;
  private float currentSize;
  private Rgb currentFill;
  private Rgb currentStroke;
  // an open text object (BT) and the start of its current line, so runs of text share one BT ... ET
  private boolean inText;
  private float lineX;
  private float lineY;

  PdfLayout() {
    doc.getDocumentCatalog().setDocumentOutline(outline);
    doc.getDocumentCatalog().setLanguage("en-US");
  }

  // ---------------------------------------------------------------- pages

  void newPage() {
    try {
      closeStream();
      PDPage page = new PDPage(PDRectangle.LETTER);
      doc.addPage(page);
      pages.add(page);
      cs = new PDPageContentStream(doc, page);
      y = TOP;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeStream() throws IOException {
    if (cs != null) {
      endText();
      cs.close();
      cs = null;
    }
    currentFont = null;
    currentFill = null;
    currentStroke = null;
  }

  float y() {
    return y;
  }

  void moveDown(float points) {
    y -= points;
  }

  int pageIndex() {
    return pages.size() - 1;
  }

  PDPage page() {
    return pages.get(pages.size() - 1);
  }

  /** Starts a new page unless {@code height} points still fit on this one. */
  void ensure(float height) {
    if (cs == null || y - height < BOTTOM) {
      newPage();
    }
  }

  // ---------------------------------------------------------------- drawing primitives

  private void font(PDType1Font font, float size) throws IOException {
    if (font != currentFont || size != currentSize) {
      cs.setFont(font, size);
      currentFont = font;
      currentSize = size;
    }
  }

  void fill(Rgb color) {
    if (!color.equals(currentFill)) {
      try {
        cs.setNonStrokingColor(color.r(), color.g(), color.b());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      currentFill = color;
    }
  }

  void stroke(Rgb color) {
    if (!color.equals(currentStroke)) {
      try {
        cs.setStrokingColor(color.r(), color.g(), color.b());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      currentStroke = color;
    }
  }

  /** Draws cleaned text with its baseline at (x, baseline). */
  void text(String text, float x, float baseline, Face face, float size, Rgb color) {
    if (text.isEmpty()) {
      return;
    }
    try {
      fill(color);
      if (!inText) {
        cs.beginText();
        inText = true;
        lineX = 0;
        lineY = 0;
      }
      font(face.font, size);
      cs.newLineAtOffset(x - lineX, baseline - lineY);
      lineX = x;
      lineY = baseline;
      cs.showText(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the open text object, if any: paths cannot be drawn inside one. */
  private void endText() throws IOException {
    if (inText) {
      cs.endText();
      inText = false;
    }
  }

  /** Draws cleaned text turned 90 degrees counter-clockwise, starting at (x, y) and going up. */
  void textUp(String text, float x, float baseline, Face face, float size, Rgb color) {
    try {
      endText();
      fill(color);
      cs.beginText();
      font(face.font, size);
      cs.setTextMatrix(Matrix.getRotateInstance(Math.PI / 2, x, baseline));
      cs.showText(text);
      cs.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void rect(float x, float bottom, float width, float height, Rgb color) {
    try {
      endText();
      fill(color);
      cs.addRect(x, bottom, width, height);
      cs.fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void line(float x1, float y1, float x2, float y2, float lineWidth, Rgb color) {
    try {
      endText();
      stroke(color);
      cs.setLineWidth(lineWidth);
      cs.moveTo(x1, y1);
      cs.lineTo(x2, y2);
      cs.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- text measuring

  /** Cleaned text broken into lines no wider than {@code width}; the first line is shorter by firstIndent. */
  static List<String> wrap(String text, Face face, float size, float width, float firstIndent) {
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) {
      lines.add("");
      return lines;
    }
    float available = Math.max(1, width - firstIndent);
    int start = 0;
    int length = text.length();
    while (start <= length) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      // one paragraph: text[start, end)
      int lineStart = start;
      while (true) {
        float used = 0;
        int lastSpace = -1;
        int lastSoft = -1;
        int i = lineStart;
        while (i < end) {
          char c = text.charAt(i);
          float w = face.charWidth(c, size);
          if (c == ' ') {
            lastSpace = i;
          }
          if (used + w > available && i > lineStart && c != ' ') {
            break;
          }
          if (c == '-' || c == '/' || c == '.' || c == '_' || c == '@' || c == ',' || c == ';') {
            lastSoft = i + 1;
          }
          used += w;
          i++;
        }
        if (i >= end) {
          lines.add(stripTrailing(text, lineStart, end));
          available = Math.max(1, width);
          break;
        }
        // break at the last space, else after a hyphen, slash or dot, else inside the word
        int breakAt = lastSpace > lineStart ? lastSpace : lastSoft > lineStart && lastSoft < i ? lastSoft : i;
        lines.add(stripTrailing(text, lineStart, breakAt));
        available = Math.max(1, width);
        lineStart = breakAt;
        while (lineStart < end && text.charAt(lineStart) == ' ') {
          lineStart++;
        }
        if (lineStart >= end) {
          break;
        }
      }
      start = end + 1;
      if (end == length) {
        break;
      }
    }
    return lines;
  }

  private static String stripTrailing(String text, int from, int to) {
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    return text.substring(from, to);
  }

  /** Cleaned text cut with an ellipsis to fit {@code width}. */
  static String fit(String text, Face face, float size, float width) {
    if (face.width(text, size) <= width) {
      return text;
    }
    float ellipsis = face.width("\u2026", size);
    float used = 0;
    int i = 0;
    while (i < text.length() && used + face.charWidth(text.charAt(i), size) + ellipsis <= width) {
      used += face.charWidth(text.charAt(i), size);
      i++;
    }
    return text.substring(0, i).stripTrailing() + "\u2026";
  }

  // ---------------------------------------------------------------- flowing blocks

  /** A numbered section title on a new page (when asked), listed in the contents and the outline. */
  void section(String title, boolean onNewPage) {
    if (onNewPage || cs == null) {
      newPage();
    } else {
      y -= 14;
      ensure(90);
    }
    bookmark(title, false);
    float size = 16;
    y -= size;
    text(title, LEFT, y, bold, size, NAVY);
    y -= 7;
    line(LEFT, y, RIGHT, y, 1.2f, NAVY);
    y -= 14;
  }

  /** A subsection title, kept with at least {@code keepWith} points of what follows. */
  void subheading(String title, float keepWith, boolean inOutline) {
    float size = 11.5f;
    List<String> lines = wrap(title, bold, size, WIDTH, 0);
    float height = lines.size() * size * 1.25f + 8;
    ensure(height + keepWith);
    if (y < TOP) {
      y -= 6;
    }
    if (inOutline) {
      bookmark(title, true);
    }
    for (String line : lines) {
      y -= size;
      text(line, LEFT, y, bold, size, NAVY);
      y -= size * 0.25f;
    }
    y -= 5;
  }

  /** A wrapped paragraph of cleaned text; an optional bold label runs in before it. */
  void paragraph(String label, String text, Face face, float size, Rgb color, float indent) {
    float leading = size * 1.38f;
    float labelWidth = label == null ? 0 : bold.width(label + " ", size);
    List<String> lines = wrap(text, face, size, WIDTH - indent, labelWidth);
    boolean first = true;
    for (String line : lines) {
      ensure(leading);
      y -= size;
      float x = LEFT + indent;
      if (first && label != null) {
        text(label, x, y, bold, size, color);
        x += labelWidth;
      }
      text(line, x, y, face, size, color);
      y -= leading - size;
      first = false;
    }
    y -= size * 0.45f;
  }

  void paragraph(String text) {
    paragraph(null, text, regular, BODY, BLACK, 0);
  }

  /** A bulleted list of cleaned items; {@code empty} is printed in italics when there is none. */
  void bullets(List<String> items, String empty) {
    if (items.isEmpty()) {
      paragraph(null, empty, italic, BODY, MUTED, 0);
      return;
    }
    float size = BODY;
    float leading = size * 1.38f;
    float indent = 14;
    for (String item : items) {
      List<String> lines = wrap(item, regular, size, WIDTH - indent, 0);
      ensure(Math.min(lines.size(), 2) * leading);
      boolean first = true;
      for (String line : lines) {
        ensure(leading);
        y -= size;
        if (first) {
          text("\u2022", LEFT + 3, y, bold, size, NAVY);
        }
        text(line, LEFT + indent, y, regular, size, BLACK);
        y -= leading - size;
        first = false;
      }
      y -= 2.5f;
    }
    y -= size * 0.4f;
  }

  /** Label-value pairs in two columns, the label bold. */
  void facts(List<String[]> pairs, float labelWidth) {
    float size = BODY;
    float leading = size * 1.38f;
    for (String[] pair : pairs) {
      List<String> lines = wrap(pair[1], regular, size, WIDTH - labelWidth, 0);
      ensure(leading * Math.min(lines.size(), 2));
      List<String> labels = wrap(pair[0], bold, size, labelWidth - 8, 0);
      int count = Math.max(lines.size(), labels.size());
      for (int i = 0; i < count; i++) {
        ensure(leading);
        y -= size;
        if (i < labels.size()) {
          text(labels.get(i), LEFT, y, bold, size, MUTED);
        }
        if (i < lines.size()) {
          text(lines.get(i), LEFT + labelWidth, y, regular, size, BLACK);
        }
        y -= leading - size;
      }
      y -= 2;
    }
    y -= size * 0.4f;
  }

  // ---------------------------------------------------------------- tables

  private static final float CELL_PAD_X = 4;
  private static final float CELL_PAD_Y = 3.2f;

  /**
   * A table that continues on new pages with its header (and "caption (continued)") repeated. A row
   * moves whole to the next page unless it is taller than a page, then it is split between lines.
   */
  void table(String caption, List<Column> columns, List<Row> rows, float size) {
    float leading = size * 1.28f;
    List<List<Line>> header = new ArrayList<>();
    int headerLines = 1;
    for (Column column : columns) {
      List<Line> lines = layoutCell(Cell.of(new Para(null, column.header(), bold, WHITE)), column.width(), size,
          false);
      header.add(lines);
      headerLines = Math.max(headerLines, lines.size());
    }
    float headerHeight = headerLines * leading + 2 * CELL_PAD_Y;
    float captionHeight = caption == null ? 0 : size + 6;
    float firstRow = rows.isEmpty() ? leading + 2 * CELL_PAD_Y
        : Math.min(rowLines(columns, rows.get(0), size), 6) * leading + 2 * CELL_PAD_Y;
    ensure(headerHeight + firstRow);
    drawHeader(columns, header, headerHeight, leading, size);

    float pageRoom = TOP - BOTTOM - headerHeight - captionHeight;
    int index = 0;
    for (Row row : rows) {
      List<List<Line>> cells = new ArrayList<>(columns.size());
      int maxLines = 1;
      for (int c = 0; c < columns.size(); c++) {
        Cell cell = c < row.cells().size() ? row.cells().get(c) : Cell.of("");
        List<Line> lines = layoutCell(cell, columns.get(c).width(), size, row.muted());
        cells.add(lines);
        maxLines = Math.max(maxLines, lines.size());
      }
      int drawn = 0;
      while (drawn < maxLines) {
        int left = maxLines - drawn;
        float needed = left * leading + 2 * CELL_PAD_Y;
        float room = y - BOTTOM;
        int fits = (int) Math.floor((room - 2 * CELL_PAD_Y) / leading);
        if (needed > room && (needed <= pageRoom || fits < 3)) {
          newPage();
          if (caption != null) {
            y -= size;
            text(caption + " (continued)", LEFT, y, italic, size, MUTED);
            y -= 6;
          }
          drawHeader(columns, header, headerHeight, leading, size);
          continue;
        }
        int now = Math.min(left, fits);
        float height = now * leading + 2 * CELL_PAD_Y;
        if (index % 2 == 1) {
          rect(LEFT, y - height, WIDTH, height, STRIPE);
        }
        float x = LEFT;
        for (int c = 0; c < columns.size(); c++) {
          Column column = columns.get(c);
          List<Line> lines = cells.get(c);
          float baseline = y - CELL_PAD_Y - size;
          for (int l = drawn; l < Math.min(lines.size(), drawn + now); l++) {
            drawLine(lines.get(l), x, column, baseline, size);
            baseline -= leading;
          }
          x += column.width();
        }
        y -= height;
        line(LEFT, y, RIGHT, y, 0.4f, RULE);
        drawn += now;
      }
      index++;
    }
    y -= 10;
  }

  private int rowLines(List<Column> columns, Row row, float size) {
    int max = 1;
    for (int c = 0; c < columns.size() && c < row.cells().size(); c++) {
      max = Math.max(max, layoutCell(row.cells().get(c), columns.get(c).width(), size, row.muted()).size());
    }
    return max;
  }

  private void drawHeader(List<Column> columns, List<List<Line>> header, float headerHeight, float leading,
      float size) {
    rect(LEFT, y - headerHeight, WIDTH, headerHeight, HEADER_FILL);
    float x = LEFT;
    for (int c = 0; c < columns.size(); c++) {
      float baseline = y - CELL_PAD_Y - size;
      for (Line line : header.get(c)) {
        drawLine(line, x, columns.get(c), baseline, size);
        baseline -= leading;
      }
      x += columns.get(c).width();
    }
    y -= headerHeight;
  }

  private void drawLine(Line line, float x, Column column, float baseline, float size) {
    float inner = column.width() - 2 * CELL_PAD_X;
    float textWidth = line.labelWidth() + (column.align() == Align.LEFT ? 0 : line.face().width(line.text(), size));
    float start = switch (column.align()) {
      case LEFT -> x + CELL_PAD_X;
      case RIGHT -> x + CELL_PAD_X + inner - textWidth;
      case CENTER -> x + CELL_PAD_X + (inner - textWidth) / 2;
    };
    if (line.label() != null) {
      text(line.label(), start, baseline, bold, size, line.color());
      start += line.labelWidth();
    }
    text(line.text(), start, baseline, line.face(), size, line.color());
  }

  private List<Line> layoutCell(Cell cell, float width, float size, boolean muted) {
    float inner = width - 2 * CELL_PAD_X;
    List<Line> out = new ArrayList<>();
    for (Para para : cell.paras()) {
      Face face = para.face() == null ? regular : para.face();
      Rgb color = muted ? MUTED : para.color() == null ? BLACK : para.color();
      String label = para.label() == null || para.label().isEmpty() ? null : para.label();
      float labelWidth = label == null ? 0 : bold.width(label + " ", size);
      if (labelWidth > inner * 0.6f) {
        out.add(new Line("", face, color, label, labelWidth));
        label = null;
        labelWidth = 0;
        for (String text : wrap(para.text() == null ? "" : para.text(), face, size, inner, 0)) {
          out.add(new Line(text, face, color, null, 0));
        }
        continue;
      }
      boolean first = true;
      for (String text : wrap(para.text() == null ? "" : para.text(), face, size, inner, labelWidth)) {
        out.add(first ? new Line(text, face, color, label, labelWidth) : new Line(text, face, color, null, 0));
        first = false;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- navigation and finishing

  /** Adds an outline item (and a contents entry) pointing at the current position. */
  void bookmark(String title, boolean child) {
    PDPageXYZDestination destination = new PDPageXYZDestination();
    destination.setPage(page());
    destination.setTop((int) Math.min(PAGE_HEIGHT, y + 20));
    destination.setLeft(0);
    PDOutlineItem item = new PDOutlineItem();
    item.setTitle(title);
    item.setDestination(destination);
    if (child && lastTopItem != null) {
      lastTopItem.addLast(item);
    } else {
      outline.addLast(item);
      lastTopItem = item;
    }
    contents.add(new ContentsEntry(title, pageIndex(), child));
  }

  List<ContentsEntry> contents() {
    return contents;
  }

  /** Reopens a finished page to draw on it (the contents list on the title page). */
  void reopen(int pageIndex, float atY) {
    try {
      closeStream();
      cs = new PDPageContentStream(doc, pages.get(pageIndex), PDPageContentStream.AppendMode.APPEND, true, true);
      y = atY;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Draws the footer on every page (left text, "Page n of N") and returns the saved PDF. */
  byte[] finish(String footerLeft, String title, String author, String subject, Calendar created) {
    try {
      closeStream();
      if (pages.isEmpty()) {
        newPage();
        closeStream();
      }
      int total = pages.size();
      float size = 7.5f;
      for (int i = 0; i < total; i++) {
        cs = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true);
        String right = "Page " + (i + 1) + " of " + total;
        float rightWidth = regular.width(right, size);
        line(LEFT, 44, RIGHT, 44, 0.5f, RULE);
        text(fit(footerLeft, regular, size, WIDTH - rightWidth - 20), LEFT, 33, regular, size, MUTED);
        text(right, RIGHT - rightWidth, 33, regular, size, MUTED);
        closeStream();
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setAuthor(author);
      info.setSubject(subject);
      info.setCreator("qsmo-workflow");
      if (created != null) {
        info.setCreationDate(created);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024 + total * 6 * 1024);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        doc.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }
}
