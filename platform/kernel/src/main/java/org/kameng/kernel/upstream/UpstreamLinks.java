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
 * pay per unit and what the ledger books against the sale. Runs in the caller's tenant transaction.
 */
public final class UpstreamLinks {

  private UpstreamLinks() {}

  /** A SKU's link. */
  public record Link(UUID skuId, UUID supplierConfigId, String upstreamItemId, Money cost) {}

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
                + " upstream_item_id, cost_minor, currency) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id, sku_id) DO UPDATE SET"
                + " supplier_config_id = excluded.supplier_config_id,"
                + " upstream_item_id = excluded.upstream_item_id, cost_minor = excluded.cost_minor,"
                + " currency = excluded.currency, updated_at = now()")) {
      upsert.setObject(1, tenant.value());
      upsert.setObject(2, skuId);
      upsert.setObject(3, configId);
      upsert.setString(4, item.upstreamId());
      upsert.setLong(5, item.cost().minorUnits());
      upsert.setString(6, item.cost().currency());
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
    return new Link(skuId, configId, item.upstreamId(), item.cost());
  }

  /**
   * Creates a local UPSTREAM product with one SKU for an upstream item, priced by {@code markup}
   * (never below the upstream cost), and links it.
   */
  public static Imported importItem(
      Connection c,
      TenantId tenant,
      UUID configId,
      Item item,
      Markup markup,
      UUID categoryId,
      String actor)
      throws SQLException {
    if (SupplierConfigs.revision(c, configId).isEmpty()) {
      throw new CatalogItemNotFoundException("supplier", configId);
    }
    Money price = markup.price(item.cost());
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
    return new Imported(product.id(), sku.id(), price, item.cost());
  }

  /** The SKU's link, if it has one. */
  public static Optional<Link> find(Connection c, UUID skuId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT supplier_config_id, upstream_item_id, cost_minor, currency"
                + " FROM kameng.upstream_link WHERE sku_id = ?")) {
      select.setObject(1, skuId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Link(
                    skuId,
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    Money.of(rs.getLong(3), rs.getString(4))))
            : Optional.empty();
      }
    }
  }
}
