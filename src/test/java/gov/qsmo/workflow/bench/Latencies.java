package gov.qsmo.workflow.bench;

import java.util.Arrays;

/** Latencies of one measured run, in nanoseconds, with nearest-rank percentiles in milliseconds. */
final class Latencies {

  private long[] nanos = new long[1024];
  private int size;

  synchronized void add(long value) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = value;
  }

  synchronized int count() {
    return size;
  }

  /** The p-th percentile (0-100) in milliseconds, nearest rank; 0 without samples. */
  synchronized double percentileMs(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
  }

  synchronized double maxMs() {
    return size == 0 ? 0 : Arrays.stream(nanos, 0, size).max().orElse(0) / 1_000_000.0;
  }
}
