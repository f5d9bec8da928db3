package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.notification.Notifications;
import org.kameng.plugin.api.TenantId;

/**
 * Moves an order from one state to another with a conditional update. Of a notify, a timeout and a
 * staff action racing for the same order, exactly one finds it in the expected state; the others
 * touch no row and are told so.
 */
public final class OrderTransitions {

  private OrderTransitions() {}

  /**
   * Moves the order to {@code to} if it is in one of {@code from}.
   *
   * @return true if this call made the change, false if the order was not in any {@code from}
   * @throws IllegalArgumentException if a {@code from → to} pair is not a declared transition
   */
  public static boolean move(
      Connection c, TenantId tenant, UUID orderId, OrderStatus to, OrderStatus... from)
      throws SQLException {
    if (from.length == 0) {
      throw new IllegalArgumentException("no source state");
    }
    for (OrderStatus source : from) {
      if (!source.canMoveTo(to)) {
        throw new IllegalArgumentException("not a transition: " + source + " -> " + to);
      }
    }
    String[] sources = Arrays.stream(from).map(Enum::name).toArray(String[]::new);
    Optional<String> event = OrderEvents.typeOf(to);
    // Every path to these states passes here, so none can forget to tell anyone. The order event
    // (for marketing listeners) and the shop's notification are written by the same statement as
    // the change, and only if it made one: no extra round trip on the paying path, and a shop
    // without listeners or notifiers pays nothing but the EXISTS.
    Notifications.Event notification =
        switch (to) {
          case DELIVERED -> Notifications.Event.ORDER_DELIVERED;
          case PAID_UNDELIVERABLE -> Notifications.Event.PAID_UNDELIVERABLE;
          default -> null;
        };
    try (PreparedStatement update =
        c.prepareStatement(
            "WITH moved AS (UPDATE kameng.customer_order SET status = ?, updated_at = now(),"
                + " paid_at = CASE WHEN ? THEN coalesce(paid_at, now()) ELSE paid_at END"
                + " WHERE tenant_id = ? AND id = ? AND status = ANY (?) RETURNING tenant_id),"
                + " raised AS (INSERT INTO kameng.job (tenant_id, kind, dedupe_key, payload, run_at)"
                + " SELECT tenant_id, ?, ?, ?::jsonb, now() FROM moved WHERE ? AND EXISTS"
                + " (SELECT 1 FROM kameng.plugin_config WHERE enabled"
                + " AND starts_with(plugin, 'marketing-')) ON CONFLICT DO NOTHING)"
                + (notification == null
                    ? ""
                    : ", notified AS (" + Notifications.raiseOrderIf("moved") + ")")
                + " SELECT count(*) FROM moved")) {
      update.setString(1, to.name());
      update.setBoolean(2, to.isPaid());
      update.setObject(3, tenant.value());
      update.setObject(4, orderId);
      update.setArray(5, c.createArrayOf("text", sources));
      update.setString(6, OrderEvents.JOB);
      update.setString(7, event.orElse("-") + ":" + orderId);
      update.setString(8, OrderEvents.payload(event.orElse("-"), orderId, Instant.now()));
      update.setBoolean(9, event.isPresent());
      if (notification != null) {
        Notifications.bindOrder(update, 10, tenant, notification, orderId, null);
      }
      int rows;
      try (ResultSet rs = update.executeQuery()) {
        rs.next();
        rows = rs.getInt(1);
      }
      if (rows > 1) {
        throw new IllegalStateException("order id matched " + rows + " rows");
      }
      return rows == 1;
    }
  }
}
