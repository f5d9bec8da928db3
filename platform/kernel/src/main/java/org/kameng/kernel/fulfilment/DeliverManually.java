package org.kameng.kernel.fulfilment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.order.InvalidOrderException;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.OrderTransitions;
import org.kameng.plugin.api.TenantId;

/**
 * Staff complete the manual lines of a paid order with what they handed over (sealed, shown to the
 * buyer with the order). The order becomes DELIVERED; the action is audited.
 */
public final class DeliverManually {

  private final DataKeys dataKeys;

  public DeliverManually(DataKeys dataKeys) {
    this.dataKeys = dataKeys;
  }

  /**
   * Delivers the order's manual lines.
   *
   * @return true if this call delivered them; false if the order was not waiting for staff
   * @throws InvalidOrderException if the delivery text is empty or too long
   */
  public boolean deliver(Connection c, TenantId tenant, UUID orderId, String text, String staff)
      throws SQLException {
    if (text == null || text.isBlank() || text.length() > 2000) {
      throw new InvalidOrderException("delivery", "between 1 and 2000 characters");
    }
    if (!OrderTransitions.move(
        c, tenant, orderId, OrderStatus.DELIVERED, OrderStatus.DELIVERING, OrderStatus.PAID)) {
      return false;
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.order_line SET delivered_quantity = quantity, delivery_secret = ?"
                + " WHERE order_id = ? AND fulfilment <> 'CARD_KEY'")) {
      update.setBytes(1, dataKeys.forTenant(c, tenant).seal(text.strip()));
      update.setObject(2, orderId);
      update.executeUpdate();
    }
    AuditLog.record(
        c, tenant, staff, "order.deliver-manually", "order:" + orderId, new FlatJson().toString());
    return true;
  }
}
