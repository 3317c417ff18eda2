package gov.qsmo.workflow.rfi.report;

import static gov.qsmo.workflow.rfi.report.PdfText.compact;
import static gov.qsmo.workflow.rfi.report.PdfText.spaced;
import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.documents.DrawableText;
import gov.qsmo.workflow.documents.PdfLayout;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Criterion;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.CriterionResult;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.IndividualScore;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Level;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.PanelMember;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.ResponseResult;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Scale;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Screening;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EvaluationReportPdfTests {

  private final EvaluationReportData data = SampleReports.small();

  @Test
  void rankingTableListsTheResponsesInRankOrderWithTheirConsensusRatings() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      String ranking = pdf.section("4  Ranking");
      int first = ranking.indexOf("1 RSP-001 Acme Grants, Inc. 4.40 5 4 \u2020 4 4");
      int second = ranking.indexOf("2 RSP-002 Northwind \"Cloud\" Services 3.60 4 3 3 4");
      int third = ranking.indexOf("3 RSP-003 Beacon Grants LLC 2.80 3 2 3 3");
      assertThat(first).as(ranking).isPositive();
      assertThat(second).isGreaterThan(first);
      assertThat(third).isGreaterThan(second);
      assertThat(ranking).contains("C1  Grants management solution (40%)", "C4  Acquisition strategy (20%)");
    }
  }

  @Test
  void everyConsensusRatingAndRationaleAppearsUnderItsResponse() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      String consensus = compact(pdf.section("7  Consensus by response"));
      int previous = -1;
      for (ResponseResult response : data.responses()) {
        int heading = consensus.indexOf(compact("Rank " + response.rank() + " \u00b7 " + response.organization()
            + " (" + response.responseId() + ")"));
        assertThat(heading).as("heading of %s", response.responseId()).isGreaterThan(previous);
        previous = heading;
        for (CriterionResult result : response.criteria()) {
          String expected = compact(new DrawableText().clean(result.consensusRationale(), true));
          assertThat(consensus.indexOf(expected, heading)).as(result.consensusRationale()).isGreaterThan(heading);
          assertThat(consensus).contains(compact(result.consensusRating() + " " + result.consensusLabel()));
        }
      }
      assertThat(consensus).contains(compact("Flagged: spread 3 (2 to 5)"),
          compact("Dissent: reviewer3 would rate customer experience Good."));
    }
  }

  @Test
  void panelShowsAttestationVersionsTimesAndRecusals() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      String panel = spaced(pdf.section("2  Evaluation panel"));
      assertThat(panel).contains("Version COI-NDA v2.1 Signed 1 Mar 2026, 13:00 UTC",
          "Version COI-NDA v2.1 Signed 2 Mar 2026, 09:30 UTC", "Version COI-NDA v2.2 Signed 2 Mar 2026, 11:45 UTC",
          "NOT SIGNED Version COI-NDA v2.2", "RSP-003 (Beacon Grants LLC)",
          "Former employee of Beacon Grants LLC (left 2024).");
    }
  }

  @Test
  void screeningShowsLateResponsesOverridesAndIneligibility() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      String screening = spaced(pdf.section("3  Screening"));
      assertThat(screening).contains("RSP-003 Beacon Grants LLC 27 Feb 2026, 22:04 UTC Late Yes Eligible",
          "Portal outage at closing documented by the contracting officer.", "RSP-004 Late Entry Co",
          "Not eligible");
    }
  }

  @Test
  void approvalsCarryTheirTimestampsInUtc() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      String approvals = spaced(pdf.section("9  Approvals"));
      assertThat(approvals).contains("Panel chair sign-off panel.chair Approved Consensus complete. "
          + "18 Mar 2026, 15:30 UTC", "contracting.officer Approved", "19 Mar 2026, 17:45 UTC");
    }
  }

  @Test
  void planListsTopicsCriteriaWithWeightsAndEveryLevelDefinition() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      String plan = spaced(pdf.section("1  Evaluation plan"));
      for (String topic : data.topics()) {
        assertThat(plan).contains(topic);
      }
      for (Criterion criterion : data.criteria()) {
        assertThat(plan).contains(criterion.position() + " " + criterion.name() + " " + criterion.weight() + "% "
            + criterion.guidance());
      }
      for (Level level : data.scale().levels()) {
        assertThat(plan).contains(level.value() + " " + level.label() + " " + level.definition());
      }
      assertThat(plan).contains("Total 100%");
    }
  }

  @Test
  void appendixHoldsEveryScoreWithSupersededVersionsMarked() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      String appendix = pdf.section("Appendix A  Individual scores");
      String compacted = compact(appendix);
      for (IndividualScore score : data.individualScores()) {
        assertThat(compacted).contains(compact(new DrawableText().clean(score.strengths(), true)),
            compact(new DrawableText().clean(score.rationale(), true)));
      }
      String flat = spaced(appendix);
      assertThat(count(flat, "v\\d+ current")).isEqualTo(data.individualScores().stream()
          .filter(IndividualScore::current).count());
      assertThat(count(flat, "v\\d+ superseded")).isEqualTo(1);
      assertThat(flat).contains("reviewer2 1 Unsatisfactory v1 superseded 5 Mar 2026, 16:00 UTC",
          "reviewer2 3 Satisfactory v2 current 6 Mar 2026, 09:15 UTC");
    }
  }

  @Test
  void chartCountsTheCurrentScoresOnEachLevelPerCriterion() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      String chart = spaced(pdf.section("5  Score distributions"));
      assertThat(chart).contains("How many current individual scores fell on each level",
          "Levels: 1 = Unsatisfactory 2 = Marginal 3 = Satisfactory 4 = Good 5 = Exceptional");
      Pattern bar = Pattern.compile("(\\d+) ([1-5]) (Unsatisfactory|Marginal|Satisfactory|Good|Exceptional)");
      for (Criterion criterion : data.criteria()) {
        int[] expected = new int[5];
        for (IndividualScore score : data.individualScores()) {
          if (score.current() && score.criterionName().equals(criterion.name())) {
            expected[score.rating() - 1]++;
          }
        }
        int start = chart.indexOf(criterion.name() + " n = " + Arrays.stream(expected).sum() + " current scores");
        assertThat(start).as(criterion.name()).isPositive();
        Matcher matcher = bar.matcher(chart.substring(start, chart.indexOf("Rating", start)));
        int[] drawn = new int[5];
        while (matcher.find()) {
          drawn[Integer.parseInt(matcher.group(2)) - 1] = Integer.parseInt(matcher.group(1));
        }
        assertThat(drawn).as(criterion.name()).containsExactly(expected);
      }
      assertThat(chart).contains("Rating").contains("N um be r"); // the count axis title, read vertically
    }
  }

  @Test
  void distributionsIgnoreSupersededVersionsAndKeepScoresOffTheScale() {
    List<ScoreDistributionChart.Level> levels = ScoreDistributionChart.levels(data.scale(), List.of(), new DrawableText());
    List<IndividualScore> scores = new ArrayList<>(data.individualScores());
    scores.add(new IndividualScore("RSP-001", "Acme", "reviewer9", "Data implementation", 9, null, null, null, 1,
        true, null));
    List<ScoreDistributionChart.Distribution> distributions = ScoreDistributionChart.distributions(
        List.of("Grants management solution", "Data implementation"), levels, scores);
    assertThat(distributions).hasSize(4); // the plan's two criteria, then the other two named by scores
    assertThat(distributions.get(1).criterion()).isEqualTo("Data implementation");
    assertThat(distributions.get(1).counts()).containsExactly(0, 2, 5, 0, 1);
    assertThat(distributions.get(1).offScale()).isEqualTo(1);
    assertThat(ScoreDistributionChart.niceStep(5)).isEqualTo(1);
    assertThat(ScoreDistributionChart.niceStep(7)).isEqualTo(2);
    assertThat(ScoreDistributionChart.niceStep(1400)).isEqualTo(500);
  }

  @Test
  void everyPageHasTheRfiIdAndItsPageNumberInTheFooter() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      assertThat(pdf.pages()).isGreaterThan(8);
      assertThat(pdf.verticalExtent()[0]).isGreaterThanOrEqualTo(PdfLayout.BOTTOM - 0.5f);
      assertThat(pdf.horizontalExtent()[1]).isLessThanOrEqualTo(PdfLayout.RIGHT + 0.5f);
      for (int page = 1; page <= pdf.pages(); page++) {
        assertThat(pdf.page(page)).contains("RFI-2026-0042", "Page " + page + " of " + pdf.pages());
      }
      assertThat(pdf.sections()).containsExactly("1  Evaluation plan", "2  Evaluation panel", "3  Screening",
          "4  Ranking", "5  Score distributions", "6  Themes and recommendations", "7  Consensus by response",
          "8  Proprietary information", "9  Approvals", "Appendix A  Individual scores",
          EvaluationReportPdf.MISSING_CHARACTERS);
      String title = spaced(pdf.page(1));
      assertThat(title).contains("Commercial grants management solutions", "APPROVED",
          "Department of Health and Human Services (HHS)", "Responses closed 27 Feb 2026, 22:00 UTC",
          "4 received, 2 late, 3 eligible; 3 ranked", "1. Acme Grants, Inc. (4.40)", "Contents");
    }
  }

  @Test
  void themesRecommendationsAndTheProprietaryStatementAreIncluded() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      String themes = spaced(pdf.section("6  Themes and recommendations"));
      data.themes().forEach(theme -> assertThat(themes).contains(theme));
      data.recommendations().forEach(recommendation -> assertThat(themes).contains(recommendation));
      assertThat(spaced(pdf.section("8  Proprietary information"))).contains(data.proprietaryStatement());
    }
  }

  @Test
  void markupIsDrawnAsLiteralText() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      assertThat(compact(pdf.section("7  Consensus by response"))).contains(compact(SampleReports.MARKUP));
      assertThat(compact(pdf.section("Appendix A  Individual scores"))).contains(compact(SampleReports.MARKUP));
    }
  }

  @Test
  void charactersNoEmbeddedFontHasAreMarkedVisiblyAndListedNeverReplacedSilently() {
    DrawableText cleaner = new DrawableText();
    assertThat(cleaner.clean(SampleReports.ODD, false))
        .isEqualTo("Emoji \uFFFD CJK \uFFFD\uFFFD bell\uFFFD rtl\uFFFD lone\uFFFD tab end \u00e9\u20ac");
    assertThat(cleaner.missing()).extracting(DrawableText.Missing::code)
        .containsExactly("U+0007", "U+202E", "U+636E", "U+6570", "U+D800", "U+1F680");
    assertThat(cleaner.clean("a\r\nb\rc\nd\u2028e", true)).isEqualTo("a\nb\nc\nd\ne");
    assertThat(cleaner.clean("e\u0301 \u00a0\u201cq\u201d \u2014 \u0142\u01b0\u1ec5 \u03a9\u0416", false))
        .isEqualTo("\u00e9  \u201cq\u201d \u2014 \u0142\u01b0\u1ec5 \u03a9\u0416");
    assertThat(cleaner.clean(null, true)).isEmpty();
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      assertThat(spaced(pdf.section("7  Consensus by response")))
          .contains("Emoji \uFFFD CJK \uFFFD\uFFFD bell\uFFFD rtl\uFFFD lone\uFFFD tab end \u00e9\u20ac");
      assertThat(spaced(pdf.section(EvaluationReportPdf.MISSING_CHARACTERS))).contains(
          "U+0007 BEL", "U+202E RIGHT-TO-LEFT OVERRIDE", "U+636E CJK UNIFIED IDEOGRAPHS 636E",
          "U+1F680 ROCKET", "Usable but untested with recipients. Emoji \uFFFD CJK");
    }
  }

  @Test
  void nullsAndEmptyListsStillRenderAReport() {
    EvaluationReportData empty = new EvaluationReportData(null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(empty))) {
      assertThat(pdf.sections()).hasSize(10);
      assertThat(spaced(pdf.page(1))).contains("Untitled RFI", "Responses closed not recorded");
      assertThat(pdf.section("5  Score distributions")).contains("No scores to chart.");
    }
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    withNull.add("\uD83D\uDE00");
    EvaluationReportData holes = new EvaluationReportData("RFI-X", "\u0000", "", " ", withNull, Instant.MAX,
        Instant.EPOCH, "Draft for approval", new Scale(null, Arrays.asList(null, new Level(1, null, null))),
        Arrays.asList(null, new Criterion(1, null, null, 0)),
        Arrays.asList(null, new PanelMember(null, null, null, null, null, null, withNull)),
        Arrays.asList(null, new Screening(null, null, null, true, false, false, null, null)),
        Arrays.asList(null, new ResponseResult(1, null, null, Double.NaN, Arrays.asList(null,
            new CriterionResult(null, 0, 0, Double.NaN, 0, 0, Double.POSITIVE_INFINITY, true, null, null, null,
                null)), null)),
        Arrays.asList(null, new IndividualScore(null, null, null, null, 7, null, null, null, 0, false, null)),
        Arrays.asList(null, new EvaluationReportData.Approval(null, null, null, null, null)), null, withNull,
        withNull);
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(holes))) {
      assertThat(pdf.page(1)).contains("RFI-X");
      assertThat(spaced(pdf.section("1  Evaluation plan"))).contains("The weights do not total 100%.");
    }
  }

  @Test
  void longTextWrapsInsideTheMarginsAndTablesRepeatTheirHeaderOnNewPages() {
    String longWord = "x".repeat(3000);
    String longText = "Evidence ".repeat(400);
    List<IndividualScore> scores = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      scores.add(new IndividualScore("RSP-001", "Acme", "reviewer" + i, "Data implementation", 3,
          i == 0 ? longWord : "short", i == 1 ? longText : null, null, 1, true, SampleReports.CLOSED));
    }
    EvaluationReportData wide = new EvaluationReportData("RFI-LONG", "Title ".repeat(600), longText, longWord,
        List.of(longWord), null, null, longWord, SampleReports.ADJECTIVAL, SampleReports.CRITERIA, data.panel(),
        data.screening(), data.responses(), scores, data.approvals(), longText, List.of(longText), List.of());
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(wide))) {
      float[] extent = pdf.horizontalExtent();
      assertThat(extent[0]).isGreaterThanOrEqualTo(PdfLayout.LEFT - 0.5f);
      assertThat(extent[1]).isLessThanOrEqualTo(PdfLayout.RIGHT + 0.5f);
      float[] vertical = pdf.verticalExtent();
      assertThat(vertical[0]).as("lowest baseline above the footer").isGreaterThanOrEqualTo(PdfLayout.BOTTOM - 0.5f);
      assertThat(vertical[1]).as("highest glyph below the top margin").isLessThanOrEqualTo(PdfLayout.TOP + 0.5f);
      String appendix = pdf.section("Appendix A  Individual scores");
      assertThat(count(appendix, "Strengths, weaknesses and rationale")).isGreaterThan(2);
      assertThat(appendix).contains("Acme (RSP-001) (continued)");
      assertThat(count(compact(appendix), "x{100}")).isGreaterThan(20); // the long word, broken over lines
    }
  }

  @Test
  void separateReportsRenderInParallelThreads() throws Exception {
    String expected;
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      expected = pdf.text(2, pdf.pages());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> renders = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        renders.add(pool.submit(() -> EvaluationReportPdf.render(data)));
      }
      for (Future<byte[]> render : renders) {
        try (PdfText pdf = new PdfText(render.get(60, TimeUnit.SECONDS))) {
          assertThat(pdf.text(2, pdf.pages())).isEqualTo(expected);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long count(String text, String regex) {
    return Pattern.compile(regex).matcher(text).results().count();
  }
}
