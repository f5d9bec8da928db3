package org.kameng.kernel.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;
import org.kameng.kernel.catalog.CatalogEntries.Listing;
import org.kameng.kernel.tenancy.SqlWork;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** A fresh shop whose staff manage the catalog, one transaction per call, like the admin API. */
final class AdminShop {

  final TestDatabase db = TestDatabase.get();
  final TenantId tenant;
  final Transactions tx = db.transactions();

  /** A new, empty shop. */
  AdminShop() {
    this.tenant = db.newTenant();
  }

  /** The staff of an existing shop, e.g. one a {@code ShopFixture} stocked. */
  AdminShop(TenantId tenant) {
    this.tenant = tenant;
  }

  /** A change that returns nothing. */
  @FunctionalInterface
  interface Change {
    void apply(Connection c) throws SQLException;
  }

  <T> T run(SqlWork<T> work) {
    return tx.inTenant(tenant, work);
  }

  void change(Change change) {
    run(
        c -> {
          change.apply(c);
          return null;
        });
  }

  Listing listing() {
    return run(c -> AdminCatalog.list(c, tenant));
  }

  UUID category(String name) {
    return run(c -> Categories.create(c, tenant, new CategoryDraft(null, name))).id();
  }

  UUID product(String name, Fulfilment fulfilment) {
    return run(c -> Products.create(c, tenant, new ProductDraft(null, name, "", fulfilment.name())))
        .id();
  }

  UUID sku(UUID product, String price) {
    return run(c -> Skus.create(c, tenant, product, draft("Plain", price))).id();
  }

  static SkuDraft draft(String name, String price) {
    return new SkuDraft(name, price, null, null, null, null, null, null);
  }

  /**
   * Asserts that {@code change} is refused naming {@code field}, and that the catalog is exactly as
   * it was (the refusal wrote nothing).
   */
  void assertInvalid(String field, Executable change) {
    Listing before = listing();
    InvalidCatalogException refused = assertThrows(InvalidCatalogException.class, change);
    assertEquals(field, refused.field(), refused.getMessage());
    assertEquals(before, listing(), "a refused change wrote something");
  }

  /** Asserts that {@code change} is refused as a conflict and wrote nothing. */
  CatalogConflictException assertConflict(Executable change) {
    Listing before = listing();
    CatalogConflictException refused = assertThrows(CatalogConflictException.class, change);
    assertEquals(before, listing(), "a refused change wrote something");
    return refused;
  }
}
