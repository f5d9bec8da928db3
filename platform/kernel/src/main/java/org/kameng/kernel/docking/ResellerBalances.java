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
 * arrived or paid through a channel ({@link ResellerTopUps}), raises the balance, posts the ledger
 * and is audited, in one transaction. Orders draw it down with {@link #draw}, one conditional
 * UPDATE that cannot take a balance below zero.
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
    Money money = amount(amount, currency);
    if (note != null && (note.length() > 200 || !PlainText.isSingleLine(note))) {
      throw new InvalidDockingException(
          "note", "at most 200 characters, without control characters");
    }
    return credit(
        c,
        tenant,
        resellerId,
        money,
        note == null ? "reseller top-up" : "reseller top-up: " + note,
        actor,
        new FlatJson().put("note", note == null ? "" : note));
  }

  /**
   * A top-up amount in the reseller's currency, within the limits every top-up has.
   *
   * @throws InvalidDockingException naming {@code amount} if it is malformed or out of bounds
   */
  static Money amount(String amount, String currency) {
    Money money;
    try {
      money = Money.parse(amount == null ? "" : amount, currency);
    } catch (IllegalArgumentException e) {
      throw new InvalidDockingException("amount", "an amount in " + currency + " such as 500.00");
    }
    if (money.minorUnits() <= 0 || money.minorUnits() > MAX_TOP_UP_MINOR) {
      throw new InvalidDockingException("amount", "more than zero and at most 100000000.00");
    }
    return money;
  }

  /**
   * Raises the balance, posts the ledger and audits {@code reseller.top-up}: what every top-up
   * does, whether staff recorded it or a channel paid it.
   *
   * @param detail what the audit entry says besides amount and currency
   * @return the balance afterwards
   */
  static Money credit(
      Connection c,
      TenantId tenant,
      UUID resellerId,
      Money money,
      String memo,
      String actor,
      FlatJson detail)
      throws SQLException {
    long balance;
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.downstream_reseller SET balance_minor = balance_minor + ?,"
                + " updated_at = now() WHERE id = ? AND currency = ? RETURNING balance_minor")) {
      update.setLong(1, money.minorUnits());
      update.setObject(2, resellerId);
      update.setString(3, money.currency());
      try (ResultSet rs = update.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no reseller " + resellerId + " in " + money.currency());
        }
        balance = rs.getLong(1);
      }
    }
    Ledger.postResellerTopUp(c, tenant, resellerId, money, memo);
    AuditLog.record(
        c,
        tenant,
        actor,
        "reseller.top-up",
        "reseller:" + resellerId,
        detail.put("amount", money.toDecimalString()).put("currency", money.currency()).toString());
    return Money.of(balance, money.currency());
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
