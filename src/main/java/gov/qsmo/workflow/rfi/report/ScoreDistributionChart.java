package gov.qsmo.workflow.rfi.report;

import gov.qsmo.workflow.documents.DrawableText;
import gov.qsmo.workflow.documents.PdfLayout;
import gov.qsmo.workflow.documents.PdfLayout.Face;
import gov.qsmo.workflow.documents.PdfLayout.Rgb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Bar charts, one small multiple per criterion, of how many current individual scores fell on each
 * level of the scale. Drawn with vector graphics: gridlines, a labelled count axis, the level value
 * and label under each bar and the count above it. Each small multiple is a tagged figure whose
 * alternative text states every count, and {@link #table} gives the same figures as a table.
 */
final class ScoreDistributionChart {

  static final Rgb BAR = new Rgb(0.22f, 0.42f, 0.66f);

  /** Counts for one criterion: {@code counts[i]} scores at {@code levels.get(i)}, plus those off the scale. */
  record Distribution(String criterion, int[] counts, int offScale) {
    int total() {
      int total = offScale;
      for (int count : counts) {
        total += count;
      }
      return total;
    }
  }

  /** One level as the chart shows it. */
  record Level(int value, String label) {
  }

  private ScoreDistributionChart() {
  }

  /** The scale's levels, or the distinct ratings given when the plan has no scale. */
  static List<Level> levels(EvaluationReportData.Scale scale, List<EvaluationReportData.IndividualScore> scores,
      DrawableText cleaner) {
    List<Level> levels = new ArrayList<>();
    if (scale != null && scale.levels() != null) {
      for (EvaluationReportData.Level level : scale.levels()) {
        if (level != null) {
          levels.add(new Level(level.value(), cleaner.clean(level.label(), false).strip()));
        }
      }
    }
    if (levels.isEmpty()) {
      TreeSet<Integer> values = new TreeSet<>();
      for (EvaluationReportData.IndividualScore score : scores) {
        values.add(score.rating());
      }
      values.forEach(value -> levels.add(new Level(value, "")));
    }
    return levels;
  }

  /** Current scores counted per criterion (in the plan's order, then any other criterion named by a score). */
  static List<Distribution> distributions(List<String> criteria, List<Level> levels,
      List<EvaluationReportData.IndividualScore> scores) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, int[]> offScale = new LinkedHashMap<>();
    for (String criterion : criteria) {
      counts.put(criterion, new int[levels.size()]);
      offScale.put(criterion, new int[1]);
    }
    Map<Integer, Integer> indexOf = new LinkedHashMap<>();
    for (int i = 0; i < levels.size(); i++) {
      indexOf.putIfAbsent(levels.get(i).value(), i);
    }
    for (EvaluationReportData.IndividualScore score : scores) {
      if (!score.current()) {
        continue;
      }
      String criterion = score.criterionName() == null ? "" : score.criterionName();
      int[] row = counts.computeIfAbsent(criterion, key -> new int[levels.size()]);
      offScale.computeIfAbsent(criterion, key -> new int[1]);
      Integer index = indexOf.get(score.rating());
      if (index == null) {
        offScale.get(criterion)[0]++;
      } else {
        row[index]++;
      }
    }
    List<Distribution> result = new ArrayList<>();
    counts.forEach((criterion, row) -> result.add(new Distribution(criterion, row, offScale.get(criterion)[0])));
    return result;
  }

  /** Draws the small multiples two per row from the layout's current position, adding pages as needed. */
  static void draw(PdfLayout layout, List<Distribution> distributions, List<Level> levels, DrawableText cleaner) {
    float gap = 18;
    float panelWidth = (PdfLayout.WIDTH - gap) / 2;
    float panelHeight = 196;
    int maxCount = 1;
    for (Distribution distribution : distributions) {
      for (int count : distribution.counts()) {
        maxCount = Math.max(maxCount, count);
      }
    }
    int step = niceStep(maxCount);
    int axisMax = ((maxCount + step - 1) / step) * step;
    for (int i = 0; i < distributions.size(); i += 2) {
      layout.ensure(panelHeight + 12);
      float top = layout.y();
      drawPanel(layout, distributions.get(i), levels, PdfLayout.LEFT, top, panelWidth, panelHeight, axisMax, step,
          cleaner);
      if (i + 1 < distributions.size()) {
        drawPanel(layout, distributions.get(i + 1), levels, PdfLayout.LEFT + panelWidth + gap, top, panelWidth,
            panelHeight, axisMax, step, cleaner);
      }
      layout.moveDown(panelHeight + 12);
    }
  }

  private static void drawPanel(PdfLayout layout, Distribution distribution, List<Level> levels, float x,
      float top, float width, float height, int axisMax, int step, DrawableText cleaner) {
    Face bold = layout.bold;
    Face regular = layout.regular;
    layout.beginFigure(alternativeText(distribution, levels), x, top, width, height);
    layout.rect(x, top - height, width, height, new Rgb(0.975f, 0.98f, 0.985f));

    // title: criterion name (two lines at most) and the number of scores
    float titleSize = 8.5f;
    List<String> title = PdfLayout.wrap(cleaner.clean(distribution.criterion(), false).strip(), bold,
        titleSize, width - 16, 0);
    float cursor = top - 8;
    for (int i = 0; i < Math.min(2, title.size()); i++) {
      String line = i == 1 && title.size() > 2 ? PdfLayout.fit(title.get(1) + " " + title.get(2), bold, titleSize,
          width - 16) : title.get(i);
      cursor -= titleSize;
      layout.text(line, x + 8, cursor, bold, titleSize, PdfLayout.NAVY);
      cursor -= 2;
    }
    String total = "n = " + distribution.total() + " current scores"
        + (distribution.offScale() > 0 ? " (" + distribution.offScale() + " off the scale)" : "");
    cursor -= 7;
    layout.text(total, x + 8, cursor, regular, 7, PdfLayout.MUTED);

    // plot area
    float plotLeft = x + 34;
    float plotRight = x + width - 10;
    float plotBottom = top - height + 40;
    float plotTop = cursor - 14;
    float plotHeight = plotTop - plotBottom;
    float tickSize = 6.5f;
    for (int value = 0; value <= axisMax; value += step) {
      float gy = plotBottom + plotHeight * value / axisMax;
      layout.line(plotLeft, gy, plotRight, gy, value == 0 ? 0.8f : 0.35f, value == 0 ? PdfLayout.BLACK
          : PdfLayout.RULE);
      String label = Integer.toString(value);
      layout.text(label, plotLeft - 4 - regular.width(label, tickSize), gy - 2.2f, regular, tickSize,
          PdfLayout.MUTED);
    }
    layout.line(plotLeft, plotBottom, plotLeft, plotTop, 0.8f, PdfLayout.BLACK);
    String yTitle = "Number of scores";
    layout.textUp(yTitle, x + 9, plotBottom + (plotHeight - regular.width(yTitle, 7)) / 2, regular, 7,
        PdfLayout.MUTED);

    int n = Math.max(1, levels.size());
    float slot = (plotRight - plotLeft) / n;
    float barWidth = Math.min(slot * 0.62f, 34);
    for (int i = 0; i < levels.size(); i++) {
      int count = i < distribution.counts().length ? distribution.counts()[i] : 0;
      float center = plotLeft + slot * i + slot / 2;
      float barHeight = plotHeight * count / axisMax;
      if (count > 0) {
        layout.rect(center - barWidth / 2, plotBottom, barWidth, barHeight, BAR);
      }
      String countLabel = Integer.toString(count);
      layout.text(countLabel, center - bold.width(countLabel, 7) / 2, plotBottom + barHeight + 2.5f, bold, 7,
          PdfLayout.BLACK);
      String value = Integer.toString(levels.get(i).value());
      layout.text(value, center - bold.width(value, 7) / 2, plotBottom - 9, bold, 7, PdfLayout.BLACK);
      List<String> label = PdfLayout.wrap(levels.get(i).label(), regular, 5.8f, slot - 2, 0);
      float labelY = plotBottom - 16;
      for (int l = 0; l < Math.min(2, label.size()); l++) {
        String line = PdfLayout.fit(label.get(l), regular, 5.8f, slot - 2);
        layout.text(line, center - regular.width(line, 5.8f) / 2, labelY, regular, 5.8f, PdfLayout.MUTED);
        labelY -= 6.6f;
      }
    }
    String xTitle = "Rating";
    layout.text(xTitle, plotLeft + (plotRight - plotLeft - regular.width(xTitle, 7)) / 2, top - height + 5,
        regular, 7, PdfLayout.MUTED);
    layout.endFigure();
  }

  /** What the chart shows, in words: every count, for a reader who cannot see the bars. */
  static String alternativeText(Distribution distribution, List<Level> levels) {
    StringBuilder alt = new StringBuilder("Bar chart of the current individual scores for the criterion ")
        .append(plain(distribution.criterion())).append(", ").append(distribution.total())
        .append(distribution.total() == 1 ? " score" : " scores").append(" in all. ");
    for (int i = 0; i < levels.size(); i++) {
      int count = i < distribution.counts().length ? distribution.counts()[i] : 0;
      Level level = levels.get(i);
      alt.append("Rating ").append(level.value()).append(level.label().isEmpty() ? "" : " (" + level.label() + ")")
          .append(": ").append(count).append(i + 1 < levels.size() ? "; " : ".");
    }
    if (distribution.offScale() > 0) {
      alt.append(" Off the scale: ").append(distribution.offScale()).append('.');
    }
    return alt.toString();
  }

  /** The same counts as a table: one row per criterion, one column per level (and one for the total). */
  static void table(PdfLayout layout, List<Distribution> distributions, List<Level> levels, DrawableText cleaner) {
    boolean offScale = distributions.stream().anyMatch(d -> d.offScale() > 0);
    int numeric = levels.size() + (offScale ? 1 : 0) + 1;
    float countWidth = Math.max(28, Math.min(60, (PdfLayout.WIDTH - 150) / numeric));
    List<PdfLayout.Column> columns = new ArrayList<>();
    columns.add(new PdfLayout.Column("Criterion", PdfLayout.WIDTH - countWidth * numeric));
    for (Level level : levels) {
      // the label goes under the value where it fits whole; the levels are also listed above the charts
      boolean fits = !level.label().isEmpty() && layout.bold.width(level.label(), 8.5f) <= countWidth - 8;
      columns.add(new PdfLayout.Column(level.value() + (fits ? "\n" + level.label() : ""), countWidth,
          PdfLayout.Align.RIGHT));
    }
    if (offScale) {
      columns.add(new PdfLayout.Column("Off the scale", countWidth, PdfLayout.Align.RIGHT));
    }
    columns.add(new PdfLayout.Column("Total", countWidth, PdfLayout.Align.RIGHT));
    List<PdfLayout.Row> rows = new ArrayList<>();
    for (Distribution distribution : distributions) {
      List<PdfLayout.Cell> cells = new ArrayList<>();
      String name = cleaner.clean(distribution.criterion(), false).strip();
      cells.add(PdfLayout.Cell.of(name.isEmpty() ? "not recorded" : name));
      for (int i = 0; i < levels.size(); i++) {
        cells.add(PdfLayout.Cell.of(Integer.toString(i < distribution.counts().length ? distribution.counts()[i] : 0)));
      }
      if (offScale) {
        cells.add(PdfLayout.Cell.of(Integer.toString(distribution.offScale())));
      }
      cells.add(PdfLayout.Cell.of(Integer.toString(distribution.total())));
      rows.add(new PdfLayout.Row(cells));
    }
    layout.table("Score distributions", columns, rows, 8.5f);
  }

  private static String plain(String text) {
    if (text == null || text.isBlank()) {
      return "not recorded";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.strip().codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
    return out.toString();
  }

  /** 1, 2 or 5 times a power of ten, giving at most five gridlines above zero. */
  static int niceStep(int max) {
    int magnitude = 1;
    while (true) {
      for (int factor : new int[] {1, 2, 5}) {
        int step = factor * magnitude;
        if ((max + step - 1) / step <= 5) {
          return step;
        }
      }
      magnitude *= 10;
    }
  }
}
