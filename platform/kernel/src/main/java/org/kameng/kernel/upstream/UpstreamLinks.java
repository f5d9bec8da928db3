package org.kameng.kernel.upstream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.catalog.CatalogEntries.Product;
import org.kameng.kernel.catalog.CatalogEntries.Sku;
import org.kameng.kernel.catalog.CatalogItemNotFoundException;
import org.kameng.kernel.catalog.ProductDraft;
import org.kameng.kernel.catalog.Products;
import org.kameng.kernel.catalog.SkuDraft;
import org.kameng.kernel.catalog.Skus;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * Which upstream item an UPSTREAM SKU is bought as: a supplier configuration, the upstream's item
 * id and the unit cost recorded from the upstream's catalogue. The cost is the most a purchase may
 * pay per unit and what the ledger books against the sale. The link also keeps the SKU's {@link
 * Pricing}, which the sync re-prices it by: an import's markup, or a fixed price at the SKU's price
 * for a SKU linked by hand (staff priced it) or whose price staff later typed in. Runs in the
 * caller's tenant transaction.
 */
public final class UpstreamLinks {

  private UpstreamLinks() {}

  /**
   * A SKU's link, with the pricing rule the sync re-prices it by.
   *
   * @param markupKind {@code PERCENT}, {@code FIXED} or {@code FIXED_PRICE}
   * @param markupValue the rule's value as the API writes it ({@code "20"} percent, {@code "1.50"})
   * @param floorMargin the least the shop keeps per unit above the cost after the platform's fee
   */
  public record Link(
      UUID skuId,
      UUID supplierConfigId,
      String upstreamItemId,
      Money cost,
      String markupKind,
      String markupValue,
      Money floorMargin) {}

  /**
   * How an UPSTREAM SKU is priced from its upstream cost: a markup rule and a floor margin (minor
   * units) the price keeps above the cost after the platform's fee.
   */
  public record Pricing(Markup markup, long floorMarginMinor) {
    public Pricing {
      if (markup == null || floorMarginMinor < 0) {
        throw new IllegalArgumentException("not a pricing: " + markup + " " + floorMarginMinor);
      }
    }

    /**
     * Reads a floor margin as the API writes it, an amount such as {@code "0.50"}; none is 0.
     *
     * @throws InvalidSupplierException naming {@code floorMargin}
     */
    public static long parseFloorMargin(String value, String currency) {
      if (value == null || value.isBlank()) {
        return 0;
      }
      try {
        if (value.length() > 20) {
          throw new IllegalArgumentException();
        }
        long margin = Money.parse(value, currency).minorUnits();
        if (margin < 0) {
          throw new IllegalArgumentException();
        }
        return margin;
      } catch (IllegalArgumentException e) {
        throw new InvalidSupplierException(
            "floorMargin", "an amount in " + currency + " such as 0.50, not negative");
      }
    }
  }

  /**
   * An upstream item as the supplier's catalogue shows it, for import.
   *
   * @param upstreamId the upstream's item id
   * @param name the upstream's name
   * @param cost what the upstream charges this shop per unit
   */
  public record Item(String upstreamId, String name, Money cost) {}

  /** What an import created. */
  public record Imported(UUID productId, UUID skuId, Money price, Money cost) {}

  /**
   * Links an existing SKU of an UPSTREAM product to an upstream item, or moves its link.
   *
   * @throws CatalogItemNotFoundException if the shop has no such SKU or configuration
   * @throws InvalidSupplierException if the SKU's product is not UPSTREAM or the cost's currency is
   *     not the SKU's
   */
  public static Link link(
      Connection c, TenantId tenant, UUID skuId, UUID configId, Item item, String actor)
      throws SQLException {
    if (SupplierConfigs.revision(c, configId).isEmpty()) {
      throw new CatalogItemNotFoundException("supplier", configId);
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.fulfilment, s.currency FROM kameng.sku s JOIN kameng.product p"
                + " ON p.tenant_id = s.tenant_id AND p.id = s.product_id WHERE s.id = ?")) {
      select.setObject(1, skuId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new CatalogItemNotFoundException("sku", skuId);
        }
        if (!"UPSTREAM".equals(rs.getString(1))) {
          throw new InvalidSupplierException(
              "skuId", "only a SKU of an UPSTREAM product is bought");
        }
        if (!rs.getString(2).equals(item.cost().currency())) {
          throw new InvalidSupplierException(
              "upstreamItemId", "the upstream sells in " + item.cost().currency());
        }
      }
    }
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO kameng.upstream_link (tenant_id, sku_id, supplier_config_id,"
                + " upstream_item_id, cost_minor, currency, markup_kind, markup_value)"
                + " SELECT ?, ?, ?, ?, ?, ?, 'FIXED_PRICE', price_minor FROM kameng.sku"
                + " WHERE id = ? ON CONFLICT (tenant_id, sku_id) DO UPDATE SET"
                + " supplier_config_id = excluded.supplier_config_id,"
                + " upstream_item_id = excluded.upstream_item_id, cost_minor = excluded.cost_minor,"
                + " currency = excluded.currency, updated_at = now()")) {
      upsert.setObject(1, tenant.value());
      upsert.setObject(2, skuId);
      upsert.setObject(3, configId);
      upsert.setString(4, item.upstreamId());
      upsert.setLong(5, item.cost().minorUnits());
      upsert.setString(6, item.cost().currency());
      upsert.setObject(7, skuId);
      upsert.executeUpdate();
    }
    UpstreamSyncs.ensureScheduled(c, tenant, configId, UpstreamSyncs.EVERY);
    AuditLog.record(
        c,
        tenant,
        actor,
        "upstream.link",
        "sku:" + skuId,
        new FlatJson()
            .put("supplier", configId.toString())
            .put("upstreamItemId", item.upstreamId())
            .put("cost", item.cost().toDecimalString())
            .toString());
    return find(c, skuId).orElseThrow();
  }

  /**
   * Creates a local UPSTREAM product with one SKU for an upstream item, priced by {@code pricing}
   * (never below its floor, so never below the upstream cost), and links it with that rule, which
   * the sync re-prices by.
   */
  public static Imported importItem(
      Connection c,
      TenantId tenant,
      UUID configId,
      Item item,
      Pricing pricing,
      UUID categoryId,
      String actor)
      throws SQLException {
    if (SupplierConfigs.revision(c, configId).isEmpty()) {
      throw new CatalogItemNotFoundException("supplier", configId);
    }
    Money price =
        pricing.markup().price(item.cost(), pricing.floorMarginMinor(), feeBasisPoints(c));
    Product product =
        Products.create(c, tenant, new ProductDraft(categoryId, item.name(), "", "UPSTREAM"));
    Sku sku =
        Skus.create(
            c,
            tenant,
            product.id(),
            new SkuDraft(
                item.name().length() > 100 ? item.name().substring(0, 100) : item.name(),
                price.toDecimalString(),
                price.currency(),
                item.cost().toDecimalString(),
                null,
                null,
                false,
                null));
    link(c, tenant, sku.id(), configId, item, actor);
    // A fixed price raised to the floor is stored as the price the SKU got, so the rule shown is
    // the price sold at.
    store(
        c,
        sku.id(),
        pricing.markup().kind() == Markup.Kind.FIXED_PRICE
            ? new Pricing(
                new Markup(Markup.Kind.FIXED_PRICE, price.minorUnits()), pricing.floorMarginMinor())
            : pricing);
    return new Imported(product.id(), sku.id(), price, item.cost());
  }

  /**
   * Changes a linked SKU's pricing rule and prices the SKU by it at once, from the cost the link
   * recorded; audited as {@code upstream.pricing} with the old and new price. A fixed price below
   * the floor (or below one of the SKU's wholesale tier prices) is refused, not raised: staff named
   * that price. A markup's price is raised to the floor and to the highest wholesale tier price, as
   * the sync does.
   *
   * @throws CatalogItemNotFoundException if the SKU is not linked
   * @throws InvalidSupplierException naming {@code markupValue}
   */
  public static Link setPricing(
      Connection c, TenantId tenant, UUID skuId, Pricing pricing, String actor)
      throws SQLException {
    long cost;
    String currency;
    long oldPrice;
    long highestTier;
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT l.cost_minor, l.currency, s.price_minor,"
                + " (SELECT COALESCE(max(t.price_minor), 0) FROM kameng.wholesale_tier t"
                + " WHERE t.tenant_id = s.tenant_id AND t.sku_id = s.id)"
                + " FROM kameng.upstream_link l JOIN kameng.sku s"
                + " ON s.tenant_id = l.tenant_id AND s.id = l.sku_id"
                + " WHERE l.sku_id = ? FOR UPDATE OF l, s")) {
      select.setObject(1, skuId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new CatalogItemNotFoundException("upstream link of SKU", skuId);
        }
        cost = rs.getLong(1);
        currency = rs.getString(2);
        oldPrice = rs.getLong(3);
        highestTier = rs.getLong(4);
      }
    }
    int fee = feeBasisPoints(c);
    long floor = Markup.floor(cost, pricing.floorMarginMinor(), fee);
    Markup markup = pricing.markup();
    long price;
    if (markup.kind() == Markup.Kind.FIXED_PRICE) {
      if (markup.value() < floor) {
        throw new InvalidSupplierException(
            "markupValue",
            "below the floor of "
                + Money.of(floor, currency).toDecimalString()
                + " (the upstream cost plus the floor margin after the platform's fee)");
      }
      if (markup.value() < highestTier) {
        throw new InvalidSupplierException(
            "markupValue", "below one of the SKU's wholesale tier prices: change the tiers first");
      }
      price = markup.value();
    } else {
      price =
          Math.max(
              markup.price(Money.of(cost, currency), pricing.floorMarginMinor(), fee).minorUnits(),
              highestTier);
    }
    store(c, skuId, pricing);
    try (PreparedStatement update =
        c.prepareStatement("UPDATE kameng.sku SET price_minor = ? WHERE id = ?")) {
      update.setLong(1, price);
      update.setObject(2, skuId);
      update.executeUpdate();
    }
    AuditLog.record(
        c,
        tenant,
        actor,
        "upstream.pricing",
        "sku:" + skuId,
        new FlatJson()
            .put("markupKind", markup.kind().name())
            .put("markupValue", markup.valueText(currency))
            .put("floorMargin", Money.of(pricing.floorMarginMinor(), currency).toDecimalString())
            .put("from", Money.of(oldPrice, currency).toDecimalString())
            .put("to", Money.of(price, currency).toDecimalString())
            .toString());
    return find(c, skuId).orElseThrow();
  }

  /** The shop's platform fee, which the floor keeps the margin clear of. */
  static int feeBasisPoints(Connection c) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT platform_fee_bps FROM kameng.tenant WHERE id = kameng.current_tenant()");
        ResultSet rs = select.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static void store(Connection c, UUID skuId, Pricing pricing) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.upstream_link SET markup_kind = ?, markup_value = ?,"
                + " floor_margin_minor = ?, updated_at = now() WHERE sku_id = ?")) {
      update.setString(1, pricing.markup().kind().name());
      update.setLong(2, pricing.markup().value());
      update.setLong(3, pricing.floorMarginMinor());
      update.setObject(4, skuId);
      update.executeUpdate();
    }
  }

  /** The SKU's link, if it has one. */
  public static Optional<Link> find(Connection c, UUID skuId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT supplier_config_id, upstream_item_id, cost_minor, currency, markup_kind,"
                + " markup_value, floor_margin_minor FROM kameng.upstream_link WHERE sku_id = ?")) {
      select.setObject(1, skuId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String currency = rs.getString(4);
        return Optional.of(
            new Link(
                skuId,
                rs.getObject(1, UUID.class),
                rs.getString(2),
                Money.of(rs.getLong(3), currency),
                rs.getString(5),
                new Markup(Markup.Kind.valueOf(rs.getString(5)), rs.getLong(6)).valueText(currency),
                Money.of(rs.getLong(7), currency)));
      }
    }
  }
}
