package org.kameng.kernel.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/** Posts balanced entries to a tenant's ledger, in the caller's transaction. */
public final class Ledger {

  private Ledger() {}

  /**
   * Posts a buyer's payment for an order: the amount received, split into the platform's fee at
   * {@code feeBasisPoints} (rounded half up to the minor unit) and the shop's revenue.
   *
   * @return the posting's id
   */
  public static UUID postPayment(
      Connection c, TenantId tenant, UUID orderId, Money amount, int feeBasisPoints)
      throws SQLException {
    long fee = platformFee(amount.minorUnits(), feeBasisPoints);
    Map<Account, Long> entries = new EnumMap<>(Account.class);
    entries.put(Account.BUYER_PAYMENTS, -amount.minorUnits());
    entries.put(Account.PLATFORM_FEES, fee);
    entries.put(Account.TENANT_REVENUE, amount.minorUnits() - fee);
    return post(c, tenant, orderId, null, amount.currency(), entries, "payment received");
  }

  /**
   * Posts the return of a buyer's payment: the shop's revenue and the platform's fee taken back,
   * the amount paid out through {@code REFUNDS}. Mirrors {@link #postPayment}.
   */
  public static UUID postRefund(
      Connection c, TenantId tenant, UUID orderId, Money amount, int feeBasisPoints)
      throws SQLException {
    long fee = platformFee(amount.minorUnits(), feeBasisPoints);
    Map<Account, Long> entries = new EnumMap<>(Account.class);
    entries.put(Account.REFUNDS, amount.minorUnits());
    entries.put(Account.PLATFORM_FEES, -fee);
    entries.put(Account.TENANT_REVENUE, -(amount.minorUnits() - fee));
    return post(c, tenant, orderId, null, amount.currency(), entries, "payment refunded");
  }

  /**
   * Posts what an upstream supplier charged for a sale's goods: the cost taken out of the shop's
   * revenue, so TENANT_REVENUE keeps the margin and UPSTREAM_COSTS shows what went upstream.
   */
  public static UUID postUpstreamCost(Connection c, TenantId tenant, UUID orderId, Money cost)
      throws SQLException {
    Map<Account, Long> entries = new EnumMap<>(Account.class);
    entries.put(Account.UPSTREAM_COSTS, cost.minorUnits());
    entries.put(Account.TENANT_REVENUE, -cost.minorUnits());
    return post(c, tenant, orderId, null, cost.currency(), entries, "upstream cost");
  }

  /**
   * Posts a downstream reseller's top-up: the money received, owed back to the reseller as credit.
   */
  public static UUID postResellerTopUp(
      Connection c, TenantId tenant, UUID resellerId, Money amount, String memo)
      throws SQLException {
    Map<Account, Long> entries = new EnumMap<>(Account.class);
    entries.put(Account.RESELLER_DEPOSITS, -amount.minorUnits());
    entries.put(Account.RESELLER_CREDIT, amount.minorUnits());
    return post(c, tenant, null, resellerId, amount.currency(), entries, memo);
  }

  /**
   * Posts an order a downstream reseller paid from its balance: the credit drawn down, split into
   * the platform's fee and the shop's revenue like a buyer's payment.
   */
  public static UUID postResellerDraw(
      Connection c, TenantId tenant, UUID resellerId, UUID orderId, Money amount, int feeBps)
      throws SQLException {
    long fee = platformFee(amount.minorUnits(), feeBps);
    Map<Account, Long> entries = new EnumMap<>(Account.class);
    entries.put(Account.RESELLER_CREDIT, -amount.minorUnits());
    entries.put(Account.PLATFORM_FEES, fee);
    entries.put(Account.TENANT_REVENUE, amount.minorUnits() - fee);
    return post(
        c, tenant, orderId, resellerId, amount.currency(), entries, "reseller balance draw");
  }

  /**
   * Posts the refund of an order a downstream reseller paid from its balance: the credit given
   * back, the platform's fee and the shop's revenue taken back. Mirrors {@link #postResellerDraw}.
   */
  public static UUID postResellerRefund(
      Connection c, TenantId tenant, UUID resellerId, UUID orderId, Money amount, int feeBps)
      throws SQLException {
    long fee = platformFee(amount.minorUnits(), feeBps);
    Map<Account, Long> entries = new EnumMap<>(Account.class);
    entries.put(Account.RESELLER_CREDIT, amount.minorUnits());
    entries.put(Account.PLATFORM_FEES, -fee);
    entries.put(Account.TENANT_REVENUE, -(amount.minorUnits() - fee));
    return post(
        c, tenant, orderId, resellerId, amount.currency(), entries, "reseller balance refund");
  }

  /** A downstream reseller's credit with the shop: the sum of its RESELLER_CREDIT entries. */
  public static long resellerCredit(Connection c, UUID resellerId, String currency)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT coalesce(sum(amount_minor), 0) FROM kameng.ledger_entry"
                + " WHERE reseller_id = ? AND account = 'RESELLER_CREDIT' AND currency = ?")) {
      select.setObject(1, resellerId);
      select.setString(2, currency);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The platform's fee on an amount, rounded half up; never more than the amount. */
  public static long platformFee(long amountMinor, int feeBasisPoints) {
    if (feeBasisPoints < 0 || feeBasisPoints > 10_000) {
      throw new IllegalArgumentException("fee must be 0..10000 basis points");
    }
    return Math.multiplyExact(amountMinor, feeBasisPoints) / 10_000
        + (Math.multiplyExact(amountMinor, feeBasisPoints) % 10_000 >= 5_000 ? 1 : 0);
  }

  /** One account's balance in one currency. */
  public record Balance(Account account, String currency, long minorUnits) {}

  /** Every account's balance in every currency, derived from the entries. */
  public static java.util.List<Balance> balances(Connection c) throws SQLException {
    java.util.List<Balance> balances = new java.util.ArrayList<>();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT account, currency, sum(amount_minor) FROM kameng.ledger_entry"
                    + " GROUP BY account, currency ORDER BY currency, account");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        balances.add(new Balance(Account.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)));
      }
    }
    return balances;
  }

  /** The balance of one account in one currency: the sum of its entries. */
  public static long balance(Connection c, Account account, String currency) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT coalesce(sum(amount_minor), 0) FROM kameng.ledger_entry"
                + " WHERE account = ? AND currency = ?")) {
      select.setString(1, account.name());
      select.setString(2, currency);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static UUID post(
      Connection c,
      TenantId tenant,
      UUID orderId,
      UUID resellerId,
      String currency,
      Map<Account, Long> entries,
      String memo)
      throws SQLException {
    long sum = entries.values().stream().mapToLong(Long::longValue).sum();
    if (sum != 0) {
      throw new IllegalStateException("unbalanced posting: " + entries);
    }
    UUID postingId = UUID.randomUUID();
    // One multi-row INSERT: a posting is written in one round trip.
    String rows =
        String.join(
            ", ", java.util.Collections.nCopies(entries.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"));
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.ledger_entry (tenant_id, posting_id, order_id, account,"
                + " amount_minor, currency, memo, reseller_id) VALUES "
                + rows)) {
      int i = 0;
      for (Map.Entry<Account, Long> entry : entries.entrySet()) {
        insert.setObject(++i, tenant.value());
        insert.setObject(++i, postingId);
        insert.setObject(++i, orderId);
        insert.setString(++i, entry.getKey().name());
        insert.setLong(++i, entry.getValue());
        insert.setString(++i, currency);
        insert.setString(++i, memo);
        insert.setObject(++i, resellerId);
      }
      insert.executeUpdate();
    }
    return postingId;
  }
}
