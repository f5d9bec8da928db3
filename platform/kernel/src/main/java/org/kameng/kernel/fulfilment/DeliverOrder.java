package org.kameng.kernel.fulfilment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kameng.kernel.catalog.Fulfilment;
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
    return finish(c, tenant, orderId, sellReserved(c, tenant, orderId));
  }

  /**
   * Pays an order awaiting payment and delivers its reserved card keys, in one statement when that
   * is all it needs: an order whose lines are all card-key lines (no loop key) and whose reserved
   * keys cover them goes from PENDING_PAYMENT to DELIVERED in one row version, with the PAID event,
   * the DELIVERED event and the delivery notification raised as if it had passed through PAID (it
   * did, within the statement: {@code paid_at} is set). Any other order is left PAID by the
   * statement, with its reserved keys sold, and the rest of its delivery done as {@link
   * #deliverPaid} does it.
   *
   * <p>With {@code savepoint}, that savepoint is set first, in the same round trip (the driver
   * sends both statements before it waits): the caller can roll back to it if delivery fails.
   *
   * @return the order's state afterwards, or null if it was not awaiting payment (nothing done)
   */
  public static OrderStatus payAndDeliver(
      Connection c, TenantId tenant, UUID orderId, String savepoint) throws SQLException {
    String sql =
        savepoint == null ? PAY_AND_DELIVER : "SAVEPOINT " + savepoint + "; " + PAY_AND_DELIVER;
    try (PreparedStatement pay = c.prepareStatement(sql)) {
      pay.setObject(1, tenant.value());
      pay.setObject(2, orderId);
      int i = bindSell(pay, 3, tenant, orderId);
      pay.setObject(i++, tenant.value());
      pay.setObject(i++, orderId);
      i = OrderTransitions.bindRaised(pay, i, tenant, orderId, OrderStatus.PAID);
      OrderTransitions.bindRaised(pay, i, tenant, orderId, OrderStatus.DELIVERED);
      String status = null;
      List<Line> lines = new ArrayList<>();
      boolean rows = pay.execute();
      if (savepoint != null) {
        rows = pay.getMoreResults(); // past the savepoint's result
      }
      if (!rows) {
        throw new IllegalStateException("payment and delivery returned no rows");
      }
      try (ResultSet rs = pay.getResultSet()) {
        while (rs.next()) {
          status = rs.getString(7);
          lines.add(line(rs));
        }
      }
      if (status == null) {
        return null;
      }
      OrderStatus moved = OrderStatus.valueOf(status);
      return moved == OrderStatus.PAID ? finish(c, tenant, orderId, lines) : moved;
    }
  }

  // What is left once the reserved keys are sold: loop keys, upstream purchases, and the move
  // from PAID to what the order now is.
  private static OrderStatus finish(Connection c, TenantId tenant, UUID orderId, List<Line> lines)
      throws SQLException {
    int pending = 0;
    boolean shortDelivered = false;
    for (Line line : lines) {
      if (line.fulfilment() != Fulfilment.CARD_KEY) {
        if (line.fulfilment() == Fulfilment.UPSTREAM) {
          UpstreamPurchases.queue(c, tenant, orderId, line.number());
        }
        pending++;
        continue;
      }
      if (line.loopKey()) {
        int delivered = deliverLoopKey(c, tenant, orderId, line.number(), line.skuId());
        markLine(c, orderId, line.number(), delivered);
        shortDelivered |= delivered < 1;
      } else {
        shortDelivered |= line.sold() < line.quantity();
      }
    }
    OrderStatus next =
        shortDelivered
            ? OrderStatus.PARTIALLY_DELIVERED
            : pending > 0 ? OrderStatus.DELIVERING : OrderStatus.DELIVERED;
    OrderTransitions.move(c, tenant, orderId, next, OrderStatus.PAID);
    return next;
  }

  /** An order line as delivery sees it, with the reserved keys just sold for it. */
  private record Line(
      int number, UUID skuId, int quantity, Fulfilment fulfilment, boolean loopKey, int sold) {}

  // Sells every reserved key of the order, records each against its card-key line (the first
  // such line of its SKU) and counts them on the line, and lists the order's lines for what is
  // left to do. The lines' SELECT sees them as they were before the statement; the counts come
  // from what it linked. Only if the CTE named in the first %s returned a row.
  private static final String SELL =
      """
      sold AS (
        UPDATE kameng.card_key SET status = 'SOLD', sold_at = now(), reserved_until = NULL
         WHERE order_id = ? AND status = 'RESERVED'%s
           AND sku_id IN (SELECT sku_id FROM kameng.order_line
                           WHERE order_id = ? AND fulfilment = 'CARD_KEY')
        RETURNING id, sku_id),
      linked AS (
        INSERT INTO kameng.order_key (tenant_id, order_id, line_number, card_key_id)
        SELECT DISTINCT ON (sold.id) ?, l.order_id, l.line_number, sold.id
          FROM sold JOIN kameng.order_line l
            ON l.order_id = ? AND l.sku_id = sold.sku_id AND l.fulfilment = 'CARD_KEY'
         ORDER BY sold.id, l.line_number
        ON CONFLICT DO NOTHING
        RETURNING line_number),
      counts AS (
        SELECT line_number, count(*) AS sold FROM linked GROUP BY line_number),
      counted AS (
        UPDATE kameng.order_line l SET delivered_quantity = l.delivered_quantity + n.sold
          FROM counts n
         WHERE l.order_id = ? AND l.line_number = n.line_number),
      lines AS (
        SELECT l.line_number, l.sku_id, l.quantity, l.fulfilment, s.loop_key,
               coalesce(n.sold, 0) AS sold
          FROM kameng.order_line l
          JOIN kameng.sku s ON s.tenant_id = l.tenant_id AND s.id = l.sku_id
          LEFT JOIN counts n ON n.line_number = l.line_number
         WHERE l.order_id = ?)
      """;

  private static final String SELL_RESERVED =
      "WITH " + SELL.formatted("") + " SELECT * FROM lines ORDER BY line_number";

  // The order is locked first (due): a concurrent expiry or cancel either committed before, and
  // nothing is sold, or waits for this transaction and then finds the order paid.
  private static final String PAY_AND_DELIVER =
      "WITH due AS (SELECT 1 FROM kameng.customer_order"
          + " WHERE tenant_id = ? AND id = ? AND status = 'PENDING_PAYMENT'"
          + " FOR UPDATE), "
          + SELL.formatted(" AND EXISTS (SELECT 1 FROM due)")
          + ", moved AS (UPDATE kameng.customer_order SET updated_at = now(),"
          + " paid_at = coalesce(paid_at, now()),"
          + " status = CASE WHEN EXISTS (SELECT 1 FROM lines WHERE fulfilment <> 'CARD_KEY'"
          + " OR loop_key OR sold < quantity) THEN 'PAID' ELSE 'DELIVERED' END"
          + " WHERE tenant_id = ? AND id = ? AND status = 'PENDING_PAYMENT'"
          + " AND EXISTS (SELECT 1 FROM due) RETURNING tenant_id, status)"
          + OrderTransitions.raisedIf("moved", OrderStatus.PAID)
          // The PAID event is counted first, so it is written first: listeners hear PAID, then
          // DELIVERED, as if the order had moved twice.
          + ", delivered AS (SELECT tenant_id FROM moved WHERE status = 'DELIVERED'"
          + " AND (SELECT count(*) FROM moved_event) >= 0)"
          + OrderTransitions.raisedIf("delivered", OrderStatus.DELIVERED)
          + " SELECT l.*, (SELECT status FROM moved) FROM lines l ORDER BY l.line_number";

  private static List<Line> sellReserved(Connection c, TenantId tenant, UUID orderId)
      throws SQLException {
    try (PreparedStatement sell = c.prepareStatement(SELL_RESERVED)) {
      bindSell(sell, 1, tenant, orderId);
      List<Line> lines = new ArrayList<>();
      try (ResultSet rs = sell.executeQuery()) {
        while (rs.next()) {
          lines.add(line(rs));
        }
      }
      return lines;
    }
  }

  // Binds SELL's parameters from index; returns the index of the next.
  private static int bindSell(PreparedStatement s, int index, TenantId tenant, UUID orderId)
      throws SQLException {
    s.setObject(index, orderId);
    s.setObject(index + 1, orderId);
    s.setObject(index + 2, tenant.value());
    s.setObject(index + 3, orderId);
    s.setObject(index + 4, orderId);
    s.setObject(index + 5, orderId);
    return index + 6;
  }

  private static Line line(ResultSet rs) throws SQLException {
    return new Line(
        rs.getInt(1),
        rs.getObject(2, UUID.class),
        rs.getInt(3),
        Fulfilment.valueOf(rs.getString(4)),
        rs.getBoolean(5),
        rs.getInt(6));
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
