package org.kameng.kernel.inventory;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Adds up where one import spends its time; sealing is timed on several threads at once. */
final class PhaseClock {

  private final long started = System.nanoTime();
  private final LongAdder reading = new LongAdder();
  private final LongAdder sealing = new LongAdder();
  private final LongAdder waiting = new LongAdder();
  private final LongAdder copy = new LongAdder();
  private final LongAdder insert = new LongAdder();
  private final LongAdder database = new LongAdder();

  void reading(long nanos) {
    reading.add(nanos);
  }

  void sealing(long nanos) {
    sealing.add(nanos);
  }

  void waitingForSealing(long nanos) {
    waiting.add(nanos);
  }

  void copy(long nanos) {
    copy.add(nanos);
  }

  void insert(long nanos) {
    insert.add(nanos);
  }

  /** A batch's whole transaction, copy and insert included. */
  void database(long nanos) {
    database.add(nanos);
  }

  ImportTimings timings() {
    long other = Math.max(0, database.sum() - copy.sum() - insert.sum());
    return new ImportTimings(
        Duration.ofNanos(System.nanoTime() - started),
        Duration.ofNanos(reading.sum()),
        Duration.ofNanos(sealing.sum()),
        Duration.ofNanos(waiting.sum()),
        Duration.ofNanos(copy.sum()),
        Duration.ofNanos(insert.sum()),
        Duration.ofNanos(other));
  }
}
