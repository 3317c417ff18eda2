package gov.qsmo.workflow.rfi.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 200 responses x 7 reviewers x 6 criteria: completes and holds every score (timings: ReportRenderingBenchmark). */
class LargeEvaluationReportTests {

  @Test
  void rendersEightThousandFourHundredScores() {
    EvaluationReportData data = SampleReports.large(200, 7, 6);
    assertThat(data.individualScores()).hasSize(8_400);

    assertThat(EvaluationReportCsvTests.parse(EvaluationReportCsv.render(data))).hasSize(8_401);

    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data))) {
      int pages = pdf.pages();
      assertThat(pages).isGreaterThan(500);
      assertThat(pdf.page(pages)).contains("RFI-2026-0100", "Page " + pages + " of " + pages,
          "Strengths, weaknesses and rationale", "(continued)");
      assertThat(pdf.page(1)).contains("200 received", "8,400 current, 0 superseded");
      String ranking = pdf.section("4  Ranking");
      assertThat(ranking).contains("Ranking (continued)");
      assertThat(ranking.indexOf("\n1 RSP-")).isLessThan(ranking.indexOf("\n2 RSP-"));
      assertThat(ranking.indexOf("\n199 RSP-")).isLessThan(ranking.indexOf("\n200 RSP-"));
    }
  }
}
