package org.kameng.server.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The storefront's short-lived answers: their age bound, forgetting, and their size bound. */
class RecentlyReadTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger reads = new AtomicInteger();
  private final RecentlyRead<String, String> recent =
      new RecentlyRead<>(Duration.ofSeconds(5), 3, now::get);

  private String read(String key) {
    return key + "#" + reads.incrementAndGet();
  }

  @Test
  void anAnswerIsUsedUntilItIsFiveSecondsOldThenReadAgain() {
    assertEquals("a#1", recent.get("a", this::read));
    now.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertEquals("a#1", recent.get("a", this::read));
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertEquals("a#2", recent.get("a", this::read), "an answer 5 s old was used");
    assertEquals(2, reads.get());
  }

  @Test
  void anAnswersAgeCountsFromBeforeItWasRead() {
    RecentlyRead<String, String> slow = new RecentlyRead<>(Duration.ofSeconds(5), 3, now::get);
    // The read itself takes 3 s: the answer may be used for the 2 s left, not 5 more.
    slow.get(
        "a",
        k -> {
          now.addAndGet(Duration.ofSeconds(3).toNanos());
          return read(k);
        });
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertEquals("a#2", slow.get("a", this::read));
  }

  @Test
  void forgottenAnswersAreReadAgainAtOnce() {
    recent.get("a", this::read);
    recent.get("b", this::read);
    recent.forget(v -> v.startsWith("a"));
    assertEquals("a#3", recent.get("a", this::read));
    assertEquals("b#2", recent.get("b", this::read));
  }

  @Test
  void anAnswerReadWhileSomethingWasForgottenIsUsedOnceNotKept() {
    // The read started before a change committed and its forget ran: it may hold the old answer.
    String during =
        recent.get(
            "a",
            k -> {
              String old = read(k);
              recent.forget(v -> true);
              return old;
            });
    assertEquals("a#1", during);
    assertEquals("a#2", recent.get("a", this::read), "an answer older than a forget was kept");
    assertEquals("a#2", recent.get("a", this::read));
  }

  @Test
  void answersNotWorthKeepingAreReadEveryTime() {
    recent.get("unknown", this::read, v -> false);
    assertEquals("unknown#2", recent.get("unknown", this::read, v -> false));
    assertEquals(0, recent.size());
  }

  @Test
  void aFloodOfKeysNeverHoldsMoreThanTheCapacity() {
    for (int i = 0; i < 100; i++) {
      recent.get("host-" + i, this::read);
      assertTrue(recent.size() <= 3, "holds " + recent.size());
    }
  }

  @Test
  void aMaximumAgeOfZeroReadsEveryTime() {
    RecentlyRead<String, String> never = new RecentlyRead<>(Duration.ZERO, 3, now::get);
    never.get("a", this::read);
    assertEquals("a#2", never.get("a", this::read));
    assertEquals(0, never.size());
  }
}
