package gov.qsmo.workflow.rfi.report;

import java.util.Arrays;

/**
 * Times the report renderers on a synthetic evaluation (default 200 responses x 7 reviewers x 6
 * criteria = 8,400 scores). Not a test: run it by hand, for example
 * {@code java -cp target/classes:target/test-classes:<test classpath> gov.qsmo.workflow.rfi.report.ReportRenderingBenchmark [responses reviewers criteria rounds]}.
 */
public final class ReportRenderingBenchmark {

  private ReportRenderingBenchmark() {
  }

  public static void main(String[] args) {
    int responses = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int reviewers = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int criteria = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    EvaluationReportData data = SampleReports.large(responses, reviewers, criteria);
    System.out.printf("%d responses x %d reviewers x %d criteria = %d scores, %d cores, Java %s%n", responses,
        reviewers, criteria, data.individualScores().size(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    int warmUp = 3;
    long[] pdf = new long[rounds];
    long[] csv = new long[rounds];
    int pdfBytes = 0;
    int csvBytes = 0;
    for (int i = -warmUp; i < rounds; i++) {
      long start = System.nanoTime();
      byte[] document = EvaluationReportPdf.render(data);
      long middle = System.nanoTime();
      byte[] table = EvaluationReportCsv.render(data);
      long end = System.nanoTime();
      pdfBytes = document.length;
      csvBytes = table.length;
      if (i >= 0) {
        pdf[i] = middle - start;
        csv[i] = end - middle;
      } else {
        System.out.printf("warm-up %d: PDF %d ms, CSV %d ms%n", i + warmUp + 1, (middle - start) / 1_000_000,
            (end - middle) / 1_000_000);
      }
    }
    print("PDF", pdf, pdfBytes);
    print("CSV", csv, csvBytes);
  }

  private static void print(String what, long[] nanos, int bytes) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf("%s: %d rounds, min %d ms, median %d ms, max %d ms, %,d bytes%n", what, sorted.length,
        sorted[0] / 1_000_000, sorted[sorted.length / 2] / 1_000_000, sorted[sorted.length - 1] / 1_000_000, bytes);
  }
}
