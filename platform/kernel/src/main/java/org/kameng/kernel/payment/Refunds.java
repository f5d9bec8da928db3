package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.docking.ResellerRefunds;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.kernel.order.InvalidOrderException;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.OrderTransitions;
import org.kameng.kernel.text.PlainText;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * Refunds as the shop handles them: staff flag a paid order for refund, then record that the money
 * went back (through the provider or by hand). Recording it posts the reversal to the ledger.
 */
public final class Refunds {

  private Refunds() {}

  /** Flags a paid order for refund; false if it is not in a state that can be refunded. */
  public static boolean flag(
      Connection c, TenantId tenant, UUID orderId, String reason, String staff)
      throws SQLException {
    if (reason == null
        || reason.isBlank()
        || reason.length() > 500
        || !PlainText.isMultiLine(reason)) {
      throw new InvalidOrderException(
          "reason", "between 1 and 500 characters, without control characters");
    }
    boolean flagged =
        OrderTransitions.move(
            c,
            tenant,
            orderId,
            OrderStatus.REFUND_PENDING,
            OrderStatus.PAID_UNDELIVERABLE,
            OrderStatus.PARTIALLY_DELIVERED,
            OrderStatus.DELIVERED);
    if (flagged) {
      try (PreparedStatement update =
          c.prepareStatement("UPDATE kameng.customer_order SET refund_reason = ? WHERE id = ?")) {
        update.setString(1, reason.strip());
        update.setObject(2, orderId);
        update.executeUpdate();
      }
      AuditLog.record(
          c,
          tenant,
          staff,
          "order.refund-flag",
          "order:" + orderId,
          new FlatJson().put("reason", reason.strip()).toString());
    }
    return flagged;
  }

  /** Records that a flagged order's money was returned; posts the reversal. */
  public static boolean markRefunded(Connection c, TenantId tenant, UUID orderId, String staff)
      throws SQLException {
    if (!OrderTransitions.move(
        c, tenant, orderId, OrderStatus.REFUNDED, OrderStatus.REFUND_PENDING)) {
      return false;
    }
    try (PreparedStatement paid =
        c.prepareStatement(
            "SELECT p.amount_minor, p.currency, t.platform_fee_bps FROM kameng.payment p"
                + " JOIN kameng.tenant t ON t.id = p.tenant_id"
                + " WHERE p.order_id = ? AND p.status = 'SUCCEEDED' ORDER BY p.created_at LIMIT 1")) {
      paid.setObject(1, orderId);
      try (ResultSet rs = paid.executeQuery()) {
        if (rs.next()) {
          Ledger.postRefund(
              c, tenant, orderId, Money.of(rs.getLong(1), rs.getString(2)), rs.getInt(3));
        }
      }
    }
    // Paid from a downstream reseller's balance (no payment row): the money goes back there.
    ResellerRefunds.creditBack(c, tenant, orderId, staff);
    AuditLog.record(
        c, tenant, staff, "order.refunded", "order:" + orderId, new FlatJson().toString());
    return true;
  }
}
