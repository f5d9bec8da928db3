package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/** The checks a SKU draft must pass before it is written. */
final class SkuRules {

  /** The largest quantity of one order line. */
  static final int MAX_QUANTITY = 10_000;

  private SkuRules() {}

  /** The draft as a valid SKU in the shop's currency. */
  static NewSku checked(Connection c, TenantId tenant, SkuDraft draft) throws SQLException {
    Objects.requireNonNull(draft, "draft");
    String name = Rules.text("name", draft.name(), 1, 100);
    String currency = shopCurrency(c, tenant);
    if (draft.currency() != null && !draft.currency().equals(currency)) {
      throw new InvalidCatalogException("currency", "must be the shop's currency, " + currency);
    }
    Money price = Rules.amount("price", draft.price(), currency);
    Money cost = draft.cost() == null ? null : Rules.amount("cost", draft.cost(), currency);
    int min = Rules.number("minQuantity", draft.minQuantity(), 1, 1, MAX_QUANTITY);
    int max = Rules.number("maxQuantity", draft.maxQuantity(), 100, 1, MAX_QUANTITY);
    if (max < min) {
      throw new InvalidCatalogException(
          "maxQuantity", "must not be below minQuantity (" + min + ")");
    }
    int threshold =
        Rules.number("lowStockThreshold", draft.lowStockThreshold(), 0, 0, Integer.MAX_VALUE);
    boolean loopKey = Boolean.TRUE.equals(draft.loopKey());
    return new NewSku(name, price, cost, min, max, loopKey, threshold);
  }

  // The shop sells in one currency: orders, payments and the ledger all assume it.
  private static String shopCurrency(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT default_currency FROM kameng.tenant WHERE id = ?")) {
      select.setObject(1, tenant.value());
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no tenant " + tenant);
        }
        return rs.getString(1).strip();
      }
    }
  }
}
