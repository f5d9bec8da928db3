package org.kameng.kernel.docking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.order.OrderLookup;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.ConnectionPerThread;

/** A reseller's request id places one order, however often and however concurrently it is sent. */
class ResellerOrderIdempotencyTest {

  @Test
  void twentyConcurrentRetriesOfOneRequestPlaceOneOrderAndDrawOnce() throws Exception {
    Downstream d = Downstream.of(1000, 20, null, null);
    d.topUp("100.00");
    Set<UUID> orders = ConcurrentHashMap.newKeySet();
    List<Boolean> firsts = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try (ConnectionPerThread connections = new ConnectionPerThread(d.shop.db.appDataSource())) {
      Transactions tx = new Transactions(connections);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  PlaceResellerOrder.Outcome outcome =
                      d.placing(tx).place(d.shop.tenant, d.resellerId, d.request("line-42", 2));
                  orders.add(outcome.orderId());
                  if (!outcome.replayed()) {
                    firsts.add(true);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(1, TimeUnit.MINUTES);
      }
      pool.shutdown();
    }

    assertEquals(1, orders.size(), "orders the retries were answered with");
    assertEquals(1, firsts.size(), "calls that placed the order");
    assertEquals(1, d.count("SELECT count(*) FROM kameng.customer_order"));
    assertEquals(8000, d.balance(), "one draw of 2 x 10.00");
    assertEquals(2, d.count("SELECT count(*) FROM kameng.card_key WHERE status = 'SOLD'"));
  }

  @Test
  void theSameRequestIdWithAnotherBodyIsAConflictAndChangesNothing() {
    Downstream d = Downstream.of(1000, 5, null, null);
    d.topUp("100.00");
    PlaceResellerOrder place = d.placing(d.shop.db.transactions());
    UUID first = place.place(d.shop.tenant, d.resellerId, d.request("line-1", 1)).orderId();

    assertThrows(
        RequestIdConflictException.class,
        () -> place.place(d.shop.tenant, d.resellerId, d.request("line-1", 2)));
    PlaceResellerOrder.Outcome again =
        place.place(d.shop.tenant, d.resellerId, d.request("line-1", 1));

    assertEquals(first, again.orderId());
    assertTrue(again.replayed());
    assertEquals(9000, d.balance());
    assertEquals(1, d.count("SELECT count(*) FROM kameng.customer_order"));
  }

  @Test
  void anOrderRefusedForWantOfFundsLeavesNothingAndMayBeRetriedAfterATopUp() {
    Downstream d = Downstream.of(1000, 5, null, null);
    d.topUp("5.00");
    PlaceResellerOrder place = d.placing(d.shop.db.transactions());

    assertThrows(
        InsufficientBalanceException.class,
        () -> place.place(d.shop.tenant, d.resellerId, d.request("line-7", 1)));
    assertEquals(0, d.count("SELECT count(*) FROM kameng.customer_order"));
    assertEquals(0, d.count("SELECT count(*) FROM kameng.reseller_order"));
    assertEquals(5, d.count("SELECT count(*) FROM kameng.card_key WHERE status = 'AVAILABLE'"));
    assertEquals(500, d.balance());

    d.topUp("5.00");
    PlaceResellerOrder.Outcome placed =
        place.place(d.shop.tenant, d.resellerId, d.request("line-7", 1));
    assertFalse(placed.replayed());
    assertEquals(0, d.balance());
    assertEquals(0, d.ledgerCredit());
  }

  @Test
  void theResellerSeesItsDeliveredKeysByOrderOrRequestIdAndNobodyElseDoes() {
    Downstream d = Downstream.of(1000, 3, null, null);
    Downstream other = Downstream.of(1000, 0, null, null);
    d.topUp("30.00");
    UUID orderId =
        d.placing(d.shop.db.transactions())
            .place(d.shop.tenant, d.resellerId, d.request("line-9", 2))
            .orderId();
    ResellerOrders orders = new ResellerOrders(new OrderLookup(d.shop.db.dataKeys()));

    ResellerOrders.ResellerOrder seen =
        d.shop
            .db
            .transactions()
            .inTenant(
                d.shop.tenant,
                c -> orders.byRequestId(c, d.shop.tenant, d.resellerId, "line-9", null))
            .orElseThrow();
    assertEquals(orderId, seen.orderId());
    assertEquals(OrderStatus.DELIVERED, seen.status());
    assertEquals(2, seen.keys().size());
    assertTrue(seen.keys().get(0).startsWith("dock-"), seen.keys().toString());
    assertTrue(
        d.shop
            .db
            .transactions()
            .inTenant(
                d.shop.tenant,
                c -> orders.byOrderId(c, d.shop.tenant, UUID.randomUUID(), orderId, null))
            .isEmpty(),
        "another reseller id of the same shop sees nothing");
    assertTrue(
        other
            .shop
            .db
            .transactions()
            .inTenant(
                other.shop.tenant,
                c -> orders.byOrderId(c, other.shop.tenant, d.resellerId, orderId, null))
            .isEmpty(),
        "another shop sees nothing");
    assertEquals(
        1,
        d.count("SELECT count(*) FROM kameng.audit_log WHERE action = 'card-key.reveal'"),
        "the reveal is audited");
  }

  @Test
  void inputsWithoutAValueAreRefusedNamingTheField() {
    Downstream d = Downstream.of(1000, 1, null, null);
    d.topUp("10.00");
    Map<String, String> inputs = new java.util.HashMap<>();
    inputs.put("account", null);
    InvalidDockingException e =
        assertThrows(
            InvalidDockingException.class,
            () ->
                d.placing(d.shop.db.transactions())
                    .place(
                        d.shop.tenant,
                        d.resellerId,
                        new PlaceResellerOrder.ResellerOrderRequest(
                            "nulls", d.shop.skuId, 1, inputs, null)));
    assertEquals("inputs", e.field());
    assertEquals(1000, d.balance());
  }
}
