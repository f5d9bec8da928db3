package org.kameng.kernel.bench;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.kameng.kernel.catalog.Categories;
import org.kameng.kernel.catalog.CategoryDraft;
import org.kameng.kernel.catalog.ProductDraft;
import org.kameng.kernel.catalog.Products;
import org.kameng.kernel.catalog.SkuDraft;
import org.kameng.kernel.catalog.Skus;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.crypto.MasterKey;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.kernel.payment.ChannelConfigs;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.ShopSignup;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/**
 * The shop of the HTTP-level P1 benchmark ({@code ./kameng bench checkout-http}): a shop opened
 * through the kernel's sign-up with one card-key product at 10.00 CNY, {@code keys} card keys, and
 * a sandbox payment channel with a fresh signing secret. Keys and the channel's secret are sealed
 * under the server's master key ({@code KAMENG_MASTER_KEY}), so the server can reveal the keys it
 * delivers. Migrates the database first, as every kernel benchmark does.
 *
 * <p>Prints {@code name=value} lines (tenant, slug, sku, channel, secret) for the run script.
 */
public final class CheckoutHttpSeed {

  private CheckoutHttpSeed() {}

  public static void main(String[] args) {
    String slug = args.length > 0 ? args[0] : "bench";
    int keys = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Transactions tx = TestDatabase.get().transactions();
    DataKeys dataKeys = new DataKeys(MasterKey.fromBase64(System.getenv("KAMENG_MASTER_KEY")));
    TenantId tenant = new TenantId(UUID.randomUUID());
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String secret = HexFormat.of().formatHex(random);
    UUID[] ids =
        tx.inTenant(
            tenant,
            c -> {
              ShopSignup.open(c, tenant, slug, "Bench " + slug);
              UUID category =
                  Categories.create(c, tenant, new CategoryDraft(null, "Game cards")).id();
              UUID product =
                  Products.create(
                          c, tenant, new ProductDraft(category, "Game card", "", "CARD_KEY"))
                      .id();
              UUID sku =
                  Skus.create(
                          c,
                          tenant,
                          product,
                          new SkuDraft("100 points", "10.00", "CNY", null, 1, 100, false, 0))
                      .id();
              Products.setVisible(c, tenant, product, true);
              UUID channel =
                  ChannelConfigs.create(
                          c,
                          dataKeys.forTenant(c, tenant),
                          "payment-sandbox",
                          "Sandbox",
                          Map.of(),
                          Map.of("signingSecret", secret),
                          "bench")
                      .id();
              return new UUID[] {sku, channel};
            });
    for (int done = 0; done < keys; done += 10_000) {
      int from = done;
      int count = Math.min(10_000, keys - done);
      tx.inTenant(
          tenant,
          c -> {
            TenantCipher cipher = dataKeys.forTenant(c, tenant);
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO kameng.card_key (tenant_id, sku_id, fingerprint, secret,"
                        + " key_version) VALUES (?, ?, ?, ?, ?)")) {
              for (int i = from; i < from + count; i++) {
                String key = "BENCH-" + slug + "-" + i;
                insert.setObject(1, tenant.value());
                insert.setObject(2, ids[0]);
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
    System.out.println("tenant=" + tenant.value());
    System.out.println("slug=" + slug);
    System.out.println("sku=" + ids[0]);
    System.out.println("channel=" + ids[1]);
    System.out.println("secret=" + secret);
  }
}
