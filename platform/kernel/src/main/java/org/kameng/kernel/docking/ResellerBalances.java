package org.kameng.kernel.docking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.kernel.text.PlainText;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * Downstream resellers' prepaid balances. A top-up, recorded by the shop's staff when the money
 * arrived, raises the balance, posts the ledger and is audited, in one transaction. Orders draw it
 * down with {@link #draw}, one conditional UPDATE that cannot take a balance below zero.
 */
public final class ResellerBalances {

  private static final long MAX_TOP_UP_MINOR = 100_000_000_00L;

  private ResellerBalances() {}

  /**
   * Records money a reseller paid in.
   *
   * @param amount a decimal amount in the reseller's currency, such as {@code "500.00"}
   * @param note what the staff member wants to remember (a bank reference), optional
   * @return the reseller's balance afterwards
   */
  public static Money topUp(
      Connection c, TenantId tenant, UUID resellerId, String amount, String note, String actor)
      throws SQLException {
    DownstreamResellers.Reseller reseller =
        DownstreamResellers.find(c, resellerId)
            .orElseThrow(() -> new ResellerNotFoundException("No such reseller."));
    String currency = reseller.balance().currency();
    Money money;
    try {
      money = Money.parse(amount == null ? "" : amount, currency);
    } catch (IllegalArgumentException e) {
      throw new InvalidDockingException("amount", "an amount in " + currency + " such as 500.00");
    }
    if (money.minorUnits() <= 0 || money.minorUnits() > MAX_TOP_UP_MINOR) {
      throw new InvalidDockingException("amount", "more than zero and at most 100000000.00");
    }
    if (note != null && (note.length() > 200 || !PlainText.isSingleLine(note))) {
      throw new InvalidDockingException(
          "note", "at most 200 characters, without control characters");
    }
    long balance;
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.downstream_reseller SET balance_minor = balance_minor + ?,"
                + " updated_at = now() WHERE id = ? RETURNING balance_minor")) {
      update.setLong(1, money.minorUnits());
      update.setObject(2, resellerId);
      try (ResultSet rs = update.executeQuery()) {
        rs.next();
        balance = rs.getLong(1);
      }
    }
    Ledger.postResellerTopUp(
        c,
        tenant,
        resellerId,
        money,
        note == null ? "reseller top-up" : "reseller top-up: " + note);
    AuditLog.record(
        c,
        tenant,
        actor,
        "reseller.top-up",
        "reseller:" + resellerId,
        new FlatJson()
            .put("amount", money.toDecimalString())
            .put("currency", currency)
            .put("note", note == null ? "" : note)
            .toString());
    return Money.of(balance, currency);
  }

  /**
   * Takes {@code amount} from an active reseller's balance if it covers it. Concurrent draws queue
   * on the reseller's row; each sees the balance the previous one left.
   *
   * @return false if the balance is short (or the reseller suspended): nothing was taken
   */
  static boolean draw(Connection c, UUID resellerId, Money amount) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.downstream_reseller SET balance_minor = balance_minor - ?,"
                + " updated_at = now()"
                + " WHERE id = ? AND status = 'ACTIVE' AND currency = ? AND balance_minor >= ?")) {
      update.setLong(1, amount.minorUnits());
      update.setObject(2, resellerId);
      update.setString(3, amount.currency());
      update.setLong(4, amount.minorUnits());
      return update.executeUpdate() == 1;
    }
  }
}
