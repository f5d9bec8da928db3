package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.plugin.api.Money;

/** A payment row, locked for the rest of the transaction. */
record Payment(
    UUID id, UUID orderId, UUID channelConfigId, Money amount, String status, int feeBasisPoints) {

  /** Locks and reads the current tenant's payment, or returns null if there is none. */
  static Payment lock(Connection c, UUID paymentId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.order_id, p.channel_config_id, p.amount_minor, p.currency, p.status,"
                + " t.platform_fee_bps FROM kameng.payment p JOIN kameng.tenant t"
                + " ON t.id = p.tenant_id WHERE p.id = ? FOR UPDATE OF p")) {
      select.setObject(1, paymentId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Payment(
            paymentId,
            rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class),
            Money.of(rs.getLong(3), rs.getString(4)),
            rs.getString(5),
            rs.getInt(6));
      }
    }
  }

  /**
   * Marks the payment succeeded unless it already is, keeping the provider's transaction id when
   * one is given (same statement); true if this call did it.
   */
  boolean markSucceeded(Connection c, String providerReference) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.payment SET status = 'SUCCEEDED', updated_at = now(),"
                + " provider_reference = coalesce(?, provider_reference)"
                + " WHERE id = ? AND status IN ('PENDING', 'FAILED')")) {
      update.setString(1, providerReference);
      update.setObject(2, id);
      return update.executeUpdate() == 1;
    }
  }

  /** Marks a pending payment failed. */
  boolean markFailed(Connection c) throws SQLException {
    return update(c, "FAILED", "PENDING");
  }

  private boolean update(Connection c, String to, String... from) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.payment SET status = ?, updated_at = now()"
                + " WHERE id = ? AND status = ANY (?)")) {
      update.setString(1, to);
      update.setObject(2, id);
      update.setArray(3, c.createArrayOf("text", from));
      return update.executeUpdate() == 1;
    }
  }
}
