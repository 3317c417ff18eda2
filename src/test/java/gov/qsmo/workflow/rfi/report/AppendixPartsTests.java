package gov.qsmo.workflow.rfi.report;

import static gov.qsmo.workflow.rfi.report.PdfText.compact;
import static gov.qsmo.workflow.rfi.report.PdfText.spaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.qsmo.workflow.documents.DrawableText;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.IndividualScore;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.ResponseResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * A report with more individual scores than it holds itself has its Appendix A in parts of 50 responses, in
 * ranking order, each an accessible document of its own (ADR 0036); the report says where they are. Here the limit
 * is lowered to 100 scores so that a small synthetic evaluation (120 responses, 720 scores) has three parts.
 */
class AppendixPartsTests {

  static final int LIMIT = 100;

  private final EvaluationReportData data = SampleReports.large(120, 3, 2);
  private final List<ResponseResult> ranked = data.responses();

  @Test
  void theResponsesArePartedByFiftyInRankingOrderOnlyAboveTheLimit() {
    List<List<String>> parts = EvaluationReportPdf.appendixParts(data, LIMIT);
    assertThat(parts).extracting(List::size).containsExactly(50, 50, 20);
    assertThat(parts.get(0).get(0)).isEqualTo(ranked.get(0).responseId());
    assertThat(parts.get(1).get(0)).isEqualTo(ranked.get(50).responseId());
    assertThat(parts.get(2).get(19)).isEqualTo(ranked.get(119).responseId());
    assertThat(EvaluationReportPdf.appendixParts(data, data.individualScores().size())).as("at the limit").isEmpty();
    assertThat(EvaluationReportPdf.appendixParts(data)).as("720 scores, under the default limit").isEmpty();
  }

  @Test
  void theReportListsThePartsInsteadOfTheScores() {
    try (PdfText pdf = new PdfText(EvaluationReportPdf.render(data, LIMIT))) {
      String appendix = spaced(pdf.section("Appendix A  Individual scores"));
      assertThat(appendix).contains("720 individual scores", "Appendix A is therefore in 3 parts",
          "/api/rfis/RFI-2026-0100/report/appendix/{part}.pdf",
          "Part 1 1 to 50 " + ranked.get(0).responseId() + " to " + ranked.get(49).responseId(),
          "Part 3 101 to 120 " + ranked.get(100).responseId() + " to " + ranked.get(119).responseId());
      String all = compact(pdf.text(1, pdf.pages()));
      IndividualScore any = data.individualScores().get(0);
      assertThat(all).as("no worksheet in the report itself")
          .doesNotContain(compact(new DrawableText().clean(any.strengths(), true)));
    }
  }

  @Test
  void eachPartHoldsEveryScoreOfItsResponsesAndNoOther() {
    List<List<String>> parts = EvaluationReportPdf.appendixParts(data, LIMIT);
    for (int part = 1; part <= parts.size(); part++) {
      List<String> responses = parts.get(part - 1);
      try (PdfText pdf = new PdfText(EvaluationReportPdf.renderAppendixPart(data, LIMIT, part))) {
        String text = compact(pdf.text(1, pdf.pages()));
        assertThat(spaced(pdf.page(1))).contains("individual scores, part " + part + " of 3",
            "Responses in this part " + responses.size() + " of 120");
        for (IndividualScore score : data.individualScores()) {
          String strengths = compact(new DrawableText().clean(score.strengths(), true));
          if (responses.contains(score.responseId())) {
            assertThat(text).as("part %d holds %s's scores", part, score.responseId()).contains(strengths);
          } else {
            assertThat(text).as("part %d leaves out %s", part, score.responseId()).doesNotContain(strengths);
          }
        }
      }
    }
    assertThatThrownBy(() -> EvaluationReportPdf.renderAppendixPart(data, LIMIT, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 part(s) of Appendix A, not 4");
  }

  @Test
  void aPartAndTheReportThatListsThePartsPassEveryPdfUa1AndPdfA2aRule() {
    byte[] part = EvaluationReportPdf.renderAppendixPart(data, LIMIT, 3);
    assertThat(PdfConformance.failedRules(part, PDFAFlavour.PDFUA_1)).isEmpty();
    assertThat(PdfConformance.failedRules(part, PDFAFlavour.PDFA_2_A)).isEmpty();
    byte[] report = EvaluationReportPdf.render(data, LIMIT);
    assertThat(PdfConformance.failedRules(report, PDFAFlavour.PDFUA_1)).isEmpty();
    assertThat(PdfConformance.failedRules(report, PDFAFlavour.PDFA_2_A)).isEmpty();
  }
}
