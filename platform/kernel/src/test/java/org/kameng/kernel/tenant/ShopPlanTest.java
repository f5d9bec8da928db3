package org.kameng.kernel.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.catalog.ProductDraft;
import org.kameng.kernel.catalog.Products;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

class ShopPlanTest {

  private final TestDatabase db = TestDatabase.get();
  private final Transactions tx = db.transactions();
  private final TenantId shop = db.newTenant();

  private ShopPlan.Plan change(ShopPlan.PlanChange change) {
    return tx.inTenant(shop, c -> ShopPlan.change(c, shop, change, "platform:admin")).orElseThrow();
  }

  private void product(String name) {
    tx.inTenant(shop, c -> Products.create(c, shop, new ProductDraft(null, name, "", "CARD_KEY")));
  }

  @Test
  void productsStopAtThePlansLimitEvenWhenCreatedConcurrently() throws Exception {
    change(new ShopPlan.PlanChange(null, 3, null, null, null, null));
    product("first");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String name = "racer " + i;
      results.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  product(name);
                  return true;
                } catch (QuotaExceededException e) {
                  return false;
                }
              }));
    }
    start.countDown();
    int created = 0;
    for (Future<Boolean> result : results) {
      created += result.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(2, created, "exactly the room left under the limit");
    assertThrows(QuotaExceededException.class, () -> product("one too many"));
    change(new ShopPlan.PlanChange(null, null, null, null, null, Set.of("maxProducts")));
    product("no limit any more");
  }

  @Test
  void aChangeIsValidatedKeepsWhatItDoesNotNameAndIsAudited() {
    ShopPlan.Plan plan = change(new ShopPlan.PlanChange("pro", 10, 1000L, 3, 150, null));
    assertEquals(new ShopPlan.Plan("pro", 10, 1000L, 3, 150), plan);
    plan = change(new ShopPlan.PlanChange(null, null, null, null, 200, Set.of("maxStaff")));
    assertEquals("pro", plan.plan());
    assertNull(plan.maxStaff());
    assertEquals(200, plan.platformFeeBps());
    InvalidSignupException fee =
        assertThrows(
            InvalidSignupException.class,
            () -> change(new ShopPlan.PlanChange(null, null, null, null, 10_001, null)));
    assertEquals("platformFeeBps", fee.field());
    assertThrows(
        InvalidSignupException.class,
        () -> change(new ShopPlan.PlanChange("Bad Plan", null, null, null, null, null)));
    assertThrows(
        InvalidSignupException.class,
        () -> change(new ShopPlan.PlanChange(null, -1, null, null, null, null)));
    int audited =
        tx.platform(
            c -> {
              try (var select =
                  c.prepareStatement(
                      "SELECT count(*) FROM kameng.platform_audit WHERE target = ?"
                          + " AND action = 'shop.plan'")) {
                select.setString(1, "shop:" + shop);
                try (var rs = select.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            });
    assertEquals(2, audited);
  }
}
