package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.order.InvalidOrderException;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * The built-in manual channel: the buyer pays the shop by other means and staff confirms it. The
 * confirmation goes through the same notice path as a provider's notify (same binding checks, one
 * event per payment), so a double click pays once, and it is audited with the staff member's name.
 */
public final class ConfirmManualPayment {

  /** The channel id of the built-in manual channel. */
  public static final String CHANNEL = "manual";

  private ConfirmManualPayment() {}

  /**
   * Confirms a pending payment of a manual channel, in the caller's tenant transaction.
   *
   * @throws InvalidOrderException if there is no such payment or it is not a manual one
   */
  public static NoticeResult confirm(Connection c, TenantId tenant, UUID paymentId, String staff)
      throws SQLException {
    UUID channelConfigId;
    Money amount;
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.channel_config_id, p.amount_minor, p.currency FROM kameng.payment p"
                + " JOIN kameng.channel_config cc"
                + " ON cc.tenant_id = p.tenant_id AND cc.id = p.channel_config_id"
                + " WHERE p.id = ? AND cc.channel = ?")) {
      select.setObject(1, paymentId);
      select.setString(2, CHANNEL);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new InvalidOrderException("paymentId", "no manual payment with this id");
        }
        channelConfigId = rs.getObject(1, UUID.class);
        amount = Money.of(rs.getLong(2), rs.getString(3));
      }
    }
    NoticeResult result =
        RecordPaymentNotice.recordIn(
            c,
            tenant,
            channelConfigId,
            paymentId,
            new PaymentNotice(
                paymentId.toString(),
                "manual:" + paymentId,
                PaymentNotice.Outcome.SUCCEEDED,
                amount));
    AuditLog.record(
        c,
        tenant,
        staff,
        "payment.confirm-manual",
        "payment:" + paymentId,
        new FlatJson().put("result", result.kind().name()).toString());
    return result;
  }
}
