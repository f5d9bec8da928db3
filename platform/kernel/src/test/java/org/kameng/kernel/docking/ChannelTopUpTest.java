package org.kameng.kernel.docking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.payment.PaymentNotice;
import org.kameng.kernel.payment.RecordPaymentNotice;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ConnectionPerThread;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.plugin.api.Money;

/**
 * A reseller's top-up paid through a provider channel goes through the same notify checks as an
 * order's payment (ADR 0020): it credits the balance exactly once, under a storm of identical
 * notifies and after, refuses every mis-bound or mis-priced notify without changing anything, and
 * still credits money that arrives after the top-up's window. The storm against a naive
 * read-then-credit shows it can see a double credit.
 */
class ChannelTopUpTest {

  private static final int STORM = 8;

  private Downstream d;
  private Transactions tx;
  private RecordPaymentNotice notices;
  private UUID channel;

  @BeforeEach
  void resellerAndAProviderChannel() {
    d = Downstream.of(1000, 5, null, null);
    tx = d.shop.db.transactions();
    notices = new RecordPaymentNotice(tx);
    channel = d.shop.addChannel("payment-epay", true);
  }

  @Test
  void aPaidNotifyCreditsTheAmountOnceAndAnOrderDrawsIt() {
    ResellerTopUps.ChannelTopUp topUp = start("250.00", channel);
    assertEquals("PENDING", topUp.status());
    assertNull(topUp.balanceAfter());
    assertEquals(
        1,
        d.count(
            "SELECT count(*) FROM kameng.job WHERE kind = 'payment.reconcile' AND dedupe_key = '"
                + topUp.paymentId()
                + "'"),
        "the status query that finds a lost notify");

    assertEquals(NoticeResult.Kind.ACCEPTED, notify(topUp, "E1", cny(25_000)).kind());

    assertEquals(25_000, d.balance());
    assertEquals(25_000, d.ledgerCredit());
    assertEquals(0, d.count("SELECT sum(amount_minor) FROM kameng.ledger_entry"), "ledger sums");
    ResellerTopUps.ChannelTopUp paid = find(topUp);
    assertEquals("PAID", paid.status());
    assertEquals(Money.of(25_000, "CNY"), paid.balanceAfter());
    assertEquals(
        1,
        d.count(
            "SELECT count(*) FROM kameng.audit_log WHERE action = 'reseller.top-up'"
                + " AND actor = 'channel:payment-epay payment:"
                + topUp.paymentId()
                + "' AND detail->>'topUpId' = '"
                + topUp.id()
                + "'"));

    UUID otherReseller =
        tx.inTenant(
            d.shop.tenant,
            c ->
                DownstreamResellers.create(
                        c,
                        d.shop.tenant,
                        new DownstreamResellers.ResellerDraft("Other", 1, null, null, "CNY", null),
                        "owner")
                    .id());
    assertTrue(
        tx.inTenant(d.shop.tenant, c -> ResellerTopUps.find(c, otherReseller, topUp.id()))
            .isEmpty(),
        "another reseller of the shop sees the top-up");

    d.placing(tx).place(d.shop.tenant, d.resellerId, d.request("after-top-up", 2));
    assertEquals(23_000, d.balance(), "the order drew 2 × 10.00");
    assertEquals(23_000, d.ledgerCredit());
  }

  @Test
  void eightConcurrentIdenticalNotifiesCreditOnceAndAReplayChangesNothing() throws Exception {
    ResellerTopUps.ChannelTopUp topUp = start("100.00", channel);
    AtomicInteger accepted = new AtomicInteger();
    storm(
        connections -> {
          NoticeResult result =
              new RecordPaymentNotice(connections)
                  .record(
                      d.shop.tenant,
                      channel,
                      topUp.paymentId(),
                      paid(topUp, "storm-1", cny(10_000)));
          if (result.kind() == NoticeResult.Kind.ACCEPTED) {
            accepted.incrementAndGet();
          }
        });
    assertEquals(1, accepted.get(), "acceptances");
    assertEquals(10_000, d.balance());
    long ledgerEntries = d.count("SELECT count(*) FROM kameng.ledger_entry");

    assertEquals(NoticeResult.Kind.DUPLICATE, notify(topUp, "storm-1", cny(10_000)).kind());
    // The provider re-sends with a new event id: acknowledged, never a second credit.
    assertEquals(NoticeResult.Kind.DUPLICATE, notify(topUp, "storm-2", cny(10_000)).kind());
    assertEquals(10_000, d.balance());
    assertEquals(10_000, d.ledgerCredit());
    assertEquals(ledgerEntries, d.count("SELECT count(*) FROM kameng.ledger_entry"));
    assertEquals(
        1, d.count("SELECT count(*) FROM kameng.audit_log WHERE action = 'reseller.top-up'"));
  }

  @Test
  void theStormCatchesANaiveReadThenCredit() throws Exception {
    ResellerTopUps.ChannelTopUp topUp = start("100.00", channel);
    // What a credit without the event-id guard and the payment row lock would do: look whether
    // the payment is still pending, then credit and mark it.
    storm(
        connections ->
            connections.inTenant(
                d.shop.tenant,
                c -> {
                  try (PreparedStatement read =
                      c.prepareStatement("SELECT status FROM kameng.payment WHERE id = ?")) {
                    read.setObject(1, topUp.paymentId());
                    try (ResultSet rs = read.executeQuery()) {
                      rs.next();
                      if (rs.getString(1).equals("SUCCEEDED")) {
                        return null;
                      }
                    }
                  }
                  try (PreparedStatement pause = c.prepareStatement("SELECT pg_sleep(0.05)")) {
                    pause.execute();
                  }
                  ResellerBalances.credit(
                      c,
                      d.shop.tenant,
                      d.resellerId,
                      cny(10_000),
                      "naive",
                      "naive",
                      new FlatJson());
                  try (PreparedStatement mark =
                      c.prepareStatement(
                          "UPDATE kameng.payment SET status = 'SUCCEEDED' WHERE id = ?")) {
                    mark.setObject(1, topUp.paymentId());
                    mark.executeUpdate();
                  }
                  return null;
                }));
    assertTrue(d.balance() > 10_000, "the naive credit should pay more than once: " + d.balance());
  }

  @Test
  void misBoundOrMisPricedNotifiesAreRejectedAndChangeNothing() {
    ResellerTopUps.ChannelTopUp topUp = start("100.00", channel);
    assertRejectedWithoutChange(topUp, () -> notify(topUp, "R1", cny(9_999)));
    assertRejectedWithoutChange(topUp, () -> notify(topUp, "R2", cny(10_001)));
    assertRejectedWithoutChange(topUp, () -> notify(topUp, "R3", Money.of(10_000, "USD")));
    UUID otherChannel = d.shop.addChannel("payment-other", true);
    assertRejectedWithoutChange(
        topUp,
        () ->
            notices.record(
                d.shop.tenant, otherChannel, topUp.paymentId(), paid(topUp, "R4", cny(10_000))));
    ShopFixture otherShop = ShopFixture.withCardKeyProduct(1000);
    assertRejectedWithoutChange(
        topUp,
        () ->
            notices.record(
                otherShop.tenant, channel, topUp.paymentId(), paid(topUp, "R5", cny(10_000))));

    // An order's genuine notify sent to the top-up's payment, and the top-up's sent to the order's.
    Checkout order = Checkout.of(d.shop, tx, 1);
    PaymentNotice ordersNotice =
        new PaymentNotice(
            order.paymentId().toString(), "R6", PaymentNotice.Outcome.SUCCEEDED, cny(1000));
    assertRejectedWithoutChange(
        topUp, () -> notices.record(d.shop.tenant, channel, topUp.paymentId(), ordersNotice));
    assertRejectedWithoutChange(
        topUp,
        () ->
            notices.record(
                d.shop.tenant,
                d.shop.manualChannelId,
                order.paymentId(),
                paid(topUp, "R7", cny(10_000))));
    assertEquals(
        0,
        d.count(
            "SELECT count(*) FROM kameng.customer_order WHERE status <> 'PENDING_PAYMENT'"
                + " AND id = '"
                + order.order().id()
                + "'"),
        "the order stays unpaid");

    assertEquals(NoticeResult.Kind.ACCEPTED, notify(topUp, "R8", cny(10_000)).kind());
    assertEquals(10_000, d.balance(), "the genuine notify pays after all the forgeries");
  }

  @Test
  void aLateNotifyAfterTheWindowStillCredits() {
    ResellerTopUps.ChannelTopUp topUp = start("40.00", channel);
    d.count(
        "WITH x AS (UPDATE kameng.reseller_top_up SET pay_by = now() - interval '1 hour'"
            + " WHERE id = '"
            + topUp.id()
            + "' RETURNING 1) SELECT count(*) FROM x");
    assertEquals("EXPIRED", find(topUp).status());
    assertEquals(NoticeResult.Kind.ACCEPTED, notify(topUp, "late", cny(4_000)).kind());
    assertEquals("PAID", find(topUp).status());
    assertEquals(4_000, d.balance());
  }

  @Test
  void aFailedPaymentCreditsNothingAndALaterSuccessStillPays() {
    ResellerTopUps.ChannelTopUp topUp = start("40.00", channel);
    NoticeResult failed =
        notices.record(
            d.shop.tenant,
            channel,
            topUp.paymentId(),
            new PaymentNotice(
                topUp.paymentId().toString(), "F1", PaymentNotice.Outcome.FAILED, cny(4_000)));
    assertEquals(NoticeResult.Kind.NOT_PAID, failed.kind());
    assertEquals("FAILED", find(topUp).status());
    assertEquals(0, d.balance());
    assertEquals(NoticeResult.Kind.ACCEPTED, notify(topUp, "F2", cny(4_000)).kind());
    assertEquals(4_000, d.balance());
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndWritesNothing() {
    UUID disabled = d.shop.addChannel("payment-off", false);
    assertRefused("amount", () -> start("0", channel));
    assertRefused("amount", () -> start("0.00", channel));
    assertRefused("amount", () -> start("-5.00", channel));
    assertRefused("amount", () -> start("100000000.01", channel));
    assertRefused("amount", () -> start("12.345", channel));
    assertRefused("amount", () -> start("ten", channel));
    assertRefused("amount", () -> start(null, channel));
    assertRefused("channelId", () -> start("10.00", UUID.randomUUID()));
    assertRefused("channelId", () -> start("10.00", disabled));
    assertRefused("channelId", () -> start("10.00", d.shop.manualChannelId));
    assertRefused("channelId", () -> start("10.00", null));
    assertEquals("PENDING", start("100000000.00", channel).status(), "the upper limit is allowed");
  }

  @Test
  void aSuspendedResellerCannotStartATopUp() {
    d.count(
        "WITH x AS (UPDATE kameng.downstream_reseller SET status = 'SUSPENDED' RETURNING 1)"
            + " SELECT count(*) FROM x");
    RefusedRequestException refused =
        assertThrows(RefusedRequestException.class, () -> start("10.00", channel));
    assertEquals(RefusedRequestException.Reason.SUSPENDED, refused.reason());
    assertEquals(0, d.count("SELECT count(*) FROM kameng.reseller_top_up"));
  }

  private void assertRefused(String field, Runnable start) {
    long topUps = d.count("SELECT count(*) FROM kameng.reseller_top_up");
    long payments = d.count("SELECT count(*) FROM kameng.payment");
    long jobs =
        d.count("SELECT count(*) FROM kameng.job WHERE tenant_id = kameng.current_tenant()");
    InvalidDockingException e = assertThrows(InvalidDockingException.class, start::run);
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(topUps, d.count("SELECT count(*) FROM kameng.reseller_top_up"));
    assertEquals(payments, d.count("SELECT count(*) FROM kameng.payment"));
    assertEquals(
        jobs, d.count("SELECT count(*) FROM kameng.job WHERE tenant_id = kameng.current_tenant()"));
  }

  private void assertRejectedWithoutChange(
      ResellerTopUps.ChannelTopUp topUp, Supplier<NoticeResult> forged) {
    String before = snapshot(topUp);
    NoticeResult result = forged.get();
    assertEquals(NoticeResult.Kind.REJECTED, result.kind(), result.reason());
    assertEquals(before, snapshot(topUp), "a rejected notify changed something");
  }

  private String snapshot(ResellerTopUps.ChannelTopUp topUp) {
    return find(topUp).status()
        + " balance="
        + d.balance()
        + " ledger="
        + d.count("SELECT count(*) FROM kameng.ledger_entry")
        + " events="
        + d.count("SELECT count(*) FROM kameng.payment_event")
        + " audit="
        + d.count("SELECT count(*) FROM kameng.audit_log WHERE action = 'reseller.top-up'")
        + " payments="
        + d.count("SELECT count(*) FROM kameng.payment WHERE status <> 'PENDING'");
  }

  private interface Notifier {
    void send(Transactions connections) throws Exception;
  }

  private void storm(Notifier notifier) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(STORM);
    try (ConnectionPerThread connections = new ConnectionPerThread(d.shop.db.appDataSource())) {
      Transactions perThread = new Transactions(connections);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < STORM; i++) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  notifier.send(perThread);
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(1, TimeUnit.MINUTES);
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    }
  }

  private ResellerTopUps.ChannelTopUp start(String amount, UUID channelConfigId) {
    return tx.inTenant(
        d.shop.tenant,
        c -> ResellerTopUps.start(c, d.shop.tenant, d.resellerId, amount, channelConfigId));
  }

  private ResellerTopUps.ChannelTopUp find(ResellerTopUps.ChannelTopUp topUp) {
    return tx.inTenant(d.shop.tenant, c -> ResellerTopUps.find(c, d.resellerId, topUp.id()))
        .orElseThrow();
  }

  private NoticeResult notify(ResellerTopUps.ChannelTopUp topUp, String eventId, Money amount) {
    return notices.record(d.shop.tenant, channel, topUp.paymentId(), paid(topUp, eventId, amount));
  }

  private static PaymentNotice paid(
      ResellerTopUps.ChannelTopUp topUp, String eventId, Money amount) {
    return new PaymentNotice(
        topUp.paymentId().toString(), eventId, PaymentNotice.Outcome.SUCCEEDED, amount);
  }

  private static Money cny(long minor) {
    return Money.of(minor, "CNY");
  }
}
