package org.kameng.kernel.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.fulfilment.DeliverOrder;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.payment.PaymentNotice;
import org.kameng.kernel.payment.RecordPaymentNotice;
import org.kameng.kernel.testing.OrderState;
import org.kameng.kernel.testing.OwnerSql;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.plugin.api.Money;

/**
 * What the folded checkout statements write, row by row: an order placed with its channel gets its
 * line, expiry job and payment of the exact total in the one statement (and a plugin channel its
 * reconcile job); a channel the shop does not have refuses the order and writes nothing; a paying
 * notify sells and links every reserved key, counts them on the line, delivers a loop key without
 * selling it, and pays a payment that failed before exactly once.
 */
class CheckoutStatementsTest {

  private static final String BUYER = "buyer@example.cn";

  // The job queue is a platform table, without row-level security: a shop's jobs by tenant.
  private static final String JOBS =
      "SELECT count(*) FROM kameng.job WHERE tenant_id = kameng.current_tenant()";

  private static PlacedOrder place(ShopFixture shop, int quantity, UUID channel) {
    return new PlaceOrder(shop.db.transactions())
        .place(shop.tenant, OrderRequest.of(shop.skuId, quantity, BUYER), channel);
  }

  private static NoticeResult notice(
      ShopFixture shop, UUID channel, PlacedOrder order, String event, PaymentNotice.Outcome o) {
    return new RecordPaymentNotice(shop.db.transactions())
        .record(
            shop.tenant,
            channel,
            order.paymentId(),
            new PaymentNotice(order.paymentId().toString(), event, o, order.total()));
  }

  private static long count(ShopFixture shop, String sql, Object... args) {
    return shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                  s.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  private static OrderState state(ShopFixture shop, UUID orderId) {
    return shop.db.transactions().inTenant(shop.tenant, c -> OrderState.read(c, orderId));
  }

  private static UUID addChannel(ShopFixture shop, String channel, boolean enabled) {
    UUID id = UUID.randomUUID();
    shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO kameng.channel_config (tenant_id, id, channel, name, enabled)"
                          + " VALUES (?, ?, ?, 'Test', ?)")) {
                insert.setObject(1, shop.tenant.value());
                insert.setObject(2, id);
                insert.setString(3, channel);
                insert.setBoolean(4, enabled);
                insert.executeUpdate();
              }
              return null;
            });
    return id;
  }

  @Test
  void anOrderPlacedWithItsChannelHasLineExpiryJobAndPaymentOfTheExactTotal() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1250);
    shop.addKeys("p", 3);
    PlacedOrder order = place(shop, 2, shop.manualChannelId);

    assertEquals(Money.of(2500, "CNY"), order.total());
    assertEquals(
        1,
        count(
            shop,
            "SELECT count(*) FROM kameng.payment WHERE id = ? AND order_id = ?"
                + " AND channel_config_id = ? AND amount_minor = 2500 AND currency = 'CNY'"
                + " AND status = 'PENDING'",
            order.paymentId(),
            order.id(),
            shop.manualChannelId));
    assertEquals(
        1,
        count(
            shop,
            "SELECT count(*) FROM kameng.order_line WHERE order_id = ? AND line_number = 1"
                + " AND quantity = 2 AND unit_price_minor = 1250 AND line_total_minor = 2500",
            order.id()));
    assertEquals(
        1,
        count(
            shop,
            "SELECT count(*) FROM kameng.job j JOIN kameng.customer_order o ON o.id = ?"
                + " WHERE j.tenant_id = o.tenant_id AND j.kind = ? AND j.dedupe_key = o.id::text"
                + " AND j.run_at = o.reserved_until"
                + " AND j.payload ->> 'orderId' = o.id::text",
            order.id(),
            PlaceOrder.EXPIRE_JOB));
    // The manual channel's payments are confirmed by staff: nothing to reconcile.
    assertEquals(0, count(shop, JOBS + " AND kind = ?", StartPayment.RECONCILE_JOB));
    assertEquals(2, state(shop, order.id()).reservedKeys());
  }

  @Test
  void aPluginChannelsPaymentGetsItsReconcileJob() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("r", 1);
    UUID channel = addChannel(shop, "payment-test", true);
    Instant before = Instant.now();
    PlacedOrder order = place(shop, 1, channel);
    OffsetDateTime runAt =
        shop.db.transactions().inTenant(shop.tenant, c -> reconcileRunAt(c, order.paymentId()));
    assertTrue(
        !runAt.toInstant().isBefore(before.plus(StartPayment.FIRST_RECONCILE))
            && runAt.toInstant().isBefore(Instant.now().plus(StartPayment.FIRST_RECONCILE)),
        "reconcile job due " + runAt);
  }

  private static OffsetDateTime reconcileRunAt(Connection c, UUID paymentId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT run_at FROM kameng.job WHERE tenant_id = kameng.current_tenant()"
                + " AND kind = ? AND dedupe_key = ?"
                + " AND payload ->> 'paymentId' = ?")) {
      s.setString(1, StartPayment.RECONCILE_JOB);
      s.setString(2, paymentId.toString());
      s.setString(3, paymentId.toString());
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "no reconcile job");
        return rs.getObject(1, OffsetDateTime.class);
      }
    }
  }

  @Test
  void aChannelTheShopDoesNotHaveRefusesTheOrderAndWritesNothing() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("x", 2);
    UUID disabled = addChannel(shop, "payment-test", false);
    for (UUID channel : new UUID[] {UUID.randomUUID(), disabled}) {
      InvalidOrderException refused =
          assertThrows(InvalidOrderException.class, () -> place(shop, 1, channel));
      assertEquals("channelId", refused.field());
    }
    assertEquals(0, count(shop, "SELECT count(*) FROM kameng.customer_order"));
    assertEquals(0, count(shop, "SELECT count(*) FROM kameng.payment"));
    assertEquals(0, count(shop, JOBS));
    assertEquals(2, count(shop, "SELECT count(*) FROM kameng.card_key WHERE status = 'AVAILABLE'"));
  }

  @Test
  void aPaidOrderOfSeveralKeysGetsEachOnceAndItsLineCountsThem() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("m", 5);
    PlacedOrder order = place(shop, 3, shop.manualChannelId);
    assertEquals(
        NoticeResult.Kind.ACCEPTED,
        notice(shop, shop.manualChannelId, order, "m-1", PaymentNotice.Outcome.SUCCEEDED).kind());

    OrderState after = state(shop, order.id());
    assertEquals("DELIVERED", after.orderStatus());
    assertEquals(3, after.soldKeys());
    assertEquals(3, after.deliveredKeys());
    assertEquals(0, after.reservedKeys());
    assertEquals(
        3,
        count(
            shop,
            "SELECT delivered_quantity FROM kameng.order_line WHERE order_id = ?",
            order.id()));
    assertEquals(2, count(shop, "SELECT count(*) FROM kameng.card_key WHERE status = 'AVAILABLE'"));
  }

  @Test
  void aPaidCardKeyOrderGoesToDeliveredInOneUpdateThatStillRecordsWhenItWasPaid() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("one", 2);
    PlacedOrder order = place(shop, 2, shop.manualChannelId);
    String log = "order_moves_" + OwnerSql.suffix(shop);
    OwnerSql.execute("CREATE TABLE kameng." + log + " (moved text)");
    NoticeResult result;
    try {
      result =
          OwnerSql.withTrigger(
              shop,
              "AFTER UPDATE ON kameng.customer_order",
              "INSERT INTO kameng."
                  + log
                  + " VALUES (OLD.status || '>' || NEW.status); RETURN NEW;",
              () ->
                  notice(
                      shop, shop.manualChannelId, order, "one-1", PaymentNotice.Outcome.SUCCEEDED));
      assertEquals(
          List.of("PENDING_PAYMENT>DELIVERED"),
          OwnerSql.strings("SELECT moved FROM kameng." + log));
    } finally {
      OwnerSql.execute("DROP TABLE kameng." + log);
    }

    assertEquals(NoticeResult.Kind.ACCEPTED, result.kind());
    assertEquals("DELIVERED", state(shop, order.id()).orderStatus());
    assertEquals(2, state(shop, order.id()).deliveredKeys());
    assertEquals(
        1,
        count(
            shop,
            "SELECT count(*) FROM kameng.customer_order WHERE id = ? AND paid_at IS NOT NULL",
            order.id()));
  }

  @Test
  void aDeliveryThatFailsKeepsThePaymentAndLeavesTheOrderPaidForTheDeliveryJob() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("broken", 1);
    PlacedOrder order = place(shop, 1, shop.manualChannelId);
    // Delivery fails for this shop only: its keys cannot be recorded against an order.
    NoticeResult result =
        OwnerSql.withTrigger(
            shop,
            "BEFORE INSERT ON kameng.order_key",
            "RAISE EXCEPTION 'delivery refused for the test';",
            () ->
                notice(shop, shop.manualChannelId, order, "b-1", PaymentNotice.Outcome.SUCCEEDED));

    assertEquals(NoticeResult.Kind.ACCEPTED, result.kind());
    OrderState paid = state(shop, order.id());
    assertEquals("PAID", paid.orderStatus());
    assertEquals("SUCCEEDED", paid.paymentStatus());
    assertEquals(3, paid.ledgerEntries());
    assertEquals(1, paid.reservedKeys(), "the sale was undone with the failed delivery");
    assertEquals(0, paid.deliveredKeys());
    assertEquals(
        1,
        count(
            shop,
            JOBS + " AND kind = ? AND dedupe_key = ?",
            DeliverOrder.JOB,
            order.id().toString()));

    // The delivery job then delivers it.
    assertEquals(
        OrderStatus.DELIVERED,
        shop.db
            .transactions()
            .inTenant(shop.tenant, c -> DeliverOrder.deliver(c, shop.tenant, order.id())));
    assertEquals(1, state(shop, order.id()).deliveredKeys());
  }

  @Test
  void aLoopKeyIsDeliveredToEveryBuyerAndNeverSold() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("loop", 1);
    shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement loop =
                  c.prepareStatement("UPDATE kameng.sku SET loop_key = true WHERE id = ?")) {
                loop.setObject(1, shop.skuId);
                loop.executeUpdate();
              }
              return null;
            });
    for (String event : new String[] {"l-1", "l-2"}) {
      PlacedOrder order = place(shop, 1, shop.manualChannelId);
      notice(shop, shop.manualChannelId, order, event, PaymentNotice.Outcome.SUCCEEDED);
      OrderState after = state(shop, order.id());
      assertEquals("DELIVERED", after.orderStatus());
      assertEquals(1, after.deliveredKeys());
      assertEquals(
          1,
          count(
              shop,
              "SELECT delivered_quantity FROM kameng.order_line WHERE order_id = ?",
              order.id()));
    }
    assertEquals(1, count(shop, "SELECT count(*) FROM kameng.card_key WHERE status = 'AVAILABLE'"));
  }

  @Test
  void aPaymentThatFailedIsPaidOnceByALaterSuccessAndNeverAgain() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("f", 1);
    PlacedOrder order = place(shop, 1, shop.manualChannelId);
    UUID channel = shop.manualChannelId;

    assertEquals(
        NoticeResult.Kind.NOT_PAID,
        notice(shop, channel, order, "f-1", PaymentNotice.Outcome.FAILED).kind());
    OrderState failed = state(shop, order.id());
    assertEquals("PENDING_PAYMENT", failed.orderStatus());
    assertEquals("FAILED", failed.paymentStatus());
    // A pending notice records its event and changes nothing else.
    assertEquals(
        NoticeResult.Kind.NOT_PAID,
        notice(shop, channel, order, "f-2", PaymentNotice.Outcome.PENDING).kind());
    assertEquals("FAILED", state(shop, order.id()).paymentStatus());

    assertEquals(
        NoticeResult.Kind.ACCEPTED,
        notice(shop, channel, order, "f-3", PaymentNotice.Outcome.SUCCEEDED).kind());
    // The same event again, and another success event: both change nothing.
    assertEquals(
        NoticeResult.Kind.DUPLICATE,
        notice(shop, channel, order, "f-3", PaymentNotice.Outcome.SUCCEEDED).kind());
    assertEquals(
        NoticeResult.Kind.DUPLICATE,
        notice(shop, channel, order, "f-4", PaymentNotice.Outcome.SUCCEEDED).kind());

    OrderState paid = state(shop, order.id());
    assertEquals("DELIVERED", paid.orderStatus());
    assertEquals("SUCCEEDED", paid.paymentStatus());
    assertEquals(3, paid.ledgerEntries());
    assertEquals(1, paid.deliveredKeys());
    assertEquals(4, paid.paymentEvents());
  }

  @Test
  void expiryJobsAreDueWhenTheReservationEnds() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("e", 1);
    PlacedOrder order = place(shop, 1, null);
    assertEquals(null, order.paymentId());
    Duration held = Duration.between(Instant.now(), order.reservedUntil().toInstant());
    assertTrue(held.toMinutes() >= 14 && held.toMinutes() <= 15, "held for " + held);
    assertEquals(0, count(shop, "SELECT count(*) FROM kameng.payment"));
    assertEquals(1, count(shop, JOBS));
  }
}
