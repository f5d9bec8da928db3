package org.kameng.server.jobs;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.docking.ResellerCallbacks;
import org.kameng.kernel.domain.ShopDomains;
import org.kameng.kernel.fulfilment.KernelJobs;
import org.kameng.kernel.job.JobQueue;
import org.kameng.kernel.job.JobRunner;
import org.kameng.kernel.notification.Notifications;
import org.kameng.kernel.order.LowStockAlert;
import org.kameng.kernel.order.OrderEvents;
import org.kameng.kernel.order.StartPayment;
import org.kameng.kernel.payment.ProviderRefunds;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.upstream.PurchaseUpstream;
import org.kameng.kernel.upstream.UpstreamPurchases;
import org.kameng.server.domains.DomainRechecks;
import org.kameng.server.marketing.OrderEventJobs;
import org.kameng.server.notify.NotificationJobs;
import org.kameng.server.payments.PaymentReconciler;
import org.kameng.server.payments.ProviderRefundJob;
import org.kameng.server.plugins.SupplierConnectors;
import org.kameng.server.reseller.ResellerCallbackSender;
import org.kameng.server.schema.SchemaMigration;

/**
 * Runs due jobs every quarter second once the schema is current. Every server instance does this;
 * the queue's SKIP LOCKED claims keep them from running a job twice, and a job an instance claimed
 * before dying runs again elsewhere when its lease ends.
 */
@ApplicationScoped
public class JobScheduler {

  private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());
  private static final int BATCH = 20;

  @Resource(lookup = "concurrent/kameng-jobs")
  ManagedScheduledExecutorService executor;

  @Inject Transactions transactions;
  @Inject PaymentReconciler reconciler;
  @Inject DomainRechecks domainRechecks;
  @Inject ResellerCallbackSender callbacks;
  @Inject NotificationJobs notifications;
  @Inject OrderEventJobs orderEvents;
  @Inject ProviderRefundJob providerRefunds;
  @Inject SupplierConnectors suppliers;
  @Inject DataKeys dataKeys;

  // The first follow-up of an upstream purchase that is not final yet; it doubles each time.
  private static final Duration FIRST_UPSTREAM_FOLLOW_UP = Duration.ofSeconds(3);

  // Finished jobs are kept a week for the admin's view, then deleted a batch at a time.
  private static final Duration KEEP_DONE_JOBS = Duration.ofDays(7);

  private volatile ScheduledFuture<?> polling;
  private volatile ScheduledFuture<?> purging;

  void start(@Observes SchemaMigration.SchemaReady ready) {
    JobRunner runner =
        new JobRunner(
            transactions,
            KernelJobs.handlers()
                .with(StartPayment.RECONCILE_JOB, reconciler.jobHandler())
                .with(ShopDomains.RECHECK_JOB, domainRechecks.jobHandler())
                .with(ResellerCallbacks.JOB, callbacks.jobHandler())
                .with(Notifications.JOB, notifications.fanOut())
                .with(Notifications.DELIVER_JOB, notifications.deliver())
                .with(OrderEvents.JOB, orderEvents.fanOut())
                .with(OrderEvents.DELIVER_JOB, orderEvents.deliver())
                .with(ProviderRefunds.JOB, providerRefunds.handler())
                .with(LowStockAlert.JOB, notifications.lowStockAlert())
                .with(
                    UpstreamPurchases.JOB,
                    new PurchaseUpstream(
                        transactions,
                        dataKeys,
                        suppliers,
                        Clock.systemUTC(),
                        FIRST_UPSTREAM_FOLLOW_UP)));
    polling =
        executor.scheduleWithFixedDelay(() -> drain(runner), 1_000, 250, TimeUnit.MILLISECONDS);
    JobQueue queue = new JobQueue(transactions);
    purging = executor.scheduleWithFixedDelay(() -> purge(queue), 5, 60, TimeUnit.MINUTES);
  }

  private static void purge(JobQueue queue) {
    try {
      queue.purgeDone(KEEP_DONE_JOBS, 10_000);
    } catch (Throwable e) {
      LOG.log(Level.WARNING, "purging finished jobs failed", e);
    }
  }

  private static void drain(JobRunner runner) {
    try {
      // Keep going while full batches come back; a partial batch means the queue is drained.
      while (runner.runDue(BATCH) == BATCH) {
        Thread.onSpinWait();
      }
    } catch (Throwable e) {
      // Anything escaping here would silently cancel the fixed-delay schedule: log, and let the
      // next tick try again.
      LOG.log(Level.WARNING, "job polling failed", e);
    }
  }

  @PreDestroy
  void stop() {
    for (ScheduledFuture<?> task : new ScheduledFuture<?>[] {polling, purging}) {
      if (task != null) {
        task.cancel(false);
      }
    }
  }
}
