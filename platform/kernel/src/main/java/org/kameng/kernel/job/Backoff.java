package org.kameng.kernel.job;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a failed job waits before its next attempt: {@code base · 2^(attempts-1)}, at most
 * {@code cap}, of which a random half is taken off ("equal jitter"), so jobs that failed together
 * (an upstream outage) do not all come back in the same second, yet none comes back sooner than
 * half its step.
 *
 * @param base the step after the first failed attempt
 * @param cap the longest wait
 */
public record Backoff(Duration base, Duration cap) {

  /** Two seconds after the first failure, doubling up to an hour. */
  public static final Backoff STANDARD = new Backoff(Duration.ofSeconds(2), Duration.ofHours(1));

  /** Refuses missing bounds, a base under a millisecond and a cap under the base. */
  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.toMillis() < 1 || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 1 ms <= base <= cap, got " + base + ", " + cap);
    }
  }

  /** The full step after {@code attempts} failed attempts, before jitter. */
  public Duration step(int attempts) {
    // Past 2^40 the step is far beyond any sensible cap; stopping there avoids overflow.
    int doublings = Math.min(Math.max(attempts, 1) - 1, 40);
    long capMillis = cap.toMillis();
    long stepMillis = base.toMillis() << doublings;
    if (stepMillis <= 0 || stepMillis > capMillis || (stepMillis >> doublings) != base.toMillis()) {
      return cap;
    }
    return Duration.ofMillis(stepMillis);
  }

  /** The wait after {@code attempts} failed attempts: between half the step and the full step. */
  public Duration delayAfter(int attempts, RandomGenerator random) {
    long stepMillis = step(attempts).toMillis();
    long half = stepMillis / 2;
    return Duration.ofMillis(half + random.nextLong(stepMillis - half + 1));
  }
}
