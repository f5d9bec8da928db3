package org.kameng.kernel.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.kameng.kernel.ledger.Account;
import org.kameng.kernel.ledger.Ledger;

/** A shop's figures for the platform admin, read in the shop's own transaction. */
public record ShopFigures(
    Map<String, Long> ordersByStatus,
    Map<String, Long> revenueByCurrency,
    long products,
    long availableKeys) {

  /** The figures of the tenant whose transaction {@code c} is in. */
  public static ShopFigures read(Connection c) throws SQLException {
    Map<String, Long> orders = new TreeMap<>();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT status, count(*) FROM kameng.customer_order GROUP BY status");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        orders.put(rs.getString(1), rs.getLong(2));
      }
    }
    Map<String, Long> revenue = new TreeMap<>();
    for (Ledger.Balance balance : Ledger.balances(c)) {
      if (balance.account() == Account.TENANT_REVENUE) {
        revenue.put(balance.currency(), balance.minorUnits());
      }
    }
    return new ShopFigures(
        orders,
        revenue,
        count(c, "SELECT count(*) FROM kameng.product"),
        count(c, "SELECT count(*) FROM kameng.card_key WHERE status = 'AVAILABLE'"));
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql);
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
