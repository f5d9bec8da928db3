package org.kameng.kernel.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.catalog.Categories;
import org.kameng.kernel.catalog.CategoryDraft;
import org.kameng.kernel.catalog.ProductDraft;
import org.kameng.kernel.catalog.Products;
import org.kameng.kernel.catalog.SkuDraft;
import org.kameng.kernel.catalog.Skus;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/** A fresh shop with one card-key product, set up the way the admin API would. */
public final class ShopFixture {

  public final TestDatabase db;
  public final TenantId tenant;
  public final UUID productId;
  public final UUID skuId;
  public final UUID manualChannelId;

  private ShopFixture(TestDatabase db, TenantId tenant, UUID productId, UUID skuId, UUID channel) {
    this.db = db;
    this.tenant = tenant;
    this.productId = productId;
    this.skuId = skuId;
    this.manualChannelId = channel;
  }

  /** A shop selling "Game card / 100 points" at {@code priceMinor} CNY. */
  public static ShopFixture withCardKeyProduct(long priceMinor) {
    TestDatabase db = TestDatabase.get();
    TenantId tenant = db.newTenant();
    UUID[] ids =
        db.transactions()
            .inTenant(
                tenant,
                c -> {
                  UUID category =
                      Categories.create(c, tenant, new CategoryDraft(null, "Game cards")).id();
                  UUID product =
                      Products.create(
                              c, tenant, new ProductDraft(category, "Game card", "", "CARD_KEY"))
                          .id();
                  String price = Money.of(priceMinor, "CNY").toDecimalString();
                  UUID sku =
                      Skus.create(
                              c,
                              tenant,
                              product,
                              new SkuDraft("100 points", price, "CNY", null, 1, 100, false, 0))
                          .id();
                  return new UUID[] {product, sku, insertManualChannel(c, tenant)};
                });
    return new ShopFixture(db, tenant, ids[0], ids[1], ids[2]);
  }

  /** Adds {@code count} card keys named {@code prefix-0 ...} to the SKU. */
  public void addKeys(String prefix, int count) {
    db.transactions()
        .inTenant(
            tenant,
            c -> {
              TenantCipher cipher = db.dataKeys().forTenant(c, tenant);
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO kameng.card_key (tenant_id, sku_id, fingerprint, secret,"
                          + " key_version) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                  String key = prefix + "-" + i;
                  insert.setObject(1, tenant.value());
                  insert.setObject(2, skuId);
                  insert.setBytes(3, cipher.fingerprint(key));
                  insert.setBytes(4, cipher.seal(key));
                  insert.setInt(5, cipher.version());
                  insert.addBatch();
                }
                insert.executeBatch();
              }
              return null;
            });
  }

  /**
   * Adds a configuration of channel {@code channel} (a plugin's id, such as {@code payment-epay}):
   * enough for the kernel, which never calls the plugin itself.
   */
  public UUID addChannel(String channel, boolean enabled) {
    UUID id = UUID.randomUUID();
    db.transactions()
        .inTenant(
            tenant,
            c -> {
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO kameng.channel_config (tenant_id, id, channel, name, enabled)"
                          + " VALUES (?, ?, ?, ?, ?)")) {
                insert.setObject(1, tenant.value());
                insert.setObject(2, id);
                insert.setString(3, channel);
                insert.setString(4, channel);
                insert.setBoolean(5, enabled);
                insert.executeUpdate();
              }
              return null;
            });
    return id;
  }

  private static UUID insertManualChannel(Connection c, TenantId tenant) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.channel_config (tenant_id, id, channel, name)"
                + " VALUES (?, ?, 'manual', 'Pay the shop directly')")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.executeUpdate();
    }
    return id;
  }
}
