package org.kameng.kernel.fulfilment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.OrderTransitions;
import org.kameng.kernel.upstream.UpstreamPurchases;
import org.kameng.plugin.api.TenantId;

/**
 * Delivers a paid order's card keys: its reserved keys become SOLD and are recorded against the
 * order; a loop-key line gets the SKU's key. Manual and upstream lines wait (the order is then
 * DELIVERING); each upstream line's purchase is queued in this transaction, so a paid upstream line
 * always has its purchase job. Idempotent: run twice, the second run finds the order no longer PAID
 * and does nothing, and the key updates are conditional on the key's state.
 */
public final class DeliverOrder {

  /** Job kind handled by {@link #deliver}. */
  public static final String JOB = "order.deliver";

  private DeliverOrder() {}

  /**
   * Delivers what can be delivered now, in the caller's tenant transaction.
   *
   * @return the order's state afterwards, or null if it was not PAID (nothing done)
   */
  public static OrderStatus deliver(Connection c, TenantId tenant, UUID orderId)
      throws SQLException {
    if (!isPaid(c, orderId)) {
      return null;
    }
    return deliverPaid(c, tenant, orderId);
  }

  /**
   * The same, for a caller that has just moved the order to PAID in this transaction (and so holds
   * its row lock): skips the re-check.
   */
  public static OrderStatus deliverPaid(Connection c, TenantId tenant, UUID orderId)
      throws SQLException {
    int pending = 0;
    boolean shortDelivered = false;
    try (PreparedStatement lines =
        c.prepareStatement(
            "SELECT l.line_number, l.sku_id, l.quantity, l.fulfilment, s.loop_key"
                + " FROM kameng.order_line l JOIN kameng.sku s"
                + " ON s.tenant_id = l.tenant_id AND s.id = l.sku_id"
                + " WHERE l.order_id = ? ORDER BY l.line_number")) {
      lines.setObject(1, orderId);
      try (ResultSet rs = lines.executeQuery()) {
        while (rs.next()) {
          int line = rs.getInt(1);
          if (!"CARD_KEY".equals(rs.getString(4))) {
            if ("UPSTREAM".equals(rs.getString(4))) {
              UpstreamPurchases.queue(c, tenant, orderId, line);
            }
            pending++;
            continue;
          }
          UUID sku = rs.getObject(2, UUID.class);
          int quantity = rs.getInt(3);
          int delivered;
          if (rs.getBoolean(5)) {
            delivered = deliverLoopKey(c, tenant, orderId, line, sku);
            markLine(c, orderId, line, delivered);
          } else {
            delivered = deliverReserved(c, tenant, orderId, line, sku);
          }
          shortDelivered |= delivered < (rs.getBoolean(5) ? 1 : quantity);
        }
      }
    }
    OrderStatus next =
        shortDelivered
            ? OrderStatus.PARTIALLY_DELIVERED
            : pending > 0 ? OrderStatus.DELIVERING : OrderStatus.DELIVERED;
    OrderTransitions.move(c, tenant, orderId, next, OrderStatus.PAID);
    return next;
  }

  private static boolean isPaid(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT status FROM kameng.customer_order WHERE id = ? FOR UPDATE")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() && OrderStatus.PAID.name().equals(rs.getString(1));
      }
    }
  }

  // Sells the reserved keys, records them against the order and counts them on the line, in one
  // statement.
  private static int deliverReserved(
      Connection c, TenantId tenant, UUID orderId, int line, UUID sku) throws SQLException {
    try (PreparedStatement sell =
        c.prepareStatement(
            "WITH sold AS ("
                + "  UPDATE kameng.card_key SET status = 'SOLD', sold_at = now(),"
                + "         reserved_until = NULL"
                + "   WHERE order_id = ? AND sku_id = ? AND status = 'RESERVED' RETURNING id),"
                + " linked AS ("
                + "  INSERT INTO kameng.order_key (tenant_id, order_id, line_number, card_key_id)"
                + "  SELECT ?, ?, ?, id FROM sold ON CONFLICT DO NOTHING RETURNING 1)"
                + " UPDATE kameng.order_line"
                + "    SET delivered_quantity = delivered_quantity + (SELECT count(*) FROM linked)"
                + "  WHERE order_id = ? AND line_number = ?"
                + " RETURNING (SELECT count(*) FROM linked)")) {
      sell.setObject(1, orderId);
      sell.setObject(2, sku);
      sell.setObject(3, tenant.value());
      sell.setObject(4, orderId);
      sell.setInt(5, line);
      sell.setObject(6, orderId);
      sell.setInt(7, line);
      try (ResultSet rs = sell.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static int deliverLoopKey(Connection c, TenantId tenant, UUID orderId, int line, UUID sku)
      throws SQLException {
    try (PreparedStatement link =
        c.prepareStatement(
            "INSERT INTO kameng.order_key (tenant_id, order_id, line_number, card_key_id)"
                + " SELECT ?, ?, ?, id FROM kameng.card_key"
                + "  WHERE sku_id = ? AND status = 'AVAILABLE' ORDER BY id LIMIT 1"
                + " ON CONFLICT DO NOTHING")) {
      link.setObject(1, tenant.value());
      link.setObject(2, orderId);
      link.setInt(3, line);
      link.setObject(4, sku);
      return link.executeUpdate();
    }
  }

  private static void markLine(Connection c, UUID orderId, int line, int delivered)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.order_line SET delivered_quantity = delivered_quantity + ?"
                + " WHERE order_id = ? AND line_number = ?")) {
      update.setInt(1, delivered);
      update.setObject(2, orderId);
      update.setInt(3, line);
      update.executeUpdate();
    }
  }
}
