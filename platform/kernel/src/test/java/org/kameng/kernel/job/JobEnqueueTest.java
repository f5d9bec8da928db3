package org.kameng.kernel.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** A job exists exactly when the change that caused it commits, and at most once per dedupe key. */
class JobEnqueueTest {

  private static final String KIND = "test.enqueue";

  private final TestDatabase db = TestDatabase.get();
  private final JobRows rows = new JobRows(db);

  @Test
  void theSameDedupeKeyMakesOneJobUntilThatJobIsDone() {
    TenantId shop = db.newTenant();
    AtomicBoolean absorbedWhileRunning = new AtomicBoolean();
    JobHandler enqueuesItsOwnKeyAgain =
        (c, job) -> {
          if (job.tenant().equals(shop) && job.payload().contains("order-1")) {
            absorbedWhileRunning.set(!Jobs.enqueue(c, shop, KIND, "{}", "order-1", Instant.now()));
          }
        };
    JobRunner runner =
        new JobRunner(db.transactions(), JobHandlers.of(Map.of(KIND, enqueuesItsOwnKeyAgain)));

    assertTrue(enqueue(shop, "order-1"), "the first enqueue writes a job");
    assertFalse(enqueue(shop, "order-1"), "a waiting job absorbs the second");
    assertTrue(enqueue(shop, "order-2"), "another key is another job");
    assertEquals(2, rows.ids(shop, JobStatus.READY).size());

    JobRows.runUntil(runner, () -> rows.ids(shop, JobStatus.DONE).size() == 2);
    assertTrue(absorbedWhileRunning.get(), "a running job absorbs an enqueue too");

    assertTrue(enqueue(shop, "order-1"), "once done, the key is free again");
    JobRows.runUntil(runner, () -> rows.ids(shop, JobStatus.DONE).size() == 3);
  }

  @Test
  void aJobEnqueuedInATransactionThatRollsBackDoesNotExist() {
    TenantId shop = db.newTenant();

    assertThrows(
        IllegalStateException.class,
        () ->
            db.transactions()
                .inTenant(
                    shop,
                    c -> {
                      Jobs.enqueue(c, shop, KIND, "{}", null, Instant.now());
                      throw new IllegalStateException("the order failed after enqueueing");
                    }));

    for (JobStatus status : JobStatus.values()) {
      assertEquals(List.of(), rows.ids(shop, status));
    }
  }

  @Test
  void aJobIsNotRunBeforeItsTime() {
    TenantId shop = db.newTenant();
    db.transactions()
        .inTenant(
            shop,
            c -> Jobs.enqueue(c, shop, KIND, "{}", null, Instant.now().plus(Duration.ofHours(1))));
    JobRunner runner =
        new JobRunner(db.transactions(), JobHandlers.of(Map.of(KIND, JobRows::recordEffect)));

    runner.runDue(100);

    List<Long> waiting = rows.ids(shop, JobStatus.READY);
    assertEquals(1, waiting.size());
    assertEquals(0, rows.row(waiting.get(0)).attempts());
    rows.deleteJobs(shop);
  }

  private boolean enqueue(TenantId shop, String dedupeKey) {
    return db.transactions()
        .inTenant(
            shop,
            c ->
                Jobs.enqueue(
                    c, shop, KIND, "{\"order\": \"" + dedupeKey + "\"}", dedupeKey, Instant.now()));
  }
}
