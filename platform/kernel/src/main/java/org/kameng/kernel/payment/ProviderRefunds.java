package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * Refunds through the payment provider: staff ask for one on an order flagged for refund, a durable
 * {@link #JOB} job calls the channel (in the server, which holds the plugins), and the outcome
 * comes back here. Paid back: {@link Refunds#markRefunded} (the ledger reversal). Refused: recorded
 * for staff, the order stays flagged, and staff refund by hand. Only the channel path: a
 * balance-paid order is refunded elsewhere.
 */
public final class ProviderRefunds {

  /** Job kind of one refund through the provider. */
  public static final String JOB = "payment.provider-refund";

  private ProviderRefunds() {}

  /**
   * What a refund through the provider pays back.
   *
   * @param orderId the order flagged for refund
   * @param paymentId its succeeded payment; also the refund's idempotency key
   * @param channelConfigId the shop's channel configuration the payment went through
   * @param amount what was paid
   * @param providerReference the provider's transaction id (or, for payments recorded before it was
   *     kept, the provider's event id of the success)
   * @param reason the staff's refund reason
   */
  public record Target(
      UUID orderId,
      UUID paymentId,
      UUID channelConfigId,
      Money amount,
      String providerReference,
      String reason) {}

  /**
   * The payment to pay back for a flagged order.
   *
   * @throws ProviderRefundRefusedException if the order is not flagged for refund or has no
   *     succeeded payment
   */
  public static Target target(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT o.status, o.refund_reason, p.id, p.channel_config_id, p.amount_minor,"
                + " p.currency, coalesce(p.provider_reference, (SELECT e.provider_event_id"
                + " FROM kameng.payment_event e WHERE e.payment_id = p.id"
                + " AND e.outcome = 'SUCCEEDED' ORDER BY e.received_at LIMIT 1))"
                + " FROM kameng.customer_order o LEFT JOIN kameng.payment p"
                + " ON p.tenant_id = o.tenant_id AND p.order_id = o.id AND p.status = 'SUCCEEDED'"
                + " WHERE o.id = ? ORDER BY p.created_at LIMIT 1")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new ProviderRefundRefusedException("No such order.");
        }
        if (!OrderStatus.REFUND_PENDING.name().equals(rs.getString(1))) {
          throw new ProviderRefundRefusedException(
              "Flag the order for refund first; it is " + rs.getString(1) + ".");
        }
        if (rs.getObject(3) == null || rs.getString(7) == null) {
          throw new ProviderRefundRefusedException(
              "The order has no payment a provider can refund; refund by hand and mark the order"
                  + " refunded.");
        }
        return new Target(
            orderId,
            rs.getObject(3, UUID.class),
            rs.getObject(4, UUID.class),
            Money.of(rs.getLong(5), rs.getString(6).strip()),
            rs.getString(7),
            Optional.ofNullable(rs.getString(2)).orElse("refund"));
      }
    }
  }

  /** Queues the refund; once per order while it waits or runs. The caller checked the channel. */
  public static void request(Connection c, TenantId tenant, Target target, String staff)
      throws SQLException {
    Jobs.enqueue(
        c,
        tenant,
        JOB,
        new FlatJson()
            .put("orderId", target.orderId().toString())
            .put("paymentId", target.paymentId().toString())
            .toString(),
        "refund:" + target.orderId(),
        Instant.EPOCH);
    AuditLog.record(
        c,
        tenant,
        staff,
        "order.provider-refund.requested",
        "order:" + target.orderId(),
        new FlatJson().put("paymentId", target.paymentId().toString()).toString());
  }

  /** The provider paid the money back: the order is refunded and the reversal posted. */
  public static boolean refunded(
      Connection c, TenantId tenant, UUID orderId, String providerRefundId) throws SQLException {
    boolean done = Refunds.markRefunded(c, tenant, orderId, AuditLog.SYSTEM);
    AuditLog.record(
        c,
        tenant,
        AuditLog.SYSTEM,
        "order.provider-refund.done",
        "order:" + orderId,
        new FlatJson().put("providerRefundId", providerRefundId).toString());
    return done;
  }

  /** The provider refused: staff see why in the audit log; the order stays flagged. */
  public static void refused(Connection c, TenantId tenant, UUID orderId, String reason)
      throws SQLException {
    AuditLog.record(
        c,
        tenant,
        AuditLog.SYSTEM,
        "order.provider-refund.refused",
        "order:" + orderId,
        new FlatJson().put("reason", reason).toString());
  }
}
