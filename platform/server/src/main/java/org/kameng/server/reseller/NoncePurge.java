package org.kameng.server.reseller;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kameng.kernel.docking.ResellerApiKeys;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.schema.SchemaMigration;

/**
 * Deletes reseller API nonces past their window every few minutes, on every instance (the delete is
 * idempotent, so instances racing each other do no harm), a batch at a time.
 */
@ApplicationScoped
public class NoncePurge {

  private static final Logger LOG = Logger.getLogger(NoncePurge.class.getName());
  private static final int BATCH = 10_000;

  @Resource(lookup = "concurrent/kameng-jobs")
  ManagedScheduledExecutorService executor;

  @Inject Transactions transactions;

  private volatile ScheduledFuture<?> purging;

  void start(@Observes SchemaMigration.SchemaReady ready) {
    purging = executor.scheduleWithFixedDelay(this::purge, 1, 5, TimeUnit.MINUTES);
  }

  private void purge() {
    try {
      while (transactions.platform(c -> ResellerApiKeys.purgeExpiredNonces(c, BATCH)) == BATCH) {
        Thread.onSpinWait();
      }
    } catch (Throwable e) {
      // Escaping would cancel the schedule: log, and let the next tick try again.
      LOG.log(Level.WARNING, "purging reseller API nonces failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (purging != null) {
      purging.cancel(false);
    }
  }
}
