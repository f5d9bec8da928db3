package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.order.InvalidOrderException;
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
    Money total;
    try (PreparedStatement order =
        c.prepareStatement(
            "SELECT total_minor, currency FROM kameng.customer_order"
                + " WHERE id = ? AND status = 'PENDING_PAYMENT' AND reserved_until > now()")) {
      order.setObject(1, orderId);
      try (ResultSet rs = order.executeQuery()) {
        if (!rs.next()) {
          throw new InvalidOrderException("orderId", "this order is not awaiting payment");
        }
        total = Money.of(rs.getLong(1), rs.getString(2));
      }
    }
    String channel;
    try (PreparedStatement config =
        c.prepareStatement("SELECT channel FROM kameng.channel_config WHERE id = ? AND enabled")) {
      config.setObject(1, channelConfigId);
      try (ResultSet rs = config.executeQuery()) {
        if (!rs.next()) {
          throw new InvalidOrderException("channel", "no such payment channel in this shop");
        }
        channel = rs.getString(1);
      }
    }
    UUID paymentId = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.payment (tenant_id, id, order_id, channel_config_id,"
                + " amount_minor, currency, status) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, paymentId);
      insert.setObject(3, orderId);
      insert.setObject(4, channelConfigId);
      insert.setLong(5, total.minorUnits());
      insert.setString(6, total.currency());
      insert.executeUpdate();
    }
    return new Started(paymentId, channel, total);
  }
}
