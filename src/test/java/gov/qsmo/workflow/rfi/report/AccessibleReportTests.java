package gov.qsmo.workflow.rfi.report;

import static gov.qsmo.workflow.rfi.report.PdfText.spaced;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.PanelMember;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The report as PDF/UA-1 and PDF/A-2a, with names in Latin, Greek and Cyrillic shown as written. */
class AccessibleReportTests {

  static final List<String> NAMES = List.of("Nguyễn Thị Minh Khai", "Trần Văn Đức", "Łukasz Żółć", "Antonín Dvořák",
      "Γιώργος Παπαδόπουλος", "Анна Сергеевна Иванова");
  static final String CHINESE = "张伟";

  /** The small sample report with its panel renamed: one member per script, and one in Chinese. */
  static EvaluationReportData withInternationalNames() {
    EvaluationReportData data = SampleReports.small();
    List<PanelMember> panel = new ArrayList<>();
    List<String> names = new ArrayList<>(NAMES);
    names.add(CHINESE + " (Zhang Wei)");
    for (int i = 0; i < names.size(); i++) {
      PanelMember template = data.panel().get(i % data.panel().size());
      panel.add(new PanelMember("member" + i, names.get(i), i == 0 ? "CHAIR" : "REVIEWER",
          Instant.parse("2026-03-01T13:00:00Z"), "COI-NDA v2.1", null, List.of()));
    }
    return new EvaluationReportData(data.rfiId(), "Đánh giá — " + data.title(), data.description(),
        data.issuingAgency(), data.topics(), data.closesAt(), data.generatedAt(), data.status(), data.scale(),
        data.criteria(), panel, data.screening(), data.responses(), data.individualScores(), data.approvals(),
        data.proprietaryStatement(), data.themes(), data.recommendations());
  }

  @Test
  void namesInLatinGreekAndCyrillicAreShownAsWrittenAndAChineseNameIsListedAndLogged() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(EvaluationReportPdf.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    byte[] pdf;
    try {
      pdf = EvaluationReportPdf.render(withInternationalNames());
    } finally {
      logger.detachAppender(appender);
    }
    Files.createDirectories(Path.of("target/reports"));
    Files.write(Path.of("target/reports/international-names-report.pdf"), pdf);
    try (PdfText text = new PdfText(pdf)) {
      String panel = spaced(text.section("2  Evaluation panel"));
      for (String name : NAMES) {
        assertThat(panel).as("the panel shows %s as written", name).contains(name);
      }
      assertThat(panel).contains("\uFFFD\uFFFD (Zhang Wei)").doesNotContain("?");
      assertThat(spaced(text.page(1))).contains("Đánh giá", spaced(EvaluationReportPdf.MISSING_CHARACTERS));
      String missing = spaced(text.section(EvaluationReportPdf.MISSING_CHARACTERS));
      assertThat(missing).contains("U+5F20 CJK UNIFIED IDEOGRAPHS 5F20", "U+4F1F CJK UNIFIED IDEOGRAPHS 4F1F",
          "\uFFFD\uFFFD (Zhang Wei)");
      for (String name : NAMES) {
        assertThat(missing).doesNotContain(name);
      }
    }
    assertThat(appender.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
        .contains("RFI-2026-0042", "U+4F1F CJK UNIFIED IDEOGRAPHS 4F1F", "U+5F20 CJK UNIFIED IDEOGRAPHS 5F20"));
  }

  @Test
  void theReportPassesEveryPdfUa1Rule() {
    byte[] pdf = EvaluationReportPdf.render(withInternationalNames());
    assertThat(PdfConformance.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
  }

  @Test
  void theReportPassesEveryPdfA2aRule() {
    byte[] pdf = EvaluationReportPdf.render(withInternationalNames());
    assertThat(PdfConformance.failedRules(pdf, PDFAFlavour.PDFA_2_A)).isEmpty();
  }

  @Test
  void theValidatorFindsFailuresInAnUntaggedPdf() throws Exception {
    try (org.apache.pdfbox.pdmodel.PDDocument plain = new org.apache.pdfbox.pdmodel.PDDocument()) {
      plain.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      plain.save(out);
      assertThat(PdfConformance.failedRules(out.toByteArray(), PDFAFlavour.PDFUA_1)).isNotEmpty();
      assertThat(PdfConformance.failedRules(out.toByteArray(), PDFAFlavour.PDFA_2_A)).isNotEmpty();
    }
  }

  @Test
  void aReportWithNothingRecordedConformsToo() {
    EvaluationReportData empty = new EvaluationReportData(null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
    byte[] pdf = EvaluationReportPdf.render(empty);
    assertThat(PdfConformance.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    assertThat(PdfConformance.failedRules(pdf, PDFAFlavour.PDFA_2_A)).isEmpty();
  }
}
