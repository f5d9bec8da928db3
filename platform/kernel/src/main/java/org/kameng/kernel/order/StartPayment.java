package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/** Opens a payment attempt for an unpaid order through one of the shop's enabled channels. */
public final class StartPayment {

  private StartPayment() {}

  /** A payment opened for an order. */
  public record Started(UUID paymentId, String channel, Money amount) {}

  /**
   * Creates a pending payment of the order's exact total.
   *
   * @throws InvalidOrderException if the order is not awaiting payment or the channel is not one of
   *     the shop's enabled channels
   */
  public static Started start(Connection c, TenantId tenant, UUID orderId, UUID channelConfigId)
      throws SQLException {
    UUID paymentId = UUID.randomUUID();
    // One statement on the checkout path; only when it writes nothing do we ask which part failed.
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.payment (tenant_id, id, order_id, channel_config_id,"
                + " amount_minor, currency, status)"
                + " SELECT ?, ?, o.id, cc.id, o.total_minor, o.currency, 'PENDING'"
                + "   FROM kameng.customer_order o, kameng.channel_config cc"
                + "  WHERE o.id = ? AND o.status = 'PENDING_PAYMENT' AND o.reserved_until > now()"
                + "    AND cc.id = ? AND cc.enabled"
                + " RETURNING amount_minor, currency,"
                + "   (SELECT channel FROM kameng.channel_config WHERE id = channel_config_id)")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, paymentId);
      insert.setObject(3, orderId);
      insert.setObject(4, channelConfigId);
      try (ResultSet rs = insert.executeQuery()) {
        if (rs.next()) {
          return new Started(paymentId, rs.getString(3), Money.of(rs.getLong(1), rs.getString(2)));
        }
      }
    }
    if (!exists(
        c, "SELECT 1 FROM kameng.channel_config WHERE id = ? AND enabled", channelConfigId)) {
      throw new InvalidOrderException("channelId", "no such payment channel in this shop");
    }
    throw new InvalidOrderException("orderId", "this order is not awaiting payment");
  }

  private static boolean exists(Connection c, String sql, UUID id) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      select.setObject(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }
}
