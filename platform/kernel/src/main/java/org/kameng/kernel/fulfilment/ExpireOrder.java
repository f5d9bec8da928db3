package org.kameng.kernel.fulfilment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.order.KeyReservation;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.OrderTransitions;
import org.kameng.kernel.order.PromotionUses;
import org.kameng.plugin.api.TenantId;

/**
 * Ends the reservation of an order nobody paid for: the order becomes EXPIRED and its keys return
 * to stock. Races with a payment notify on the order row: whichever transition commits first wins,
 * and a payment arriving after this is settled as a late payment, never lost.
 */
public final class ExpireOrder {

  /** Job kind handled by {@link #expire} (scheduled by order placement). */
  public static final String JOB = "order.expire";

  private ExpireOrder() {}

  /**
   * Expires the order if it is still unpaid and its reservation has ended.
   *
   * @return true if this call expired it
   */
  public static boolean expire(Connection c, TenantId tenant, UUID orderId) throws SQLException {
    try (PreparedStatement due =
        c.prepareStatement(
            "SELECT reserved_until <= now() FROM kameng.customer_order"
                + " WHERE id = ? AND status = 'PENDING_PAYMENT' FOR UPDATE")) {
      due.setObject(1, orderId);
      try (ResultSet rs = due.executeQuery()) {
        if (!rs.next() || !rs.getBoolean(1)) {
          return false;
        }
      }
    }
    if (!OrderTransitions.move(
        c, tenant, orderId, OrderStatus.EXPIRED, OrderStatus.PENDING_PAYMENT)) {
      return false;
    }
    KeyReservation.release(c, orderId);
    PromotionUses.release(c, orderId);
    return true;
  }
}
