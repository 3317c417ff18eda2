package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.report.EvaluationReportCsv;
import gov.qsmo.workflow.rfi.report.EvaluationReportData;
import gov.qsmo.workflow.rfi.report.EvaluationReportPdf;
import gov.qsmo.workflow.rfi.report.RfiReport;
import gov.qsmo.workflow.rfi.report.RfiReportRepository;
import gov.qsmo.workflow.rfi.report.RfiReportService;
import java.util.Arrays;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times the evaluation report of a real RFI in the running application, warm: reading its records,
 * rendering the PDF and the CSV, and the whole generation as the process runs it (read, render, store).
 */
public final class RfiReportTiming {

  /** Medians and maxima in milliseconds, with the sizes of the last rendering. */
  public record Timing(int scores, int rounds, double dataMedianMs, double pdfMedianMs, double pdfMaxMs,
      double csvMedianMs, double csvMaxMs, double generateMedianMs, double generateMaxMs, int pdfBytes,
      int csvBytes, double dataInWriteTransactionMedianMs, double versionLookupMedianMs) {
  }

  private RfiReportTiming() {
  }

  public static Timing time(ApplicationContext context, String rfiId, int warmUp, int rounds) {
    RfiReportService reports = context.getBean(RfiReportService.class);
    RfiReportRepository stored = context.getBean(RfiReportRepository.class);
    TransactionTemplate writing = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    long[] dataWriting = new long[rounds];
    long[] lookup = new long[rounds];
    long[] data = new long[rounds];
    long[] pdf = new long[rounds];
    long[] csv = new long[rounds];
    long[] generate = new long[rounds];
    int scores = 0;
    int pdfBytes = 0;
    int csvBytes = 0;
    for (int i = -warmUp; i < rounds; i++) {
      long began = System.nanoTime();
      EvaluationReportData records = reports.data(rfiId, false);
      long read = System.nanoTime();
      byte[] document = EvaluationReportPdf.render(records);
      long rendered = System.nanoTime();
      byte[] table = EvaluationReportCsv.render(records);
      long tabled = System.nanoTime();
      RfiReport report = reports.generate(rfiId, false, Caller.SYSTEM);
      long generated = System.nanoTime();
      // The parts of a generation: reading the records inside a writing transaction, as generate does,
      // and finding the last version number.
      long[] parts = writing.execute(status -> {
        long first = System.nanoTime();
        reports.data(rfiId, false);
        long second = System.nanoTime();
        stored.findFirstByRfiIdOrderByVersionDesc(rfiId);
        return new long[] {second - first, System.nanoTime() - second};
      });
      if (i >= 0) {
        dataWriting[i] = parts[0];
        lookup[i] = parts[1];
        data[i] = read - began;
        pdf[i] = rendered - read;
        csv[i] = tabled - rendered;
        generate[i] = generated - tabled;
      }
      scores = records.individualScores().size();
      pdfBytes = report.pdf.length;
      csvBytes = table.length;
      if (document.length == 0) {
        throw new IllegalStateException("Empty PDF");
      }
    }
    return new Timing(scores, rounds, median(data), median(pdf), max(pdf), median(csv), max(csv), median(generate),
        max(generate), pdfBytes, csvBytes, median(dataWriting), median(lookup));
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
  }

  private static double max(long[] nanos) {
    return Arrays.stream(nanos).max().orElse(0) / 1e6;
  }
}
