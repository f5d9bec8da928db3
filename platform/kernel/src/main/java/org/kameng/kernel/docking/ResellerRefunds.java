package org.kameng.kernel.docking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * The refund of an order a downstream reseller placed through the reseller API and paid from its
 * prepaid balance: the money goes back to that balance, in the refunding transaction, with the
 * ledger's reversal of the draw. Orders paid through a payment channel are not this class's.
 */
public final class ResellerRefunds {

  private ResellerRefunds() {}

  /**
   * Credits a refunded order's balance draw back to its reseller. Called once the order has moved
   * to REFUNDED in the caller's transaction (the move is conditional, so a second refund of the
   * order never gets here); the amount is what the ledger still shows drawn for the order, so even
   * a second call credits nothing.
   *
   * @return the amount credited back, or null if the order was not paid from a reseller's balance
   *     (or was already credited back)
   */
  public static Money creditBack(Connection c, TenantId tenant, UUID orderId, String actor)
      throws SQLException {
    UUID resellerId;
    long drawn;
    String currency;
    // What the order still owes the reseller: its draws less any credit back, from the ledger.
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT e.reseller_id, -sum(e.amount_minor), e.currency FROM kameng.ledger_entry e"
                + " WHERE e.order_id = ? AND e.account = 'RESELLER_CREDIT'"
                + " AND e.reseller_id IS NOT NULL GROUP BY e.reseller_id, e.currency")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        resellerId = rs.getObject(1, UUID.class);
        drawn = rs.getLong(2);
        currency = rs.getString(3);
      }
    }
    if (drawn <= 0) {
      return null;
    }
    Money amount = Money.of(drawn, currency);
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.downstream_reseller SET balance_minor = balance_minor + ?,"
                + " updated_at = now() WHERE id = ? AND currency = ?")) {
      update.setLong(1, drawn);
      update.setObject(2, resellerId);
      update.setString(3, currency);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException(
            "reseller " + resellerId + " has no " + currency + " balance");
      }
    }
    Ledger.postResellerRefund(c, tenant, resellerId, orderId, amount, PlaceResellerOrder.feeBps(c));
    AuditLog.record(
        c,
        tenant,
        actor,
        "reseller.refund",
        "order:" + orderId,
        new FlatJson()
            .put("reseller", resellerId.toString())
            .put("amount", amount.toDecimalString())
            .put("currency", currency)
            .toString());
    // A reseller that asked for callbacks hears of the refund like of any final state.
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT 1 FROM kameng.reseller_order WHERE order_id = ? AND callback_url IS NOT NULL")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        if (rs.next()) {
          ResellerCallbacks.schedule(c, tenant, orderId, 0, Instant.EPOCH);
        }
      }
    }
    return amount;
  }
}
