package org.kameng.kernel.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff standard = Backoff.STANDARD;

  @Test
  void theStepDoublesFromTheBaseUpToTheCap() {
    assertEquals(Duration.ofSeconds(2), standard.step(1));
    assertEquals(Duration.ofSeconds(4), standard.step(2));
    assertEquals(Duration.ofSeconds(8), standard.step(3));
    assertEquals(Duration.ofSeconds(2048), standard.step(11));
    assertEquals(Duration.ofHours(1), standard.step(12));
    assertEquals(Duration.ofHours(1), standard.step(63));
    assertEquals(Duration.ofHours(1), standard.step(Integer.MAX_VALUE));
  }

  @Test
  void theDelayIsBetweenHalfTheStepAndTheWholeStep() {
    RandomGenerator random = new SplittableRandom(42);
    for (int attempts = 1; attempts <= 20; attempts++) {
      long step = standard.step(attempts).toMillis();
      for (int i = 0; i < 200; i++) {
        long delay = standard.delayAfter(attempts, random).toMillis();
        assertTrue(delay >= step / 2 && delay <= step, delay + " ms for step " + step);
      }
    }
  }

  @Test
  void theJitterSpreadsJobsThatFailedTogether() {
    RandomGenerator random = new SplittableRandom(7);
    long distinct =
        java.util.stream.IntStream.range(0, 100)
            .mapToLong(i -> standard.delayAfter(5, random).toMillis())
            .distinct()
            .count();
    assertTrue(distinct > 50, distinct + " distinct delays of 100");
  }

  @Test
  void refusesABaseUnderAMillisecondOrACapUnderTheBase() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
