package org.kameng.kernel.bench;

import java.util.Arrays;

/** Collects per-operation latencies of one benchmark phase and summarises them. */
final class LatencyRecorder {

  private long[] nanos = new long[1 << 16];
  private int count;

  synchronized void record(long elapsedNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = elapsedNanos;
  }

  synchronized int count() {
    return count;
  }

  /** "n ops, x ops/s, p50 .. p95 .. p99 .. ms" over {@code seconds} of wall clock. */
  synchronized String summary(double seconds) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return String.format(
        "%,d ops in %.1f s = %,.0f ops/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
        count,
        seconds,
        count / seconds,
        percentile(sorted, 0.50),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99));
  }

  /** "n ops; p50 .. p95 .. p99 .. ms", for phases measured by count rather than time. */
  synchronized String percentiles() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return String.format(
        "%,d ops; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
        count, percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99));
  }

  synchronized double rate(double seconds) {
    return count / seconds;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }
}
