package org.kameng.kernel.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.TenantId;

/**
 * Raises a notification in the caller's transaction: a {@link #JOB} job naming the event and its
 * subject, written only if the shop has an enabled notifier, in the same statement (no extra round
 * trip on the paths that raise them, such as a paying notify). The server's job handler reads the
 * details and fans the event out to each notifier.
 */
public final class Notifications {

  /** Job kind of a raised event, fanned out to the shop's notifiers. */
  public static final String JOB = "notification";

  /** Job kind of one message to one notifier configuration. */
  public static final String DELIVER_JOB = "notification.deliver";

  /** The events the kernel raises. */
  public enum Event {
    /** Every line of an order was delivered; to the buyer. */
    ORDER_DELIVERED,
    /** A payment provider reported a payment failed; to staff. */
    PAYMENT_FAILED,
    /** A SKU's stock is at or below its threshold; to staff. */
    LOW_STOCK,
    /** An order was paid but cannot be delivered; to staff, who refund or deliver by hand. */
    PAID_UNDELIVERABLE,
    /** The upstream price and stock sync took an UPSTREAM SKU off sale; to staff. */
    UPSTREAM_CLOSED
  }

  private Notifications() {}

  /**
   * The outcome of a resend: the event queued again, or false for {@code queued} when the same
   * event was still waiting to be sent (it goes out once, not twice).
   */
  public record Resend(String event, boolean queued) {}

  /**
   * Queues the notification an order's state calls for once more, for staff whose buyer lost the
   * delivery mail or whose webhook receiver was down: a delivered order's ORDER_DELIVERED, a paid
   * but undeliverable order's PAID_UNDELIVERABLE. Audited whether or not it was queued.
   *
   * @throws NothingToResendException if the order's state has no notification or the shop has no
   *     enabled notifier
   */
  public static Resend resend(Connection c, TenantId tenant, UUID orderId, String actor)
      throws SQLException {
    String status;
    try (PreparedStatement select =
        c.prepareStatement("SELECT status FROM kameng.customer_order WHERE id = ?")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new NothingToResendException("No such order.");
        }
        status = rs.getString(1);
      }
    }
    Event event =
        switch (status) {
          case "DELIVERED" -> Event.ORDER_DELIVERED;
          case "PAID_UNDELIVERABLE" -> Event.PAID_UNDELIVERABLE;
          default ->
              throw new NothingToResendException(
                  "An order in state "
                      + status
                      + " has no notification to resend; only delivered and paid-but-undeliverable"
                      + " orders do.");
        };
    if (!hasNotifier(c)) {
      throw new NothingToResendException(
          "The shop has no enabled notifier: enable one under Notifiers first.");
    }
    boolean queued =
        raise(
            c,
            tenant,
            new FlatJson()
                .put("event", event.name())
                .put("orderId", orderId.toString())
                .put("resentBy", actor),
            event + ":" + orderId);
    AuditLog.record(
        c,
        tenant,
        actor,
        "order.notification.resend",
        orderId.toString(),
        new FlatJson().put("event", event.name()).put("queued", queued ? 1 : 0).toString());
    return new Resend(event.name(), queued);
  }

  private static boolean hasNotifier(Connection c) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM kameng.plugin_config"
                    + " WHERE enabled AND starts_with(plugin, 'notifier-'))");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Raises an event about an order (or one of its payments). */
  public static void order(Connection c, TenantId tenant, Event event, UUID orderId, UUID paymentId)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            RAISE + " SELECT ?, ?, ?, ?::jsonb, now() WHERE " + NOTIFIER + CONFLICT)) {
      bindOrder(insert, 1, tenant, event, orderId, paymentId);
      insert.executeUpdate();
    }
  }

  /**
   * SQL for a data-modifying CTE that raises an order event if the CTE named {@code guard} returned
   * rows, so a change and its event are one statement (one round trip on the paying notify). Bind
   * its four parameters with {@link #bindOrder}.
   */
  public static String raiseOrderIf(String guard) {
    return RAISE
        + " SELECT ?, ?, ?, ?::jsonb, now() WHERE EXISTS (SELECT 1 FROM "
        + guard
        + ") AND "
        + NOTIFIER
        + CONFLICT;
  }

  /**
   * Binds an order event's four parameters of {@link #raiseOrderIf} from {@code index}.
   *
   * @return the index of the next parameter
   */
  public static int bindOrder(
      PreparedStatement statement,
      int index,
      TenantId tenant,
      Event event,
      UUID orderId,
      UUID paymentId)
      throws SQLException {
    FlatJson subject = new FlatJson().put("event", event.name()).put("orderId", orderId.toString());
    if (paymentId != null) {
      subject.put("paymentId", paymentId.toString());
    }
    statement.setObject(index, tenant.value());
    statement.setString(index + 1, JOB);
    statement.setString(
        index + 2, event + ":" + orderId + (paymentId == null ? "" : ":" + paymentId));
    statement.setString(index + 3, subject.toString());
    return index + 4;
  }

  /** Raises a low-stock event for a SKU with {@code remaining} keys left. */
  public static void lowStock(Connection c, TenantId tenant, UUID skuId, long remaining)
      throws SQLException {
    raise(
        c,
        tenant,
        new FlatJson()
            .put("event", Event.LOW_STOCK.name())
            .put("skuId", skuId.toString())
            .put("remaining", remaining),
        Event.LOW_STOCK + ":" + skuId);
  }

  /**
   * Raises the event of an UPSTREAM SKU the sync took off sale, {@code reason} naming why (an
   * {@code UpstreamSyncs.ClosedReason}).
   */
  public static void upstreamClosed(Connection c, TenantId tenant, UUID skuId, String reason)
      throws SQLException {
    raise(
        c,
        tenant,
        new FlatJson()
            .put("event", Event.UPSTREAM_CLOSED.name())
            .put("skuId", skuId.toString())
            .put("reason", reason),
        Event.UPSTREAM_CLOSED + ":" + skuId + ":" + reason);
  }

  // While a job with the same key waits or runs it absorbs this one (the job table's unique key).
  private static boolean raise(Connection c, TenantId tenant, FlatJson subject, String dedupeKey)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            RAISE + " SELECT ?, ?, ?, ?::jsonb, now() WHERE " + NOTIFIER + CONFLICT)) {
      insert.setObject(1, tenant.value());
      insert.setString(2, JOB);
      insert.setString(3, dedupeKey);
      insert.setString(4, subject.toString());
      return insert.executeUpdate() == 1;
    }
  }

  private static final String RAISE =
      "INSERT INTO kameng.job (tenant_id, kind, dedupe_key, payload, run_at)";

  // Only a shop with an enabled notifier gets the job.
  private static final String NOTIFIER =
      "EXISTS (SELECT 1 FROM kameng.plugin_config WHERE enabled"
          + " AND starts_with(plugin, 'notifier-'))";

  private static final String CONFLICT = " ON CONFLICT DO NOTHING";
}
