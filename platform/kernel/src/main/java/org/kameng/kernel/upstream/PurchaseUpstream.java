package org.kameng.kernel.upstream;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.job.JobHandler;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.OrderTransitions;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.upstream.UpstreamPurchases.Purchase;
import org.kameng.kernel.upstream.UpstreamPurchases.Status;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.supplier.UpstreamOrder;
import org.kameng.plugin.api.supplier.UpstreamResult;

/**
 * The upstream purchase job of one order line. Never buys twice: before asking the connector to
 * place an order it commits a PLACED mark on its own, and whenever that mark is there (or the job
 * is a retry) it queries the upstream first and places again only when the upstream positively has
 * no order for the line. A delivered result becomes the buyer's card keys, sealed like the shop's
 * own, and the upstream cost is booked against the sale; pending, accepted, retryable and unknown
 * outcomes are followed up with backoff; a final failure (or no final answer after {@link
 * #MAX_POLLS} follow-ups) makes the order PAID_UNDELIVERABLE with a refund task and an audited
 * alert.
 */
public final class PurchaseUpstream implements JobHandler {

  /** Follow-ups after which a purchase with no final answer is given up. */
  public static final int MAX_POLLS = 40;

  /**
   * The audit action of a failed purchase: the shop's alert. A notifier can subscribe to it (or to
   * the event raised beside it once order events exist) to tell the shop's staff at once.
   */
  public static final String FAILED_ACTION = "upstream.purchase-failed";

  // KernelJobs.REFUND_REVIEW, spelt out: the fulfilment package depends on this one, not back.
  private static final String REFUND_REVIEW = "payment.refund-review";

  private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

  private final Transactions transactions;
  private final DataKeys dataKeys;
  private final UpstreamSupplier supplier;
  private final Clock clock;
  private final Duration firstWait;

  /**
   * @param firstWait the wait before the first follow-up; it doubles with each, up to 15 minutes
   */
  public PurchaseUpstream(
      Transactions transactions,
      DataKeys dataKeys,
      UpstreamSupplier supplier,
      Clock clock,
      Duration firstWait) {
    this.transactions = transactions;
    this.dataKeys = dataKeys;
    this.supplier = supplier;
    this.clock = clock;
    this.firstWait = firstWait;
  }

  @Override
  public void handle(Connection c, Job job) throws SQLException {
    UUID orderId = UpstreamPurchases.orderId(job.payload());
    int line = UpstreamPurchases.line(job.payload());
    Optional<Purchase> found = UpstreamPurchases.find(c, orderId, line);
    if (found.isEmpty()
        || found.get().status() == Status.DELIVERED
        || found.get().status() == Status.FAILED) {
      return;
    }
    Purchase purchase = found.get();
    if (purchase.supplierConfigId() == null) {
      fail(c, job.tenant(), purchase, "the SKU is not linked to an upstream item");
      return;
    }
    UpstreamResult result;
    try {
      result = ask(job, purchase);
    } catch (IOException e) {
      result = new UpstreamResult.RetryableFailure("outcome unknown: " + e.getMessage());
    }
    apply(c, job.tenant(), purchase, result);
  }

  private UpstreamResult ask(Job job, Purchase p) throws IOException {
    if (p.status() == Status.PLACED || job.attempts() > 1) {
      Optional<UpstreamResult> known =
          supplier.query(job.tenant(), p.supplierConfigId(), p.orderLineId(), p.upstreamOrderId());
      if (known.isPresent()) {
        return known.get();
      }
    }
    transactions.inTenant(
        job.tenant(),
        mark -> {
          UpstreamPurchases.markPlaced(mark, p.orderId(), p.line());
          return null;
        });
    return supplier.place(
        job.tenant(),
        p.supplierConfigId(),
        new UpstreamOrder(
            p.orderLineId(),
            p.upstreamItemId(),
            p.quantity(),
            p.maxUnitPrice(),
            p.buyerInputs(),
            supplier.callbackUrl(job.tenant(), p.supplierConfigId(), p.orderLineId())));
  }

  private void apply(Connection c, TenantId tenant, Purchase p, UpstreamResult result)
      throws SQLException {
    if (result instanceof UpstreamResult.Delivered delivered) {
      deliver(c, tenant, p, delivered);
    } else if (result instanceof UpstreamResult.FinalFailure failure) {
      fail(c, tenant, p, failure.reason());
    } else if (result instanceof UpstreamResult.Accepted accepted) {
      followUp(c, tenant, p, accepted.upstreamOrderId(), "accepted upstream");
    } else if (result instanceof UpstreamResult.RetryableFailure retry) {
      followUp(c, tenant, p, null, retry.reason());
    } else {
      followUp(c, tenant, p, null, "pending upstream");
    }
  }

  private void followUp(
      Connection c, TenantId tenant, Purchase p, String upstreamOrderId, String reason)
      throws SQLException {
    if (p.polls() + 1 >= MAX_POLLS) {
      fail(c, tenant, p, "no final answer after " + MAX_POLLS + " attempts: " + reason);
      return;
    }
    UpstreamPurchases.recordOutcome(
        c, p.orderId(), p.line(), Status.PLACED, upstreamOrderId, reason);
    UpstreamPurchases.enqueue(
        c, tenant, p.orderId(), p.line(), p.polls() + 1, clock.instant().plus(wait(p.polls())));
  }

  /** The wait before follow-up number {@code polls + 1}: doubling, at most 15 minutes. */
  Duration wait(int polls) {
    Duration wait = firstWait.multipliedBy(1L << Math.min(polls, 20));
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  private void deliver(
      Connection c, TenantId tenant, Purchase p, UpstreamResult.Delivered delivered)
      throws SQLException {
    lockOrder(c, p.orderId());
    int units =
        delivered.cardKeys().isEmpty()
            ? p.quantity()
            : storeKeys(c, dataKeys.forTenant(c, tenant), tenant, p, delivered);
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.order_line SET delivered_quantity = least(quantity, ?)"
                + " WHERE order_id = ? AND line_number = ?")) {
      update.setInt(1, units);
      update.setObject(2, p.orderId());
      update.setInt(3, p.line());
      update.executeUpdate();
    }
    UpstreamPurchases.recordOutcome(
        c,
        p.orderId(),
        p.line(),
        Status.DELIVERED,
        delivered.upstreamOrderId(),
        "delivered " + units + " of " + p.quantity());
    // The upstream charged the whole order, whatever it handed over.
    Money cost =
        Money.of(
            Math.multiplyExact(p.maxUnitPrice().minorUnits(), p.quantity()),
            p.maxUnitPrice().currency());
    Ledger.postUpstreamCost(c, tenant, p.orderId(), cost);
    if (units < p.quantity()) {
      OrderTransitions.move(
          c, tenant, p.orderId(), OrderStatus.PARTIALLY_DELIVERED, OrderStatus.DELIVERING);
      refundReview(c, tenant, p, "the upstream delivered " + units + " of " + p.quantity());
    } else if (undeliveredLines(c, p.orderId()) == 0) {
      OrderTransitions.move(c, tenant, p.orderId(), OrderStatus.DELIVERED, OrderStatus.DELIVERING);
    }
  }

  // Lines of one order are bought by separate jobs: the order's row lock makes the last one to
  // finish see every other line delivered, so the order is completed exactly once.
  private static void lockOrder(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement("SELECT 1 FROM kameng.customer_order WHERE id = ? FOR UPDATE")) {
      lock.setObject(1, orderId);
      lock.executeQuery().close();
    }
  }

  private static long undeliveredLines(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement count =
        c.prepareStatement(
            "SELECT count(*) FROM kameng.order_line"
                + " WHERE order_id = ? AND delivered_quantity < quantity")) {
      count.setObject(1, orderId);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  // The keys become SOLD card keys of the local SKU, linked to the order like keys from stock, so
  // the buyer's order page, the reveal audit and exports treat them alike.
  private static int storeKeys(
      Connection c,
      TenantCipher cipher,
      TenantId tenant,
      Purchase p,
      UpstreamResult.Delivered delivered)
      throws SQLException {
    int stored = 0;
    List<String> keys = delivered.cardKeys();
    try (PreparedStatement insert =
        c.prepareStatement(
            "WITH k AS (INSERT INTO kameng.card_key (tenant_id, sku_id, fingerprint, secret,"
                + " key_version, note, status, order_id, sold_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'SOLD', ?, now()) ON CONFLICT DO NOTHING"
                + " RETURNING id)"
                + " INSERT INTO kameng.order_key (tenant_id, order_id, line_number, card_key_id)"
                + " SELECT ?, ?, ?, id FROM k")) {
      for (String key : keys.subList(0, Math.min(keys.size(), p.quantity()))) {
        String normal = key.strip();
        insert.setObject(1, tenant.value());
        insert.setObject(2, p.skuId());
        insert.setBytes(3, cipher.fingerprint(normal));
        insert.setBytes(4, cipher.seal(normal));
        insert.setInt(5, cipher.version());
        insert.setString(6, clip("upstream order " + delivered.upstreamOrderId()));
        insert.setObject(7, p.orderId());
        insert.setObject(8, tenant.value());
        insert.setObject(9, p.orderId());
        insert.setInt(10, p.line());
        stored += insert.executeUpdate();
      }
    }
    return stored;
  }

  private static void fail(Connection c, TenantId tenant, Purchase p, String reason)
      throws SQLException {
    UpstreamPurchases.recordOutcome(c, p.orderId(), p.line(), Status.FAILED, null, reason);
    OrderTransitions.move(
        c,
        tenant,
        p.orderId(),
        OrderStatus.PAID_UNDELIVERABLE,
        OrderStatus.DELIVERING,
        OrderStatus.PAID);
    refundReview(c, tenant, p, "upstream purchase failed: " + reason);
    AuditLog.record(
        c,
        tenant,
        AuditLog.SYSTEM,
        FAILED_ACTION,
        "order:" + p.orderId(),
        new FlatJson().put("line", p.line()).put("reason", clip(reason)).toString());
  }

  private static void refundReview(Connection c, TenantId tenant, Purchase p, String reason)
      throws SQLException {
    Jobs.enqueue(
        c,
        tenant,
        REFUND_REVIEW,
        new FlatJson()
            .put("orderId", p.orderId().toString())
            .put("line", p.line())
            .put("reason", clip(reason))
            .toString(),
        "upstream:" + p.orderId() + ":" + p.line(),
        Instant.EPOCH);
  }

  private static String clip(String text) {
    return text.length() > 400 ? text.substring(0, 400) : text;
  }
}
