package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * A payment row, locked for the rest of the transaction. {@code orderId} is null for a payment that
 * tops up a reseller's balance (ADR 0020).
 */
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
   * What recording a notice did: whether its provider event id was new, and whether the payment's
   * status changed to the notice's outcome.
   */
  record Recorded(boolean newEvent, boolean statusChanged) {}

  /**
   * Records the notice's provider event id under its unique key and, only if it is new, moves the
   * payment to the notice's outcome: SUCCEEDED from PENDING or FAILED (keeping the provider's
   * transaction id when one is given), FAILED from PENDING, no change for PENDING. One statement,
   * one round trip on every notify; a duplicate event changes nothing.
   */
  Recorded record(Connection c, TenantId tenant, PaymentNotice notice) throws SQLException {
    String[] from =
        switch (notice.outcome()) {
          case SUCCEEDED -> new String[] {"PENDING", "FAILED"};
          case FAILED -> new String[] {"PENDING"};
          case PENDING -> new String[0];
        };
    try (PreparedStatement record =
        c.prepareStatement(
            """
            WITH event AS (
              INSERT INTO kameng.payment_event (tenant_id, channel_config_id, provider_event_id,
                     payment_id, outcome, amount_minor, currency)
              VALUES (?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT DO NOTHING RETURNING 1),
            marked AS (
              UPDATE kameng.payment SET status = ?, updated_at = now(),
                     provider_reference = coalesce(?, provider_reference)
               WHERE id = ? AND status = ANY (?) AND EXISTS (SELECT 1 FROM event)
              RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM event), EXISTS (SELECT 1 FROM marked)
            """)) {
      record.setObject(1, tenant.value());
      record.setObject(2, channelConfigId);
      record.setString(3, notice.providerEventId());
      record.setObject(4, id);
      record.setString(5, notice.outcome().name());
      record.setLong(6, notice.amount().minorUnits());
      record.setString(7, notice.amount().currency());
      record.setString(8, notice.outcome().name());
      record.setString(
          9,
          notice.outcome() == PaymentNotice.Outcome.SUCCEEDED ? notice.providerReference() : null);
      record.setObject(10, id);
      record.setArray(11, c.createArrayOf("text", from));
      try (ResultSet rs = record.executeQuery()) {
        rs.next();
        return new Recorded(rs.getBoolean(1), rs.getBoolean(2));
      }
    }
  }
}
