package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
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
    // Every path to these states passes here, so none can forget to tell anyone; the event is
    // raised by the same statement as the change, and only if it made one.
    Notifications.Event event =
        switch (to) {
          case DELIVERED -> Notifications.Event.ORDER_DELIVERED;
          case PAID_UNDELIVERABLE -> Notifications.Event.PAID_UNDELIVERABLE;
          default -> null;
        };
    String update =
        "UPDATE kameng.customer_order SET status = ?, updated_at = now(),"
            + " paid_at = CASE WHEN ? THEN coalesce(paid_at, now()) ELSE paid_at END"
            + " WHERE tenant_id = ? AND id = ? AND status = ANY (?)";
    try (PreparedStatement move =
        c.prepareStatement(
            event == null
                ? update
                : "WITH moved AS ("
                    + update
                    + " RETURNING 1), raised AS ("
                    + Notifications.raiseOrderIf("moved")
                    + ") SELECT count(*) FROM moved")) {
      move.setString(1, to.name());
      move.setBoolean(2, to.isPaid());
      move.setObject(3, tenant.value());
      move.setObject(4, orderId);
      move.setArray(5, c.createArrayOf("text", sources));
      int rows;
      if (event == null) {
        rows = move.executeUpdate();
      } else {
        Notifications.bindOrder(move, 6, tenant, event, orderId, null);
        try (ResultSet rs = move.executeQuery()) {
          rs.next();
          rows = rs.getInt(1);
        }
      }
      if (rows > 1) {
        throw new IllegalStateException("order id matched " + rows + " rows");
      }
      return rows == 1;
    }
  }
}
