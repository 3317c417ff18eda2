package gov.qsmo.workflow.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts every generated PDF embeds: DejaVu Sans regular, bold and oblique (Bitstream Vera licence,
 * DejaVu changes public domain; see {@code fonts/dejavu/LICENSE}), committed as resources. They cover
 * Latin with Vietnamese and Central European letters, Greek, Cyrillic and common symbols; CJK is not
 * covered. Each file is read and measured once per JVM (which characters it has, their widths); each
 * document embeds the subset it uses.
 */
public final class ReportFonts {

  /** A font style and the file that provides it. */
  public enum Style {
    REGULAR("DejaVuSans.ttf"), BOLD("DejaVuSans-Bold.ttf"), ITALIC("DejaVuSans-Oblique.ttf");

    private final String file;

    Style(String file) {
      this.file = file;
    }
  }

  /** The replacement for a character no font has: U+FFFD, drawn as a visible mark (and listed). */
  static final char REPLACEMENT = '\uFFFD';

  private static final FontFile[] FILES = new FontFile[Style.values().length];

  /**
   * Characters every style can draw (Basic Multilingual Plane only). Control and format characters
   * (bidirectional overrides, zero-width joiners) are not drawable: they have no visible form.
   */
  private static final boolean[] DRAWABLE = new boolean[0x10000];

  static {
    for (Style style : Style.values()) {
      FILES[style.ordinal()] = FontFile.read(style.file);
    }
    for (int c = 0; c < DRAWABLE.length; c++) {
      boolean all = true;
      for (FontFile file : FILES) {
        all &= file.widths[c] >= 0;
      }
      int type = Character.getType(c);
      DRAWABLE[c] = all && type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE;
    }
  }

  private ReportFonts() {
  }

  /** True if every style has a glyph for this code point. */
  static boolean drawable(int codePoint) {
    return codePoint >= 0 && codePoint < DRAWABLE.length && DRAWABLE[codePoint];
  }

  public static FontFile file(Style style) {
    return FILES[style.ordinal()];
  }

  /** One font file: its bytes and the advance width of every character it has. */
  public static final class FontFile {
    private final byte[] bytes;
    /** 1/1000 em per BMP char; negative where the font has no glyph. */
    private final float[] widths = new float[0x10000];
    private final float replacementWidth;

    private FontFile(byte[] bytes) throws IOException {
      this.bytes = bytes;
      Arrays.fill(widths, -1);
      try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
        CmapLookup cmap = ttf.getUnicodeCmapLookup();
        float scale = 1000f / ttf.getUnitsPerEm();
        for (int c = 0x20; c < widths.length; c++) {
          int gid = cmap.getGlyphId(c);
          if (gid > 0) {
            widths[c] = ttf.getAdvanceWidth(gid) * scale;
          }
        }
      }
      this.replacementWidth = widths[REPLACEMENT] >= 0 ? widths[REPLACEMENT] : 1000;
    }

    public static FontFile read(String name) {
      String path = "/fonts/dejavu/" + name;
      try (InputStream in = ReportFonts.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("Font resource missing from the classpath: " + path);
        }
        return new FontFile(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("Font resource unreadable: " + path, e);
      }
    }

    /** Width in 1/1000 em; the replacement mark's width for a char the font lacks. */
    public float width(char c) {
      float w = widths[c];
      return w >= 0 ? w : replacementWidth;
    }

    /**
     * Embeds this font into the document as a subset (only the glyphs used are written on save). Glyph
     * substitution (GSUB: ligatures) is off: one glyph per character keeps the text extractable as
     * written, and PDFBox's substitution costs more than the rest of the rendering.
     */
    public PDType0Font embed(PDDocument doc) {
      try {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        ttf.setEnableGsub(false);
        return PDType0Font.load(doc, ttf, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
