package gov.qsmo.workflow.documents;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.util.Matrix;

/**
 * A small flowing layout on Letter pages over PDFBox that writes a tagged PDF (PDF/UA-1, PDF/A-2a):
 * headings, wrapped paragraphs, lists and tables that continue on new pages with their header
 * repeated, figures with alternative text, plus the primitives the chart needs.
 *
 * <p>Every drawing lands in marked content: text in the structure element it belongs to (the logical
 * reading order is the structure tree's, built in the order the blocks are added), rules, fills,
 * repeated table headers and page footers as artifacts. Fonts are embedded subsets of {@link
 * ReportFonts}; text handed to it must already be {@link DrawableText#clean}ed. One content stream is open
 * at a time (the previous page's is closed when a page is added).
 */
public final class PdfLayout {

  static final float PAGE_WIDTH = PDRectangle.LETTER.getWidth();
  static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();
  public static final float LEFT = 54;
  public static final float RIGHT = PAGE_WIDTH - 54;
  public static final float TOP = PAGE_HEIGHT - 54;
  public static final float BOTTOM = 62;
  public static final float WIDTH = RIGHT - LEFT;

  public static final Rgb BLACK = new Rgb(0.10f, 0.10f, 0.12f);
  public static final Rgb MUTED = new Rgb(0.40f, 0.42f, 0.46f);
  public static final Rgb NAVY = new Rgb(0.09f, 0.21f, 0.38f);
  public static final Rgb ALERT = new Rgb(0.66f, 0.13f, 0.10f);
  public static final Rgb WHITE = new Rgb(1, 1, 1);
  public static final Rgb RULE = new Rgb(0.80f, 0.82f, 0.85f);
  public static final Rgb STRIPE = new Rgb(0.955f, 0.962f, 0.972f);
  public static final Rgb HEADER_FILL = new Rgb(0.09f, 0.21f, 0.38f);

  public static final float BODY = 9.5f;

  /** An RGB colour, components 0..1. */
  public record Rgb(float r, float g, float b) {
  }

  public enum Align { LEFT, RIGHT, CENTER }

  /** A table column: its header, width in points and alignment. */
  public record Column(String header, float width, Align align) {
    public Column(String header, float width) {
      this(header, width, Align.LEFT);
    }
  }

  /** A paragraph inside a table cell; the optional label is drawn bold before the text. */
  public record Para(String label, String text, Face face, Rgb color) {
    public static Para of(String text) {
      return new Para(null, text, null, null);
    }
  }

  /** A table cell: one or more paragraphs stacked. */
  public record Cell(List<Para> paras) {
    public static Cell of(String text) {
      return new Cell(List.of(Para.of(text)));
    }

    public static Cell of(Para... paras) {
      return new Cell(List.of(paras));
    }
  }

  /** A table row; a muted row is drawn in grey (superseded versions). */
  public record Row(List<Cell> cells, boolean muted) {
    public Row(List<Cell> cells) {
      this(cells, false);
    }
  }

  /** An embedded font with its glyph widths (1/1000 em), measured once per JVM. */
  public static final class Face {
    final PDType0Font font;
    private final ReportFonts.FontFile file;

    Face(PDDocument doc, ReportFonts.Style style) {
      this.file = ReportFonts.file(style);
      this.font = file.embed(doc);
    }

    float charWidth(char c, float size) {
      return file.width(c) * size / 1000f;
    }

    public float width(String text, float size) {
      float units = 0;
      for (int i = 0; i < text.length(); i++) {
        units += file.width(text.charAt(i));
      }
      return units * size / 1000f;
    }
  }

  /** A line laid out in a cell: its text, face, colour and the bold label drawn before it. */
  private record Line(String text, Face face, Rgb color, String label, float labelWidth) {
  }

  /** An entry of the table of contents. */
  public record ContentsEntry(String title, int pageIndex, boolean child) {
  }

  final PDDocument doc = new PDDocument();
  public final Face regular = new Face(doc, ReportFonts.Style.REGULAR);
  public final Face bold = new Face(doc, ReportFonts.Style.BOLD);
  public final Face italic = new Face(doc, ReportFonts.Style.ITALIC);

  /** Marks the open marked-content sequence as an artifact (rules, fills, repeated headers, footers). */
  private static final Object ARTIFACT = new Object();

  private final PDStructureTreeRoot structureRoot = new PDStructureTreeRoot();
  private final PDStructureElement document;
  /** The open grouping elements (Table, TR, L, LI, ...); new elements go into the top one. */
  private final Deque<PDStructureElement> open = new ArrayDeque<>();
  /** Where text goes; null draws text as an artifact. */
  private PDStructureElement leaf;
  /** While a figure is drawn its graphics belong to it instead of being artifacts. */
  private PDStructureElement figure;
  /** Per page: the structure element of each marked-content id, in order. */
  private final List<COSArray> parentTree = new ArrayList<>();
  /** The element (or ARTIFACT) whose marked content is open in the current stream, null if none. */
  private Object mark;
  private int pageIndex = -1;

  private final List<PDPage> pages = new ArrayList<>();
  private final List<ContentsEntry> contents = new ArrayList<>();
  private final PDDocumentOutline outline = new PDDocumentOutline();
  private PDOutlineItem lastTopItem;
  private PDPageContentStream cs;
  private float y;

  // graphics state written to the current content stream, to skip redundant operators
  private PDType0Font currentFont;
  private float currentSize;
  private Rgb currentFill;
  private Rgb currentStroke;
  // an open text object (BT) and the start of its current line, so runs of text share one BT ... ET
  private boolean inText;
  private float lineX;
  private float lineY;

  public PdfLayout() {
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    catalog.setDocumentOutline(outline);
    catalog.setLanguage("en-US");
    catalog.setStructureTreeRoot(structureRoot);
    PDMarkInfo markInfo = new PDMarkInfo();
    markInfo.setMarked(true);
    catalog.setMarkInfo(markInfo);
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    catalog.setViewerPreferences(preferences);
    document = new PDStructureElement("Document", structureRoot);
    structureRoot.appendKid(document);
  }

  // ---------------------------------------------------------------- structure

  /** Opens a grouping element (Table, TR, L, LI, Sect ...) inside the current one; close it with {@link #end}. */
  public PDStructureElement begin(String type) {
    PDStructureElement element = element(type);
    open.push(element);
    return element;
  }

  /** Closes the innermost element opened with {@link #begin} (or {@link #into}). */
  public void end() {
    open.pop();
    leaf = null;
  }

  /** Continues inside an element created earlier (a placeholder filled at the end); close with {@link #end}. */
  public void into(PDStructureElement element) {
    open.push(element);
  }

  /** A new element inside the current grouping element; text drawn next goes into it. */
  public PDStructureElement leaf(String type) {
    leaf = element(type);
    return leaf;
  }

  /** Text drawn next goes into this element (a table cell, a list body). */
  public void leaf(PDStructureElement element) {
    leaf = element;
  }

  /** Text drawn next is an artifact: page furniture that is not content (repeated headers, leaders). */
  public void artifact() {
    leaf = null;
  }

  /** A placeholder element at the current position of the reading order, filled later through {@link #into}. */
  public PDStructureElement placeholder(String type) {
    return element(type);
  }

  private PDStructureElement element(String type) {
    PDStructureNode parent = open.isEmpty() ? document : open.peek();
    PDStructureElement element = new PDStructureElement(type, parent);
    parent.appendKid(element);
    return element;
  }

  /**
   * Starts a figure: what is drawn until {@link #endFigure} belongs to it and assistive technology
   * reads {@code alternativeText} instead. {@code bottom} and {@code height} give its box on the page.
   */
  public void beginFigure(String alternativeText, float x, float top, float width, float height) {
    PDStructureElement element = element("Figure");
    element.setAlternateDescription(alternativeText);
    PDLayoutAttributeObject layoutAttributes = new PDLayoutAttributeObject();
    layoutAttributes.setBBox(new PDRectangle(x, top - height, width, height));
    layoutAttributes.setPlacement(PDLayoutAttributeObject.PLACEMENT_BLOCK);
    element.addAttribute(layoutAttributes);
    figure = element;
    leaf = element;
  }

  public void endFigure() {
    try {
      endMark();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    figure = null;
    leaf = null;
  }

  /** Opens marked content for the element on the current page, unless it is already open. */
  private void markContent(PDStructureElement element) throws IOException {
    if (mark == element) {
      return;
    }
    endText();
    endMark();
    COSArray ids = parentTree.get(pageIndex);
    int mcid = ids.size();
    ids.add(element);
    COSDictionary cos = element.getCOSObject();
    COSDictionary page = pages.get(pageIndex).getCOSObject();
    if (cos.getDictionaryObject(COSName.PG) == null) {
      cos.setItem(COSName.PG, page);
    }
    if (cos.getDictionaryObject(COSName.PG) == page) {
      element.appendKid(mcid);
    } else {
      PDMarkedContentReference reference = new PDMarkedContentReference();
      reference.getCOSObject().setDirect(true);
      reference.setPage(pages.get(pageIndex));
      reference.setMCID(mcid);
      element.appendKid(reference);
    }
    cs.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
    mark = element;
  }

  private void markArtifact() throws IOException {
    if (mark == ARTIFACT) {
      return;
    }
    endText();
    endMark();
    cs.beginMarkedContent(COSName.ARTIFACT);
    mark = ARTIFACT;
  }

  private void endMark() throws IOException {
    if (mark != null) {
      endText();
      cs.endMarkedContent();
      mark = null;
    }
  }

  /** Marks what is drawn next: text into the current leaf, graphics into the figure; else an artifact. */
  private void markText() throws IOException {
    if (leaf == null) {
      markArtifact();
    } else {
      markContent(leaf);
    }
  }

  private void markGraphics() throws IOException {
    if (figure == null) {
      markArtifact();
    } else {
      markContent(figure);
    }
  }

  // ---------------------------------------------------------------- pages

  public void newPage() {
    try {
      closeStream();
      PDPage page = new PDPage(PDRectangle.LETTER);
      doc.addPage(page);
      pages.add(page);
      page.getCOSObject().setInt(COSName.STRUCT_PARENTS, pages.size() - 1);
      page.getCOSObject().setItem(COSName.getPDFName("Tabs"), COSName.S);
      COSArray ids = new COSArray();
      ids.setDirect(true);
      parentTree.add(ids);
      pageIndex = pages.size() - 1;
      cs = new PDPageContentStream(doc, page);
      y = TOP;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeStream() throws IOException {
    if (cs != null) {
      endText();
      endMark();
      cs.close();
      cs = null;
    }
    currentFont = null;
    currentFill = null;
    currentStroke = null;
  }

  public float y() {
    return y;
  }

  public void moveDown(float points) {
    y -= points;
  }

  public int pageIndex() {
    return pageIndex;
  }

  public PDPage page() {
    return pages.get(pageIndex);
  }

  /** Starts a new page unless {@code height} points still fit on this one. */
  public void ensure(float height) {
    if (cs == null || y - height < BOTTOM) {
      newPage();
    }
  }

  // ---------------------------------------------------------------- drawing primitives

  private void font(PDType0Font font, float size) throws IOException {
    if (font != currentFont || size != currentSize) {
      cs.setFont(font, size);
      currentFont = font;
      currentSize = size;
    }
  }

  public void fill(Rgb color) {
    if (!color.equals(currentFill)) {
      try {
        cs.setNonStrokingColor(color.r(), color.g(), color.b());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      currentFill = color;
    }
  }

  public void stroke(Rgb color) {
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
  public void text(String text, float x, float baseline, Face face, float size, Rgb color) {
    if (text.isEmpty()) {
      return;
    }
    try {
      markText();
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
  public void textUp(String text, float x, float baseline, Face face, float size, Rgb color) {
    try {
      markText();
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

  public void rect(float x, float bottom, float width, float height, Rgb color) {
    try {
      markGraphics();
      endText();
      fill(color);
      cs.addRect(x, bottom, width, height);
      cs.fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void line(float x1, float y1, float x2, float y2, float lineWidth, Rgb color) {
    try {
      markGraphics();
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
  public static List<String> wrap(String text, Face face, float size, float width, float firstIndent) {
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
  public static String fit(String text, Face face, float size, float width) {
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

  /** The document's title (H1), wrapped, at the current position. */
  public void title(String title, float size) {
    leaf("H1");
    for (String l : wrap(title, bold, size, WIDTH, 0)) {
      ensure(size + 5);
      y -= size;
      text(l, LEFT, y, bold, size, NAVY);
      y -= 5;
    }
    artifact();
  }

  /** A numbered section title (H2) on a new page (when asked), listed in the contents and the outline. */
  public void section(String title, boolean onNewPage) {
    if (onNewPage || cs == null) {
      newPage();
    } else {
      y -= 14;
      ensure(90);
    }
    bookmark(title, false);
    float size = 16;
    y -= size;
    leaf("H2");
    text(title, LEFT, y, bold, size, NAVY);
    artifact();
    y -= 7;
    line(LEFT, y, RIGHT, y, 1.2f, NAVY);
    y -= 14;
  }

  /** A subsection title (H3), kept with at least {@code keepWith} points of what follows. */
  public void subheading(String title, float keepWith, boolean inOutline) {
    heading("H3", title, keepWith, inOutline);
  }

  /** A heading of the given type (H2, H3), kept with at least {@code keepWith} points of what follows. */
  public void heading(String type, String title, float keepWith, boolean inOutline) {
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
    leaf(type);
    for (String line : lines) {
      y -= size;
      text(line, LEFT, y, bold, size, NAVY);
      y -= size * 0.25f;
    }
    artifact();
    y -= 5;
  }

  /** A wrapped paragraph (P) of cleaned text; an optional bold label runs in before it. */
  public void paragraph(String label, String text, Face face, float size, Rgb color, float indent) {
    leaf("P");
    float leading = size * 1.38f;
    float labelWidth = label == null ? 0 : bold.width(label + " ", size);
    List<String> lines = wrap(text, face, size, WIDTH - indent, labelWidth);
    boolean first = true;
    for (String line : lines) {
      ensure(leading);
      y -= size;
      float x = LEFT + indent;
      if (first && label != null) {
        text(label + " ", x, y, bold, size, color);
        x += labelWidth;
      }
      text(line, x, y, face, size, color);
      y -= leading - size;
      first = false;
    }
    artifact();
    y -= size * 0.45f;
  }

  public void paragraph(String text) {
    paragraph(null, text, regular, BODY, BLACK, 0);
  }

  /** A bulleted list (L, LI, Lbl, LBody) of cleaned items; {@code empty} is printed in italics when there is none. */
  public void bullets(List<String> items, String empty) {
    if (items.isEmpty()) {
      paragraph(null, empty, italic, BODY, MUTED, 0);
      return;
    }
    float size = BODY;
    float leading = size * 1.38f;
    float indent = 14;
    begin("L");
    for (String item : items) {
      begin("LI");
      PDStructureElement label = element("Lbl");
      PDStructureElement body = element("LBody");
      List<String> lines = wrap(item, regular, size, WIDTH - indent, 0);
      ensure(Math.min(lines.size(), 2) * leading);
      boolean first = true;
      for (String line : lines) {
        ensure(leading);
        y -= size;
        if (first) {
          leaf(label);
          text("\u2022", LEFT + 3, y, bold, size, NAVY);
        }
        leaf(body);
        text(line, LEFT + indent, y, regular, size, BLACK);
        y -= leading - size;
        first = false;
      }
      end();
      y -= 2.5f;
    }
    end();
    y -= size * 0.4f;
  }

  /** Label-value pairs in two columns, the label bold; each pair is one paragraph. */
  public void facts(List<String[]> pairs, float labelWidth) {
    float size = BODY;
    float leading = size * 1.38f;
    for (String[] pair : pairs) {
      leaf("P");
      List<String> lines = wrap(pair[1], regular, size, WIDTH - labelWidth, 0);
      ensure(leading * Math.min(lines.size(), 2));
      List<String> labels = wrap(pair[0], bold, size, labelWidth - 8, 0);
      int count = Math.max(lines.size(), labels.size());
      for (int i = 0; i < count; i++) {
        ensure(leading);
        y -= size;
        if (i < labels.size()) {
          text(labels.get(i) + " ", LEFT, y, bold, size, MUTED);
        }
        if (i < lines.size()) {
          text(lines.get(i), LEFT + labelWidth, y, regular, size, BLACK);
        }
        y -= leading - size;
      }
      artifact();
      y -= 2;
    }
    y -= size * 0.4f;
  }

  // ---------------------------------------------------------------- tables

  private static final float CELL_PAD_X = 4;
  private static final float CELL_PAD_Y = 3.2f;

  /**
   * A table (Table, TR, TH with column scope, TD) that continues on new pages with its header (and
   * "caption (continued)") repeated as artifacts. A row moves whole to the next page unless it is
   * taller than a page, then it is split between lines. Rows with fewer cells than columns get empty
   * cells, so every row has one cell per column.
   */
  public void table(String caption, List<Column> columns, List<Row> rows, float size) {
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
    begin("Table");
    begin("TR");
    List<PDStructureElement> headerCells = new ArrayList<>(columns.size());
    for (int c = 0; c < columns.size(); c++) {
      PDStructureElement th = element("TH");
      PDTableAttributeObject scope = new PDTableAttributeObject();
      scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
      th.addAttribute(scope);
      headerCells.add(th);
    }
    end();
    drawHeader(columns, header, headerHeight, leading, size, headerCells);

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
      begin("TR");
      List<PDStructureElement> dataCells = new ArrayList<>(columns.size());
      for (int c = 0; c < columns.size(); c++) {
        dataCells.add(element("TD"));
      }
      end();
      int drawn = 0;
      while (drawn < maxLines) {
        int left = maxLines - drawn;
        float needed = left * leading + 2 * CELL_PAD_Y;
        float room = y - BOTTOM;
        int fits = (int) Math.floor((room - 2 * CELL_PAD_Y) / leading);
        if (needed > room && (needed <= pageRoom || fits < 3)) {
          newPage();
          artifact();
          if (caption != null) {
            y -= size;
            text(caption + " (continued)", LEFT, y, italic, size, MUTED);
            y -= 6;
          }
          drawHeader(columns, header, headerHeight, leading, size, null);
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
          leaf(dataCells.get(c));
          float baseline = y - CELL_PAD_Y - size;
          for (int l = drawn; l < Math.min(lines.size(), drawn + now); l++) {
            drawLine(lines.get(l), x, column, baseline, size);
            baseline -= leading;
          }
          x += column.width();
        }
        artifact();
        y -= height;
        line(LEFT, y, RIGHT, y, 0.4f, RULE);
        drawn += now;
      }
      index++;
    }
    end();
    y -= 10;
  }

  private int rowLines(List<Column> columns, Row row, float size) {
    int max = 1;
    for (int c = 0; c < columns.size() && c < row.cells().size(); c++) {
      max = Math.max(max, layoutCell(row.cells().get(c), columns.get(c).width(), size, row.muted()).size());
    }
    return max;
  }

  /** Draws the header row; into the header cells the first time, as an artifact when repeated (cells null). */
  private void drawHeader(List<Column> columns, List<List<Line>> header, float headerHeight, float leading,
      float size, List<PDStructureElement> cells) {
    artifact();
    rect(LEFT, y - headerHeight, WIDTH, headerHeight, HEADER_FILL);
    float x = LEFT;
    for (int c = 0; c < columns.size(); c++) {
      if (cells != null) {
        leaf(cells.get(c));
      }
      float baseline = y - CELL_PAD_Y - size;
      for (Line line : header.get(c)) {
        drawLine(line, x, columns.get(c), baseline, size);
        baseline -= leading;
      }
      x += columns.get(c).width();
    }
    artifact();
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
      text(line.label() + " ", start, baseline, bold, size, line.color());
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
  public void bookmark(String title, boolean child) {
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

  public List<ContentsEntry> contents() {
    return contents;
  }

  /** Reopens a finished page to draw on it (the contents list on the title page). */
  public void reopen(int index, float atY) {
    try {
      closeStream();
      cs = new PDPageContentStream(doc, pages.get(index), PDPageContentStream.AppendMode.APPEND, true, true);
      pageIndex = index;
      y = atY;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Draws the footer on every page (left text, "Page n of N") as artifacts, writes the structure's
   * parent tree, the PDF/A and PDF/UA metadata and the sRGB output intent, and returns the saved PDF.
   */
  public byte[] finish(String footerLeft, String title, String author, String subject, Calendar created) {
    try {
      closeStream();
      if (pages.isEmpty()) {
        newPage();
        closeStream();
      }
      int total = pages.size();
      float size = 7.5f;
      for (int i = 0; i < total; i++) {
        reopen(i, y);
        artifact();
        String right = "Page " + (i + 1) + " of " + total;
        float rightWidth = regular.width(right, size);
        line(LEFT, 44, RIGHT, 44, 0.5f, RULE);
        text(fit(footerLeft, regular, size, WIDTH - rightWidth - 20), LEFT, 33, regular, size, MUTED);
        text(right, RIGHT - rightWidth, 33, regular, size, MUTED);
        closeStream();
      }
      COSArray numbers = new COSArray();
      for (int i = 0; i < parentTree.size(); i++) {
        numbers.add(COSInteger.get(i));
        numbers.add(parentTree.get(i));
      }
      COSDictionary tree = new COSDictionary();
      tree.setItem(COSName.NUMS, numbers);
      structureRoot.getCOSObject().setItem(COSName.PARENT_TREE, tree);
      structureRoot.setParentTreeNextKey(parentTree.size());

      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      if (author != null && !author.isBlank()) {
        info.setAuthor(author);
      }
      info.setSubject(subject);
      info.setCreator(CREATOR);
      info.setProducer(PRODUCER);
      if (created != null) {
        info.setCreationDate(created);
        info.setModificationDate(created);
      }
      PDMetadata metadata = new PDMetadata(doc);
      metadata.importXMPMetadata(xmp(title, author, subject, created));
      doc.getDocumentCatalog().setMetadata(metadata);
      PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
      intent.setInfo("sRGB IEC61966-2.1");
      intent.setOutputCondition("sRGB IEC61966-2.1");
      intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
      intent.setRegistryName("http://www.color.org");
      doc.getDocumentCatalog().addOutputIntent(intent);

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

  private static final String CREATOR = "qsmo-workflow";
  private static final String PRODUCER = "qsmo-workflow with Apache PDFBox";
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  /** XMP metadata matching the document information: PDF/A-2a and PDF/UA-1 identification. */
  private static byte[] xmp(String title, String author, String subject, Calendar created) {
    StringBuilder x = new StringBuilder(3000);
    x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
        .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
        .append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        .append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
        .append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"")
        .append(" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
        .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
        .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n")
        .append("<dc:format>application/pdf</dc:format>\n")
        .append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(xml(title))
        .append("</rdf:li></rdf:Alt></dc:title>\n");
    if (author != null && !author.isBlank()) {
      x.append("<dc:creator><rdf:Seq><rdf:li>").append(xml(author)).append("</rdf:li></rdf:Seq></dc:creator>\n");
    }
    x.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(xml(subject))
        .append("</rdf:li></rdf:Alt></dc:description>\n")
        .append("<dc:language><rdf:Bag><rdf:li>en-US</rdf:li></rdf:Bag></dc:language>\n")
        .append("<pdf:Producer>").append(PRODUCER).append("</pdf:Producer>\n")
        .append("<xmp:CreatorTool>").append(CREATOR).append("</xmp:CreatorTool>\n");
    if (created != null) {
      String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.toInstant().atZone(
          created.getTimeZone().toZoneId()).withNano(0).toOffsetDateTime());
      x.append("<xmp:CreateDate>").append(date).append("</xmp:CreateDate>\n")
          .append("<xmp:ModifyDate>").append(date).append("</xmp:ModifyDate>\n");
    }
    x.append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n")
        .append("<pdfuaid:part>1</pdfuaid:part>\n")
        .append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
        .append("<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n")
        .append("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n")
        .append("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n")
        .append("<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n")
        .append("<pdfaProperty:name>part</pdfaProperty:name>\n")
        .append("<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n")
        .append("<pdfaProperty:category>internal</pdfaProperty:category>\n")
        .append("<pdfaProperty:description>Part of ISO 14289 standard</pdfaProperty:description>\n")
        .append("</rdf:li></rdf:Seq></pdfaSchema:property>\n")
        .append("</rdf:li></rdf:Bag></pdfaExtension:schemas>\n")
        .append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    return x.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String xml(String text) {
    StringBuilder out = new StringBuilder(text == null ? 0 : text.length());
    if (text != null) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '&' -> out.append("&amp;");
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '"' -> out.append("&quot;");
          default -> {
            if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
              out.append(c);
            }
          }
        }
      }
    }
    return out.toString();
  }
}
