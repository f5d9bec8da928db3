package org.kameng.kernel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kameng.kernel.catalog.Categories;
import org.kameng.kernel.catalog.CategoryDraft;
import org.kameng.kernel.catalog.ProductDraft;
import org.kameng.kernel.catalog.Products;
import org.kameng.kernel.catalog.SkuDraft;
import org.kameng.kernel.catalog.Skus;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.ShopSignup;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/**
 * The shop of the P4 storefront benchmark ({@code ./kameng bench storefront}): a shop opened
 * through the kernel's sign-up, with 5 categories and {@code products} visible products of one SKU
 * each, made through the same use cases the admin API calls (so the rows, positions and indexes are
 * what a reseller's catalog has). Migrates the database first, as every kernel benchmark does.
 *
 * <p>Prints {@code slug=<slug>} and {@code product=<id>} (the product in the middle of the list,
 * the one measured) for the run script.
 */
public final class StorefrontSeed {

  private StorefrontSeed() {}

  public static void main(String[] args) {
    String slug = args.length > 0 ? args[0] : "bench";
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Transactions tx = TestDatabase.get().transactions();
    TenantId tenant = new TenantId(UUID.randomUUID());
    tx.inTenant(
        tenant,
        c -> {
          ShopSignup.open(c, tenant, slug, "Bench " + slug);
          return null;
        });
    List<UUID> categories = new ArrayList<>();
    tx.inTenant(
        tenant,
        c -> {
          for (int i = 1; i <= 5; i++) {
            categories.add(
                Categories.create(c, tenant, new CategoryDraft(null, "Category " + i + " 分类"))
                    .id());
          }
          return null;
        });
    UUID measured = null;
    // Batches of 100 products per transaction: the seed takes seconds, not minutes.
    for (int from = 1; from <= count; from += 100) {
      int first = from;
      List<UUID> made =
          tx.inTenant(
              tenant,
              c -> {
                List<UUID> ids = new ArrayList<>();
                for (int i = first; i < first + 100 && i <= count; i++) {
                  UUID product =
                      Products.create(
                              c,
                              tenant,
                              new ProductDraft(
                                  categories.get(i % categories.size()),
                                  "Game card " + i + " 游戏点卡",
                                  "Delivered at once. Product " + i + ".",
                                  "MANUAL"))
                          .id();
                  Skus.create(
                      c,
                      tenant,
                      product,
                      new SkuDraft(
                          "100 points", (i % 90 + 10) + ".50", "CNY", null, 1, 10, false, 0));
                  Products.setVisible(c, tenant, product, true);
                  ids.add(product);
                }
                return ids;
              });
      for (int i = 0; i < made.size(); i++) {
        if (first + i == Math.max(1, count / 2)) {
          measured = made.get(i);
        }
      }
    }
    System.out.println("slug=" + slug);
    System.out.println("product=" + measured);
  }
}
