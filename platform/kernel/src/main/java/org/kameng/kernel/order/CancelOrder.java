package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.TenantId;

/** Staff cancel an unpaid order: its reserved keys return to stock at once. */
public final class CancelOrder {

  private CancelOrder() {}

  /**
   * Cancels the order if it is still awaiting payment.
   *
   * @return true if this call cancelled it; false if it was paid, expired or already cancelled
   */
  public static boolean cancel(Connection c, TenantId tenant, UUID orderId, String staff)
      throws SQLException {
    if (!OrderTransitions.move(
        c, tenant, orderId, OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT)) {
      return false;
    }
    int released = KeyReservation.release(c, orderId);
    PromotionUses.release(c, orderId);
    AuditLog.record(
        c,
        tenant,
        staff,
        "order.cancel",
        "order:" + orderId,
        new FlatJson().put("releasedKeys", released).toString());
    return true;
  }
}
