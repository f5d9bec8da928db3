package org.kameng.server.admin;

import java.util.List;
import java.util.UUID;
import org.kameng.kernel.catalog.CatalogEntries;
import org.kameng.kernel.catalog.Fulfilment;

/**
 * The catalog as the admin API shows it. Amounts are decimal strings in the SKU's currency (e.g.
 * {@code "48.50"}), the same form the API accepts, so a client never handles minor units.
 */
public final class CatalogViews {

  private CatalogViews() {}

  /** From {@code minQuantity} units on, each unit costs {@code price}. */
  public record TierView(int minQuantity, String price) {}

  /** A SKU with its stock and tiers; {@code cost} is null if unknown. */
  public record SkuView(
      UUID id,
      String name,
      String price,
      String cost,
      String currency,
      int minQuantity,
      int maxQuantity,
      boolean visible,
      boolean loopKey,
      int lowStockThreshold,
      int position,
      CatalogEntries.Stock stock,
      List<TierView> tiers) {}

  /** A product with its SKUs and input fields. */
  public record ProductView(
      UUID id,
      UUID categoryId,
      String name,
      String description,
      Fulfilment fulfilment,
      boolean visible,
      int position,
      List<SkuView> skus,
      List<CatalogEntries.InputField> inputFields) {}

  /** The shop's whole catalog, hidden items included. */
  public record CatalogView(List<CatalogEntries.Category> categories, List<ProductView> products) {}

  static CatalogView catalog(CatalogEntries.Listing listing) {
    return new CatalogView(
        listing.categories(), listing.products().stream().map(CatalogViews::product).toList());
  }

  static ProductView product(CatalogEntries.Product p) {
    return new ProductView(
        p.id(),
        p.categoryId(),
        p.name(),
        p.description(),
        p.fulfilment(),
        p.visible(),
        p.position(),
        p.skus().stream().map(CatalogViews::sku).toList(),
        p.inputFields());
  }

  static SkuView sku(CatalogEntries.Sku s) {
    return new SkuView(
        s.id(),
        s.name(),
        s.price().toDecimalString(),
        s.cost() == null ? null : s.cost().toDecimalString(),
        s.price().currency(),
        s.minQuantity(),
        s.maxQuantity(),
        s.visible(),
        s.loopKey(),
        s.lowStockThreshold(),
        s.position(),
        s.stock(),
        tiers(s.tiers()));
  }

  static List<TierView> tiers(List<CatalogEntries.Tier> tiers) {
    return tiers.stream()
        .map(t -> new TierView(t.minQuantity(), t.price().toDecimalString()))
        .toList();
  }
}
