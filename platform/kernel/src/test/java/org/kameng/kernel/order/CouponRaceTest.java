package org.kameng.kernel.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.ConnectionPerThread;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.marketing.CartSnapshot;
import org.kameng.plugin.api.marketing.PriceAdjustment;
import org.kameng.plugin.api.marketing.Proposal;
import org.kameng.plugin.api.marketing.Redemption;

/**
 * A coupon's use is taken atomically with its order: 100 buyers racing for a 10-use coupon get
 * exactly 10 discounted orders, and the 90 others are refused with nothing written. The same race
 * run against a naive read-then-write count must oversell, so the harness is known to bite.
 */
class CouponRaceTest {

  private static final int BUYERS = 100;
  private static final int THREADS = 24;
  private static final int USES = 10;

  /** A rule like marketing-coupons: 1.00 off with code SPRING, limited uses. */
  private static PriceRules spring(long maxUses, long perBuyer) {
    return cart -> {
      boolean entered = cart.promotionCodes().stream().anyMatch(c -> c.equalsIgnoreCase("spring"));
      Proposal proposal =
          entered
              ? new Proposal(
                  List.of(off(cart, 100, "CNY")),
                  List.of(
                      new Redemption(cart.promotionCodes().get(0), "SPRING", maxUses, perBuyer)))
              : Proposal.of(List.of());
      return new PriceRules.Answer(
          List.of(new PriceRules.Proposed("marketing-test", proposal)), List.of());
    };
  }

  private static PriceAdjustment off(CartSnapshot cart, long minor, String currency) {
    return new PriceAdjustment(
        cart.lines().get(0).lineRef(),
        Money.of(-minor, currency),
        "marketing-test:SPRING",
        "Spring");
  }

  private static long count(Transactions tx, ShopFixture shop, String sql) {
    return tx.inTenant(
        shop.tenant,
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql);
              ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private interface Attempt {
    void run(Transactions tx, int buyer) throws Exception;
  }

  /** Runs every buyer at once; returns how many attempts were refused over the coupon. */
  private static int race(ShopFixture shop, Attempt attempt) throws Exception {
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (ConnectionPerThread connections = new ConnectionPerThread(shop.db.appDataSource())) {
      Transactions tx = new Transactions(connections);
      List<Future<?>> done = new ArrayList<>();
      for (int n = 0; n < BUYERS; n++) {
        int buyer = n;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    attempt.run(tx, buyer);
                  } catch (InvalidPromotionException e) {
                    assertEquals("couponCode", e.field());
                    assertFalse(e.unavailable());
                    refused.incrementAndGet();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    }
    return refused.get();
  }

  @Test
  void aHundredBuyersOnATenUseCouponGetExactlyTenDiscountedOrders() throws Exception {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("race", BUYERS);
    int refused =
        race(
            shop,
            (tx, n) ->
                new PlaceOrder(tx, shop.db.dataKeys())
                    .place(
                        shop.tenant,
                        OrderRequest.of(shop.skuId, 1, "b" + n + "@x.cn").withCouponCode("spring"),
                        null,
                        spring(USES, 0)));
    Transactions tx = shop.db.transactions();
    assertEquals(BUYERS - USES, refused);
    assertEquals(USES, count(tx, shop, "SELECT count(*) FROM kameng.customer_order"));
    assertEquals(
        USES,
        count(tx, shop, "SELECT count(*) FROM kameng.customer_order WHERE total_minor = 900"));
    assertEquals(USES, count(tx, shop, "SELECT count(*) FROM kameng.promotion_use"));
    long counted = tx.inTenant(shop.tenant, c -> PromotionUses.uses(c, "marketing-test:SPRING"));
    assertEquals(USES, counted);
    // Refused buyers reserved nothing: every other key is still for sale.
    assertEquals(
        BUYERS - USES,
        count(tx, shop, "SELECT count(*) FROM kameng.card_key WHERE status = 'AVAILABLE'"));
  }

  @Test
  void theHarnessCatchesANaiveReadThenWriteCount() throws Exception {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("naive", BUYERS);
    List<UUID> orders = new ArrayList<>();
    for (int n = 0; n < BUYERS; n++) {
      orders.add(
          new PlaceOrder(shop.db.transactions())
              .place(shop.tenant, OrderRequest.of(shop.skuId, 1, "n" + n + "@x.cn"))
              .id());
    }
    int refused =
        race(shop, (tx, n) -> tx.inTenant(shop.tenant, c -> naiveTake(c, shop, orders.get(n))));
    long used = count(shop.db.transactions(), shop, "SELECT count(*) FROM kameng.promotion_use");
    assertTrue(
        used > USES, "the naive count should hand out more than " + USES + " uses, gave " + used);
    assertEquals(BUYERS - used, refused);
  }

  /** What the field does: read the count, then write it back plus one, with no lock. */
  private static Void naiveTake(Connection c, ShopFixture shop, UUID orderId) throws SQLException {
    try (PreparedStatement create =
        c.prepareStatement(
            "INSERT INTO kameng.promotion_counter (tenant_id, limit_key) VALUES (?, 'N')"
                + " ON CONFLICT DO NOTHING")) {
      create.setObject(1, shop.tenant.value());
      create.executeUpdate();
    }
    long uses;
    try (PreparedStatement read =
            c.prepareStatement("SELECT uses FROM kameng.promotion_counter WHERE limit_key = 'N'");
        ResultSet rs = read.executeQuery()) {
      rs.next();
      uses = rs.getLong(1);
    }
    if (uses >= USES) {
      throw new InvalidPromotionException("couponCode", "used up", false);
    }
    // The time a real request spends between its read and its write (rendering, a plugin call).
    try (PreparedStatement pause = c.prepareStatement("SELECT pg_sleep(0.01)")) {
      pause.execute();
    }
    try (PreparedStatement write =
        c.prepareStatement("UPDATE kameng.promotion_counter SET uses = ? WHERE limit_key = 'N'")) {
      write.setLong(1, uses + 1);
      write.executeUpdate();
    }
    try (PreparedStatement use =
        c.prepareStatement(
            "INSERT INTO kameng.promotion_use (tenant_id, order_id, limit_key, code, buyer_key)"
                + " VALUES (?, ?, 'N', 'N', 'b')")) {
      use.setObject(1, shop.tenant.value());
      use.setObject(2, orderId);
      use.executeUpdate();
    }
    return null;
  }

  @Test
  void theKernelsTakeUnderTheSameRaceGivesExactlyTheLimit() throws Exception {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("exact", BUYERS);
    List<UUID> orders = new ArrayList<>();
    for (int n = 0; n < BUYERS; n++) {
      orders.add(
          new PlaceOrder(shop.db.transactions())
              .place(shop.tenant, OrderRequest.of(shop.skuId, 1, "e" + n + "@x.cn"))
              .id());
    }
    int refused =
        race(
            shop,
            (tx, n) ->
                tx.inTenant(
                    shop.tenant,
                    c -> {
                      PromotionUses.take(c, shop.tenant, orders.get(n), "N", "N", "b" + n, USES, 0);
                      return null;
                    }));
    assertEquals(BUYERS - USES, refused);
    assertEquals(
        USES, count(shop.db.transactions(), shop, "SELECT count(*) FROM kameng.promotion_use"));
  }

  @Test
  void oneBuyerRacingThemselvesGetsThePerBuyerLimitOnly() throws Exception {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("mine", BUYERS);
    int refused =
        race(
            shop,
            (tx, n) ->
                new PlaceOrder(tx, shop.db.dataKeys())
                    .place(
                        shop.tenant,
                        // The same buyer, however they spell their address.
                        OrderRequest.of(shop.skuId, 1, n % 2 == 0 ? "Same@X.cn" : "same@x.cn")
                            .withCouponCode("SPRING"),
                        null,
                        spring(0, 2)));
    assertEquals(BUYERS - 2, refused);
  }

  @Test
  void aCodeThatNoRuleRedeemsIsRefusedAndNothingIsWritten() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("bad", 1);
    PlaceOrder place = new PlaceOrder(shop.db.transactions(), shop.db.dataKeys());
    InvalidPromotionException e =
        assertThrows(
            InvalidPromotionException.class,
            () ->
                place.place(
                    shop.tenant,
                    OrderRequest.of(shop.skuId, 1, "b@x.cn").withCouponCode("WINTER"),
                    null,
                    spring(USES, 0)));
    assertEquals("couponCode", e.field());
    assertFalse(e.unavailable());
    // A shop without any rule refuses a code the same way.
    assertThrows(
        InvalidPromotionException.class,
        () ->
            place.place(
                shop.tenant,
                OrderRequest.of(shop.skuId, 1, "b@x.cn").withCouponCode("SPRING"),
                null,
                PriceRules.NONE));
    assertEquals(
        0, count(shop.db.transactions(), shop, "SELECT count(*) FROM kameng.customer_order"));
  }

  @Test
  void aSkippedRuleFailsOnlyACodeItMightHaveCheckedAndIsRecorded() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("skip", 2);
    PriceRules broken = cart -> new PriceRules.Answer(List.of(), List.of("marketing-broken"));
    PlaceOrder place = new PlaceOrder(shop.db.transactions(), shop.db.dataKeys());
    InvalidPromotionException e =
        assertThrows(
            InvalidPromotionException.class,
            () ->
                place.place(
                    shop.tenant,
                    OrderRequest.of(shop.skuId, 1, "b@x.cn").withCouponCode("SPRING"),
                    null,
                    broken));
    assertTrue(e.unavailable());
    PlacedOrder plain =
        place.place(shop.tenant, OrderRequest.of(shop.skuId, 1, "b@x.cn"), null, broken);
    assertEquals(Money.of(1000, "CNY"), plain.total());
    assertTrue(snapshot(shop, plain.id()).contains("\"skippedRules\": \"marketing-broken\""));
  }

  @Test
  void adjustmentsNeverTakeALineBelowZeroAndForeignCurrenciesAreRefused() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("zero", 1);
    PriceRules greedy =
        cart ->
            new PriceRules.Answer(
                List.of(
                    new PriceRules.Proposed(
                        "marketing-greedy",
                        Proposal.of(List.of(off(cart, 700, "CNY"), off(cart, 700, "CNY")))),
                    new PriceRules.Proposed(
                        "marketing-foreign", Proposal.of(List.of(off(cart, 5, "USD"))))),
                List.of());
    PlacedOrder order =
        new PlaceOrder(shop.db.transactions(), shop.db.dataKeys())
            .place(shop.tenant, OrderRequest.of(shop.skuId, 1, "b@x.cn"), null, greedy);
    assertEquals(Money.of(0, "CNY"), order.total());
    String snapshot = snapshot(shop, order.id());
    assertTrue(snapshot.contains("\"applied\": -700"), snapshot);
    assertTrue(snapshot.contains("\"applied\": -300"), snapshot);
    assertTrue(snapshot.contains("\"reason\": \"currency USD\""), snapshot);
    assertTrue(snapshot.contains("\"listTotal\": 1000"), snapshot);
  }

  @Test
  void aCancelledOrderGivesItsUseBack() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("back", 2);
    PlaceOrder place = new PlaceOrder(shop.db.transactions(), shop.db.dataKeys());
    PlacedOrder first =
        place.place(
            shop.tenant,
            OrderRequest.of(shop.skuId, 1, "a@x.cn").withCouponCode("SPRING"),
            null,
            spring(1, 0));
    assertThrows(
        InvalidPromotionException.class,
        () ->
            place.place(
                shop.tenant,
                OrderRequest.of(shop.skuId, 1, "b@x.cn").withCouponCode("SPRING"),
                null,
                spring(1, 0)));
    boolean cancelled =
        shop.db
            .transactions()
            .inTenant(shop.tenant, c -> CancelOrder.cancel(c, shop.tenant, first.id(), "staff"));
    assertTrue(cancelled);
    PlacedOrder second =
        place.place(
            shop.tenant,
            OrderRequest.of(shop.skuId, 1, "b@x.cn").withCouponCode("SPRING"),
            null,
            spring(1, 0));
    assertEquals(Money.of(900, "CNY"), second.total());
  }

  private static String snapshot(ShopFixture shop, UUID orderId) {
    return shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT price_snapshot::text FROM kameng.order_line WHERE order_id = ?")) {
                s.setObject(1, orderId);
                try (ResultSet rs = s.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
  }
}
