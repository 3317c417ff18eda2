package gov.qsmo.workflow.rfi.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a rendered report back: text per page and per section (found through the outline). */
final class PdfText implements AutoCloseable {

  final PDDocument document;

  PdfText(byte[] pdf) {
    try {
      document = Loader.loadPDF(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int pages() {
    return document.getNumberOfPages();
  }

  /** Text of pages first..last (1-based), in drawing order. */
  String text(int first, int last) {
    try {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(first);
      stripper.setEndPage(last);
      return stripper.getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String page(int number) {
    return text(number, number);
  }

  /** Outline titles of the top level. */
  List<String> sections() {
    List<String> titles = new ArrayList<>();
    for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
      titles.add(item.getTitle());
    }
    return titles;
  }

  /** Text from the page where the section starts to the page where the next one starts. */
  String section(String title) {
    List<PDOutlineItem> items = new ArrayList<>();
    document.getDocumentCatalog().getDocumentOutline().children().forEach(items::add);
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).getTitle().equals(title)) {
        int first = pageOf(items.get(i));
        int last = i + 1 < items.size() ? pageOf(items.get(i + 1)) : pages();
        return text(first, Math.max(first, last));
      }
    }
    throw new AssertionError("no section " + title + " in " + sections());
  }

  private int pageOf(PDOutlineItem item) {
    try {
      PDPage page = ((PDPageDestination) item.getDestination()).getPage();
      return document.getPages().indexOf(page) + 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Leftmost and rightmost x any upright glyph reaches, over every page. */
  float[] horizontalExtent() {
    float[] extent = {Float.MAX_VALUE, -Float.MAX_VALUE};
    try {
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
          for (TextPosition position : positions) {
            if (position.getDir() != 0) {
              continue; // turned text (the chart's axis title) has its own coordinates
            }
            extent[0] = Math.min(extent[0], position.getXDirAdj());
            extent[1] = Math.max(extent[1], position.getXDirAdj() + position.getWidthDirAdj());
          }
        }
      };
      stripper.getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return extent;
  }

  /**
   * Lowest baseline and highest glyph top, in PDF coordinates (origin bottom left), over every page
   * and leaving out the footer line.
   */
  float[] verticalExtent() {
    float[] extent = {Float.MAX_VALUE, -Float.MAX_VALUE};
    try {
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
          for (TextPosition position : positions) {
            if (position.getDir() != 0) {
              continue;
            }
            float baseline = position.getPageHeight() - position.getYDirAdj();
            if (Math.abs(baseline - 33) < 0.5f) {
              continue; // the footer
            }
            extent[0] = Math.min(extent[0], baseline);
            extent[1] = Math.max(extent[1], baseline + position.getFontSizeInPt() * 0.72f);
          }
        }
      };
      stripper.getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return extent;
  }

  /** All whitespace removed: wrapped text compares with its source regardless of line breaks. */
  static String compact(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** Whitespace runs made single spaces. */
  static String spaced(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
