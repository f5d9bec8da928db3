package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments still waiting for the provider's word, for the queries that reconcile them. */
public final class PendingPayments {

  private PendingPayments() {}

  /**
   * A payment still pending through a plugin channel.
   *
   * @param channel the plugin's channel id
   */
  public record Pending(
      UUID paymentId, UUID channelConfigId, String channel, OffsetDateTime startedAt) {}

  /** The payment, if it is still pending and went through a plugin channel. */
  public static Optional<Pending> find(Connection c, UUID paymentId) throws SQLException {
    List<Pending> found = select(c, "p.id = ?", paymentId);
    return found.stream().findFirst();
  }

  /** An order's pending plugin payments, oldest first. */
  public static List<Pending> ofOrder(Connection c, UUID orderId) throws SQLException {
    return select(c, "p.order_id = ?", orderId);
  }

  private static List<Pending> select(Connection c, String where, UUID id) throws SQLException {
    List<Pending> found = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.id, p.channel_config_id, cc.channel, p.created_at FROM kameng.payment p"
                + " JOIN kameng.channel_config cc ON cc.id = p.channel_config_id"
                + " WHERE "
                + where
                + " AND p.status = 'PENDING' AND cc.channel <> ?"
                + " ORDER BY p.created_at")) {
      select.setObject(1, id);
      select.setString(2, ConfirmManualPayment.CHANNEL);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          found.add(
              new Pending(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getObject(4, OffsetDateTime.class)));
        }
      }
    }
    return found;
  }
}
