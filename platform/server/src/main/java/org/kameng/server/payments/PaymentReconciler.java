package org.kameng.server.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.job.JobHandler;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.order.StartPayment;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.payment.PendingPayments;
import org.kameng.kernel.payment.PendingPayments.Pending;
import org.kameng.kernel.payment.RecordPaymentNotice;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.payment.PaymentLookup;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentStatus;
import org.kameng.server.plugins.PaymentChannels;
import org.kameng.server.plugins.PaymentChannels.OpenChannel;
import org.kameng.server.plugins.PluginCalls;

/**
 * Asks a channel about payments still pending and records what it says through the same kernel path
 * as a notify: a payment whose notify was lost is still seen, and one seen twice pays once. Runs as
 * a job after a payment starts, again with growing pauses while the provider says pending, and when
 * a buyer asks for their order's status.
 */
@ApplicationScoped
public class PaymentReconciler {

  private static final Logger LOG = Logger.getLogger(PaymentReconciler.class.getName());
  private static final Duration QUERY_LIMIT = Duration.ofSeconds(10);
  private static final Pattern PAYMENT_ID =
      Pattern.compile("\"paymentId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern ATTEMPT = Pattern.compile("\"attempt\"\\s*:\\s*(\\d+)");

  /** Pauses before the second, third … query; after the last the payment is left to staff. */
  static final List<Duration> LATER_QUERIES =
      List.of(
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4),
          Duration.ofHours(8));

  @Inject Transactions transactions;
  @Inject PaymentChannels channels;
  @Inject PluginCalls calls;

  /** What a query found. */
  public enum Finding {
    /** The provider's answer was recorded (paid, failed, or already known). */
    SETTLED,
    /** The provider says pending or does not know it (yet). */
    STILL_PENDING,
    /** The channel cannot be asked about payments: querying again is pointless. */
    UNANSWERABLE,
    /** Nothing to ask: the payment is not a pending plugin payment. */
    NOTHING_PENDING
  }

  /**
   * Queries every pending plugin payment of an order; for the buyer's "I have paid" button. The
   * provider is asked outside any transaction, so a slow provider holds no database connection.
   */
  public void reconcileOrder(TenantId tenant, UUID orderId) {
    List<Pending> pending = transactions.inTenant(tenant, c -> PendingPayments.ofOrder(c, orderId));
    pending.forEach(payment -> askAndRecord(tenant, payment));
  }

  /**
   * Queries one payment if it is a pending plugin payment; for a reseller polling its top-up. Like
   * {@link #reconcileOrder}, the provider is asked outside any transaction.
   */
  public void reconcilePayment(TenantId tenant, UUID paymentId) {
    transactions
        .inTenant(tenant, c -> PendingPayments.find(c, paymentId))
        .ifPresent(payment -> askAndRecord(tenant, payment));
  }

  private void askAndRecord(TenantId tenant, Pending payment) {
    Answer answer = ask(tenant, payment);
    if (answer.outcome() != null) {
      transactions.inTenant(tenant, c -> record(c, tenant, payment, answer.outcome()));
    }
  }

  /** The job handler of {@link StartPayment#RECONCILE_JOB}. */
  public JobHandler jobHandler() {
    return (c, job) -> {
      UUID paymentId = UUID.fromString(match(PAYMENT_ID, job));
      int attempt = attempt(job);
      Finding finding = reconcile(c, job.tenant(), paymentId);
      if (finding == Finding.STILL_PENDING) {
        scheduleNext(c, job.tenant(), paymentId, attempt);
      }
    };
  }

  /** Asks the channel once and records a final answer, in the caller's tenant transaction. */
  Finding reconcile(Connection c, TenantId tenant, UUID paymentId) throws SQLException {
    Optional<Pending> pending = PendingPayments.find(c, paymentId);
    if (pending.isEmpty()) {
      return Finding.NOTHING_PENDING;
    }
    Answer answer = ask(tenant, pending.get());
    if (answer.outcome() != null) {
      record(c, tenant, pending.get(), answer.outcome());
    }
    return answer.finding();
  }

  /** What the channel said: a final outcome to record, or why there is none. */
  private record Answer(Finding finding, PaymentOutcome outcome) {}

  private Answer ask(TenantId tenant, Pending pending) {
    Optional<OpenChannel> open = channels.open(tenant, pending.channelConfigId());
    if (open.isEmpty() || open.get().channel() == null) {
      return new Answer(Finding.NOTHING_PENDING, null);
    }
    OpenChannel channel = open.get();
    UUID paymentId = pending.paymentId();
    PaymentLookup lookup =
        calls.call(
            channel.pluginId(),
            channel.circuit(),
            channel.pluginId() + " status query",
            QUERY_LIMIT,
            () -> channel.channel().query(paymentId.toString()));
    if (lookup instanceof PaymentLookup.Unsupported) {
      return new Answer(Finding.UNANSWERABLE, null);
    }
    if (!(lookup instanceof PaymentLookup.Found found)
        || found.outcome().status() == PaymentStatus.PENDING) {
      return new Answer(Finding.STILL_PENDING, null);
    }
    return new Answer(Finding.SETTLED, found.outcome());
  }

  private static Object record(
      Connection c, TenantId tenant, Pending pending, PaymentOutcome outcome) throws SQLException {
    UUID paymentId = pending.paymentId();
    NoticeResult result =
        RecordPaymentNotice.recordIn(
            c, tenant, pending.channelConfigId(), paymentId, Outcomes.notice(outcome));
    if (result.kind() == NoticeResult.Kind.REJECTED) {
      // The provider answered for another payment or amount: staff must look, not a retry loop.
      LOG.warning(() -> "Status query of payment " + paymentId + " rejected: " + result.reason());
      AuditLog.record(
          c,
          tenant,
          AuditLog.SYSTEM,
          "payment.query-rejected",
          "payment:" + paymentId,
          new FlatJson().put("reason", result.reason()).toString());
    }
    return null;
  }

  private static void scheduleNext(Connection c, TenantId tenant, UUID paymentId, int attempt)
      throws SQLException {
    if (attempt >= LATER_QUERIES.size()) {
      AuditLog.record(
          c,
          tenant,
          AuditLog.SYSTEM,
          "payment.still-pending",
          "payment:" + paymentId,
          new FlatJson().put("queries", attempt + 1).toString());
      return;
    }
    Jobs.enqueue(
        c,
        tenant,
        StartPayment.RECONCILE_JOB,
        new FlatJson()
            .put("paymentId", paymentId.toString())
            .put("attempt", attempt + 1)
            .toString(),
        paymentId + ":" + (attempt + 1),
        Instant.now().plus(LATER_QUERIES.get(attempt)));
  }

  private static String match(Pattern pattern, Job job) {
    Matcher m = pattern.matcher(job.payload());
    if (!m.find()) {
      throw new IllegalArgumentException("job " + job.id() + " has no paymentId");
    }
    return m.group(1);
  }

  private static int attempt(Job job) {
    Matcher m = ATTEMPT.matcher(job.payload());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
