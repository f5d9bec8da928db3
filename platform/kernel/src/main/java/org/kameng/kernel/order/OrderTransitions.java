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
    try (PreparedStatement update =
        c.prepareStatement(
            "WITH moved AS (UPDATE kameng.customer_order SET status = ?, updated_at = now(),"
                + " paid_at = CASE WHEN ? THEN coalesce(paid_at, now()) ELSE paid_at END"
                + " WHERE tenant_id = ? AND id = ? AND status = ANY (?) RETURNING tenant_id)"
                + raisedIf("moved", to)
                + " SELECT count(*) FROM moved")) {
      update.setString(1, to.name());
      update.setBoolean(2, to.isPaid());
      update.setObject(3, tenant.value());
      update.setObject(4, orderId);
      update.setArray(5, c.createArrayOf("text", sources));
      bindRaised(update, 6, tenant, orderId, to);
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

  /**
   * SQL of the CTEs (each after a comma) that tell others of a move into {@code to}, for a
   * statement that makes the move itself: they write only if the CTE named {@code guard} returned
   * the order's row ({@code tenant_id}). Every path to these states raises them, so none can forget
   * to tell anyone: the order event for marketing listeners, and for some states the shop's
   * notification; in the same statement as the change, so no extra round trip on the paying path,
   * and a shop without listeners or notifiers pays nothing but the EXISTS. The event's CTE is named
   * {@code <guard>_event} and returns a row per event written. Bind with {@link #bindRaised}.
   */
  public static String raisedIf(String guard, OrderStatus to) {
    StringBuilder sql = new StringBuilder();
    if (OrderEvents.typeOf(to).isPresent()) {
      sql.append(", ")
          .append(guard)
          .append(
              "_event AS (INSERT INTO kameng.job (tenant_id, kind, dedupe_key, payload, run_at)")
          .append(" SELECT tenant_id, ?, ?, ?::jsonb, now() FROM ")
          .append(guard)
          .append(" WHERE EXISTS (SELECT 1 FROM kameng.plugin_config WHERE enabled")
          .append(" AND starts_with(plugin, 'marketing-')) ON CONFLICT DO NOTHING RETURNING 1)");
    }
    if (notificationOf(to) != null) {
      sql.append(", ")
          .append(guard)
          .append("_notified AS (")
          .append(Notifications.raiseOrderIf(guard))
          .append(")");
    }
    return sql.toString();
  }

  /**
   * Binds the parameters of {@link #raisedIf} for the move of {@code orderId} into {@code to} from
   * {@code index}.
   *
   * @return the index of the next parameter
   */
  public static int bindRaised(
      PreparedStatement statement, int index, TenantId tenant, UUID orderId, OrderStatus to)
      throws SQLException {
    int i = index;
    Optional<String> event = OrderEvents.typeOf(to);
    if (event.isPresent()) {
      statement.setString(i++, OrderEvents.JOB);
      statement.setString(i++, event.get() + ":" + orderId);
      statement.setString(i++, OrderEvents.payload(event.get(), orderId, Instant.now()));
    }
    Notifications.Event notification = notificationOf(to);
    if (notification != null) {
      i = Notifications.bindOrder(statement, i, tenant, notification, orderId, null);
    }
    return i;
  }

  private static Notifications.Event notificationOf(OrderStatus to) {
    return switch (to) {
      case DELIVERED -> Notifications.Event.ORDER_DELIVERED;
      case PAID_UNDELIVERABLE -> Notifications.Event.PAID_UNDELIVERABLE;
      default -> null;
    };
  }
}
