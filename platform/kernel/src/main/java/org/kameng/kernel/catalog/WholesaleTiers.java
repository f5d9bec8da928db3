package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kameng.kernel.catalog.CatalogEntries.Tier;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * The wholesale tiers of a SKU: from a quantity on, a lower unit price. Replaced as a whole, so the
 * staff's form is the single source of the tiers and no stale tier survives an edit.
 */
public final class WholesaleTiers {

  private static final int MAX_TIERS = 20;

  private WholesaleTiers() {}

  /**
   * Replaces the SKU's tiers with {@code drafts}: quantities from 2 and strictly increasing, prices
   * not above the SKU's price. An empty list removes every tier.
   */
  public static List<Tier> replace(
      Connection c, TenantId tenant, UUID skuId, List<TierDraft> drafts) throws SQLException {
    Skus.SkuRow sku = Skus.SkuRow.locked(c, tenant, skuId);
    List<Tier> tiers = checked(drafts, Money.of(sku.priceMinor(), sku.currency()));
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM kameng.wholesale_tier WHERE tenant_id = ? AND sku_id = ?")) {
      delete.setObject(1, tenant.value());
      delete.setObject(2, skuId);
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.wholesale_tier (tenant_id, sku_id, min_quantity, price_minor)"
                + " VALUES (?, ?, ?, ?)")) {
      for (Tier tier : tiers) {
        insert.setObject(1, tenant.value());
        insert.setObject(2, skuId);
        insert.setInt(3, tier.minQuantity());
        insert.setLong(4, tier.price().minorUnits());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return tiers;
  }

  private static List<Tier> checked(List<TierDraft> drafts, Money skuPrice) {
    if (drafts == null) {
      throw new InvalidCatalogException("tiers", "required; an empty list removes every tier");
    }
    if (drafts.size() > MAX_TIERS) {
      throw new InvalidCatalogException("tiers", "at most " + MAX_TIERS + " tiers");
    }
    List<Tier> tiers = new ArrayList<>();
    int previous = 1;
    for (int i = 0; i < drafts.size(); i++) {
      String at = "tiers[" + i + "]";
      TierDraft draft = drafts.get(i);
      if (draft == null) {
        throw new InvalidCatalogException(at, "required");
      }
      int quantity =
          Rules.number(at + ".minQuantity", draft.minQuantity(), 0, 2, SkuRules.MAX_QUANTITY);
      if (quantity <= previous) {
        throw new InvalidCatalogException(
            at + ".minQuantity", "must be greater than the tier before (" + previous + ")");
      }
      Money price = Rules.amount(at + ".price", draft.price(), skuPrice.currency());
      if (price.minorUnits() > skuPrice.minorUnits()) {
        throw new InvalidCatalogException(
            at + ".price", "must not be above the SKU's price, " + skuPrice.toDecimalString());
      }
      tiers.add(new CatalogEntries.Tier(quantity, price));
      previous = quantity;
    }
    return tiers;
  }
}
