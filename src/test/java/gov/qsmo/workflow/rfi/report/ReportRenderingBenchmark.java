package gov.qsmo.workflow.rfi.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Times the report renderers on a synthetic evaluation (default 200 responses x 7 reviewers x 6
 * criteria = 8,400 scores): a few warm-up rounds, then wall-clock and CPU time of the rendering
 * thread per round (CPU time is steadier on a busy machine). Not a test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:<test classpath>
 * gov.qsmo.workflow.rfi.report.ReportRenderingBenchmark [responses reviewers criteria rounds warm-up]}.
 */
public final class ReportRenderingBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ReportRenderingBenchmark() {
  }

  public static void main(String[] args) {
    int responses = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int reviewers = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int criteria = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    EvaluationReportData data = SampleReports.large(responses, reviewers, criteria);
    System.out.printf("%d responses x %d reviewers x %d criteria = %,d scores; %d cores, Java %s, "
        + "%d warm-up rounds%n", responses, reviewers, criteria, data.individualScores().size(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), warmUp);
    long[][] pdf = new long[2][rounds];
    long[][] csv = new long[2][rounds];
    int pdfBytes = 0;
    int csvBytes = 0;
    int pages = 0;
    int parts = 0;
    long largestPartBytes = 0;
    for (int i = -warmUp; i < rounds; i++) {
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      byte[] document = EvaluationReportPdf.render(data);
      // Appendix A in parts (ADR 0036), one document at a time, as the report's generation renders them.
      int partCount = EvaluationReportPdf.appendixParts(data).size();
      long largestPart = 0;
      for (int part = 1; part <= partCount; part++) {
        largestPart = Math.max(largestPart, EvaluationReportPdf.renderAppendixPart(data, part).length);
      }
      long pdfWall = System.nanoTime() - wall;
      long pdfCpu = THREADS.getCurrentThreadCpuTime() - cpu;
      parts = partCount;
      largestPartBytes = largestPart;
      wall = System.nanoTime();
      cpu = THREADS.getCurrentThreadCpuTime();
      byte[] table = EvaluationReportCsv.render(data);
      long csvWall = System.nanoTime() - wall;
      long csvCpu = THREADS.getCurrentThreadCpuTime() - cpu;
      if (i >= 0) {
        pdf[0][i] = pdfWall;
        pdf[1][i] = pdfCpu;
        csv[0][i] = csvWall;
        csv[1][i] = csvCpu;
      }
      pdfBytes = document.length;
      csvBytes = table.length;
      pages = pageCount(document);
    }
    print("PDF", pdf, String.format("%,d bytes, %,d pages; Appendix A in %d part(s), the largest %,d bytes "
        + "(the time includes them)", pdfBytes, pages, parts, largestPartBytes));
    print("CSV", csv, String.format("%,d bytes", csvBytes));
  }

  private static int pageCount(byte[] pdf) {
    try (PdfText text = new PdfText(pdf)) {
      return text.pages();
    }
  }

  private static void print(String what, long[][] nanos, String size) {
    System.out.printf("%s: %d rounds; wall min %d / median %d / max %d ms; thread CPU min %d / median %d ms; %s%n",
        what, nanos[0].length, min(nanos[0]), median(nanos[0]), max(nanos[0]), min(nanos[1]), median(nanos[1]),
        size);
  }

  private static long min(long[] nanos) {
    return Arrays.stream(nanos).min().orElse(0) / 1_000_000;
  }

  private static long max(long[] nanos) {
    return Arrays.stream(nanos).max().orElse(0) / 1_000_000;
  }

  private static long median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1_000_000;
  }
}
