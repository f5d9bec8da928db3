package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.fulfilment.DeliverOrder;
import org.kameng.kernel.fulfilment.KernelJobs;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.order.KeyReservation;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.OrderTransitions;
import org.kameng.kernel.order.PromotionUses;
import org.kameng.plugin.api.TenantId;

/**
 * What a successful payment does to its order. The usual case pays it and delivers its card keys in
 * the same transaction (a plain card-key order in one statement, straight to DELIVERED), so the
 * buyer returning from the payment page sees them at once; should delivery fail, the payment still
 * stands, the order is PAID and a delivery job takes over. A payment after the reservation ended is
 * never dropped: the stock is reserved again if there is enough, and its coupon uses are taken
 * again (it keeps the discount it was paid at), otherwise the order becomes PAID_UNDELIVERABLE with
 * a refund task and an audit entry. A second payment for an order already paid gets a refund task.
 */
final class OrderSettlement {

  /** Job kind that asks staff to refund money the shop cannot deliver for. */
  static final String REFUND_REVIEW_JOB = KernelJobs.REFUND_REVIEW;

  private static final String BEFORE_DELIVERY = "before_delivery";

  private OrderSettlement() {}

  static void settle(Connection c, TenantId tenant, UUID orderId, UUID paymentId)
      throws SQLException {
    if (payAndDeliver(c, tenant, orderId)) {
      return;
    }
    OrderStatus status = lockStatus(c, orderId);
    if (status == OrderStatus.EXPIRED || status == OrderStatus.CANCELLED) {
      settleLate(c, tenant, orderId, paymentId, status);
    } else {
      scheduleRefundReview(c, tenant, orderId, paymentId, "order already paid");
    }
  }

  private static void settleLate(
      Connection c, TenantId tenant, UUID orderId, UUID paymentId, OrderStatus status)
      throws SQLException {
    if (reserveAgain(c, orderId)) {
      OrderTransitions.move(c, tenant, orderId, OrderStatus.PAID, status);
      // It keeps the discount it was paid at, so it takes back the coupon use expiry gave back.
      if (PromotionUses.retake(c, orderId) > 0) {
        audit(c, tenant, orderId, "order.late-payment.coupon-retaken", paymentId);
      }
      deliverNow(c, tenant, orderId);
      audit(c, tenant, orderId, "order.late-payment.reserved", paymentId);
    } else {
      OrderTransitions.move(c, tenant, orderId, OrderStatus.PAID_UNDELIVERABLE, status);
      scheduleRefundReview(c, tenant, orderId, paymentId, "paid after expiry; out of stock");
      audit(c, tenant, orderId, "order.late-payment.undeliverable", paymentId);
    }
  }

  // Reserves every card-key line again; all or nothing.
  private static boolean reserveAgain(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement lines =
        c.prepareStatement(
            "SELECT l.sku_id, l.quantity, s.loop_key, now() + make_interval(mins => t.reservation_minutes)"
                + " FROM kameng.order_line l"
                + " JOIN kameng.sku s ON s.tenant_id = l.tenant_id AND s.id = l.sku_id"
                + " JOIN kameng.tenant t ON t.id = l.tenant_id"
                + " WHERE l.order_id = ? AND l.fulfilment = 'CARD_KEY'")) {
      lines.setObject(1, orderId);
      try (ResultSet rs = lines.executeQuery()) {
        while (rs.next()) {
          UUID sku = rs.getObject(1, UUID.class);
          int quantity = rs.getInt(2);
          boolean enough =
              rs.getBoolean(3)
                  ? KeyReservation.available(c, sku) > 0
                  : KeyReservation.claim(
                              c, sku, quantity, orderId, rs.getObject(4, OffsetDateTime.class))
                          .size()
                      == quantity;
          if (!enough) {
            KeyReservation.release(c, orderId);
            return false;
          }
        }
      }
    }
    return true;
  }

  private static OrderStatus lockStatus(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT status FROM kameng.customer_order WHERE id = ? FOR UPDATE")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("payment without order " + orderId);
        }
        return OrderStatus.valueOf(rs.getString(1));
      }
    }
  }

  // Delivery runs behind a savepoint: if it fails, only its own work is undone, the payment is
  // kept, and the delivery job retries it. On success the savepoint is not released: the commit
  // ends it anyway, and RELEASE would cost a round trip on every paying notify.
  private static void deliverNow(Connection c, TenantId tenant, UUID orderId) throws SQLException {
    Savepoint beforeDelivery = c.setSavepoint();
    try {
      DeliverOrder.deliverPaid(c, tenant, orderId);
    } catch (SQLException | RuntimeException e) {
      c.rollback(beforeDelivery);
      scheduleDelivery(c, tenant, orderId);
    }
  }

  // The usual case: the order awaiting this payment is paid and its keys delivered, in one
  // statement for a plain card-key order. Behind a savepoint, as deliverNow: should delivery fail,
  // its work and the payment's move are undone together, and the order is moved to PAID alone
  // with a delivery job to take over. False if the order was not awaiting payment. The savepoint
  // is set in the same round trip as the statement, under a fixed name (the driver's own names
  // are new SQL on every call, parsed anew on both sides).
  private static boolean payAndDeliver(Connection c, TenantId tenant, UUID orderId)
      throws SQLException {
    try {
      return DeliverOrder.payAndDeliver(c, tenant, orderId, BEFORE_DELIVERY) != null;
    } catch (SQLException | RuntimeException e) {
      try (Statement rollback = c.createStatement()) {
        rollback.execute("ROLLBACK TO SAVEPOINT " + BEFORE_DELIVERY);
      }
      if (!OrderTransitions.move(
          c, tenant, orderId, OrderStatus.PAID, OrderStatus.PENDING_PAYMENT)) {
        return false;
      }
      scheduleDelivery(c, tenant, orderId);
      return true;
    }
  }

  // Run-at EPOCH: due at once, whatever this server's clock says.
  private static void scheduleDelivery(Connection c, TenantId tenant, UUID orderId)
      throws SQLException {
    Jobs.enqueue(
        c,
        tenant,
        DeliverOrder.JOB,
        orderPayload(orderId, null),
        orderId.toString(),
        Instant.EPOCH);
  }

  private static void scheduleRefundReview(
      Connection c, TenantId tenant, UUID orderId, UUID paymentId, String reason)
      throws SQLException {
    Jobs.enqueue(
        c,
        tenant,
        REFUND_REVIEW_JOB,
        new FlatJson()
            .put("orderId", orderId.toString())
            .put("paymentId", paymentId.toString())
            .put("reason", reason)
            .toString(),
        paymentId.toString(),
        Instant.EPOCH);
  }

  private static void audit(
      Connection c, TenantId tenant, UUID orderId, String action, UUID paymentId)
      throws SQLException {
    AuditLog.record(
        c, tenant, AuditLog.SYSTEM, action, "order:" + orderId, orderPayload(orderId, paymentId));
  }

  private static String orderPayload(UUID orderId, UUID paymentId) {
    FlatJson json = new FlatJson().put("orderId", orderId.toString());
    if (paymentId != null) {
      json.put("paymentId", paymentId.toString());
    }
    return json.toString();
  }
}
