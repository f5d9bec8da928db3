package org.kameng.plugins.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.payment.NotifyVerification.Verified;
import org.kameng.plugin.api.payment.PaymentLookup;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentStart.Redirect;
import org.kameng.plugin.api.payment.PaymentStatus;
import org.kameng.plugin.testkit.ContractHost;

/** A payment from start to verified notify, as the host drives it, and the page's rules. */
class SandboxFlowTest {

  private static final String PAGE = "pay/" + Requests.REFERENCE;

  private final ContractHost host = TestShop.host();
  private final SandboxChannel channel = TestShop.channel(host);

  private void started() {
    channel.start(Requests.payment());
  }

  private static String html(InboundReply reply) {
    assertEquals("text/html; charset=UTF-8", reply.contentType());
    return reply.body().text();
  }

  private PaymentOutcome verifiedCapturedNotify(int index) {
    OutboundRequest sent = host.requests().get(index);
    Verified verified =
        assertInstanceOf(Verified.class, channel.verifyNotify(Requests.received(sent)));
    assertEquals("ok", verified.accepted().body().text());
    assertEquals(200, verified.accepted().status());
    assertEquals(400, verified.rejected().status());
    assertEquals("rejected", verified.rejected().body().text());
    return verified.outcome();
  }

  @Test
  void aChannelThatWithholdsNotifiesRecordsTheDecisionForQueriesAndSendsNothing() {
    ContractHost withholding =
        TestShop.host(TestShop.config(Map.of(SandboxChannelFactory.NOTIFIES, "withhold")));
    SandboxChannel quiet = TestShop.channel(withholding);
    quiet.start(Requests.payment());
    InboundReply paid = quiet.page(PAGE, Requests.click(Requests.REFERENCE, "pay"));
    assertEquals(200, paid.status());
    assertTrue(withholding.requests().isEmpty(), "a withheld notify must not be sent");
    var found = assertInstanceOf(PaymentLookup.Found.class, quiet.query(Requests.REFERENCE));
    assertEquals(PaymentStatus.SUCCEEDED, found.outcome().status());
    assertTrue(
        withholding.logLines().stream().anyMatch(line -> line.contains("withheld")),
        withholding.logLines().toString());
  }

  @Test
  void startPayShowsThePagePostsANotifyThatVerifies() {
    started();
    InboundReply page = channel.page(PAGE, Requests.get(PAGE));
    assertEquals(200, page.status());
    assertTrue(html(page).contains("name=\"decision\" value=\"pay\""));
    assertTrue(host.requests().isEmpty(), "showing the page sends nothing");

    InboundReply paid = channel.page(PAGE, Requests.click(Requests.REFERENCE, "pay"));

    assertEquals(200, paid.status());
    assertTrue(html(paid).contains("Test payment succeeded"));
    assertTrue(html(paid).contains("The shop acknowledged the notice."));
    assertTrue(html(paid).contains("href=\"" + Requests.RETURN_URL + "\""));
    assertEquals(1, host.requests().size());
    OutboundRequest sent = host.requests().get(0);
    assertEquals("POST", sent.method());
    assertEquals(Requests.NOTIFY_URL, sent.uri());
    assertEquals(List.of("application/x-www-form-urlencoded"), sent.headers().all("Content-Type"));
    Parameters form = Requests.decode(sent.body().text());
    assertEquals(
        List.of("reference", "event", "status", "amount", "currency", "timestamp", "signature"),
        List.copyOf(form.values().keySet()));
    assertEquals(Requests.REFERENCE, form.single("reference").orElseThrow());
    assertEquals("succeeded", form.single("status").orElseThrow());
    assertEquals("1230", form.single("amount").orElseThrow());
    assertEquals("CNY", form.single("currency").orElseThrow());
    assertEquals("1795342500", form.single("timestamp").orElseThrow());

    PaymentOutcome outcome = verifiedCapturedNotify(0);
    assertEquals(Requests.REFERENCE, outcome.paymentReference());
    assertEquals(PaymentStatus.SUCCEEDED, outcome.status());
    assertEquals(Money.of(1230, "CNY"), outcome.amount());
    assertEquals(form.single("event").orElseThrow(), outcome.providerEventId());
    assertEquals(outcome.providerEventId(), outcome.providerReference());
  }

  @Test
  void theFailButtonNotifiesAFailedPayment() {
    started();
    InboundReply failed = channel.page(PAGE, Requests.click(Requests.REFERENCE, "fail"));
    assertTrue(html(failed).contains("Test payment failed"));
    assertEquals(PaymentStatus.FAILED, verifiedCapturedNotify(0).status());
    assertEquals(
        "failed",
        Requests.decode(host.requests().get(0).body().text()).single("status").orElseThrow());
  }

  @Test
  void aSecondClickKeepsTheFirstDecisionAndResendsTheSameEvent() {
    started();
    channel.page(PAGE, Requests.click(Requests.REFERENCE, "pay"));
    host.advance(Duration.ofMinutes(2));
    InboundReply again = channel.page(PAGE, Requests.click(Requests.REFERENCE, "fail"));

    assertTrue(html(again).contains("Test payment succeeded"));
    assertTrue(html(again).contains("the first decision stands"));
    assertEquals(2, host.requests().size());
    PaymentOutcome first = verifiedCapturedNotify(0);
    PaymentOutcome second = verifiedCapturedNotify(1);
    assertEquals(first, second);
    // signed afresh: the re-sent notify carries the time it was sent, so it is not stale
    assertEquals(
        "1795342620",
        Requests.decode(host.requests().get(1).body().text()).single("timestamp").orElseThrow());
  }

  @Test
  void aClickThatLosesTheRaceToAnotherServerShowsAndSendsTheWinningDecision() {
    started();
    Decided winner = new Decided(Decision.FAIL, "winner-event", ContractHost.START);
    // the other instance decides after this click read "undecided" and before it writes
    AtomicBoolean raced = new AtomicBoolean();
    RacingHost racing = new RacingHost(host);
    racing.afterGet =
        key -> {
          if (key.equals("result:" + Requests.REFERENCE) && raced.compareAndSet(false, true)) {
            host.store().put(key, winner.encode());
          }
        };

    InboundReply lost =
        TestShop.channel(racing).page(PAGE, Requests.click(Requests.REFERENCE, "pay"));

    assertTrue(html(lost).contains("Test payment failed"), html(lost));
    assertTrue(html(lost).contains("the first decision stands"));
    assertTrue(raced.get());
    assertEquals(winner.encode(), host.stored().get("result:" + Requests.REFERENCE));
    PaymentOutcome sent = verifiedCapturedNotify(0);
    assertEquals("winner-event", sent.providerEventId());
    assertEquals(PaymentStatus.FAILED, sent.status());
  }

  @Test
  void aVisitAfterTheDecisionShowsItAndSendsNothing() {
    started();
    channel.page(PAGE, Requests.click(Requests.REFERENCE, "fail"));
    InboundReply visit = channel.page(PAGE, Requests.get(PAGE));
    assertEquals(200, visit.status());
    assertTrue(html(visit).contains("Test payment failed"));
    assertFalse(html(visit).contains("<form"), "a decided payment offers no buttons");
    assertEquals(1, host.requests().size());
  }

  @Test
  void anExpiredPaymentShowsNoButtonsAndRefusesADecision() {
    started();
    host.advance(Duration.ofMinutes(15));
    InboundReply visit = channel.page(PAGE, Requests.get(PAGE));
    assertEquals(410, visit.status());
    assertTrue(html(visit).contains("This test payment has expired"));
    assertFalse(html(visit).contains("<form") || html(visit).contains("<button"));

    InboundReply click = channel.page(PAGE, Requests.click(Requests.REFERENCE, "pay"));
    assertEquals(410, click.status());
    assertTrue(host.requests().isEmpty());
    assertTrue(host.stored().keySet().stream().noneMatch(k -> k.startsWith("result:")));
  }

  @Test
  void aDecisionTakenBeforeExpiryIsStillShownAndResentAfterIt() {
    started();
    channel.page(PAGE, Requests.click(Requests.REFERENCE, "pay"));
    PaymentOutcome first = verifiedCapturedNotify(0);
    host.advance(Duration.ofHours(1));
    assertTrue(html(channel.page(PAGE, Requests.get(PAGE))).contains("Test payment succeeded"));
    InboundReply again = channel.page(PAGE, Requests.click(Requests.REFERENCE, "pay"));
    assertEquals(200, again.status());
    assertEquals(2, host.requests().size());
    assertEquals(first, verifiedCapturedNotify(1));
  }

  @Test
  void unknownReferencesAndOtherPathsAre404Pages() {
    started();
    for (String path :
        List.of(
            "",
            "pay",
            "pay/",
            "pay/unknown",
            PAGE + "/",
            PAGE + "/x",
            "PAY/" + Requests.REFERENCE,
            "pay/" + "a".repeat(65),
            "pay/<script>",
            "other/" + Requests.REFERENCE)) {
      InboundReply reply = channel.page(path, Requests.get("x"));
      assertEquals(404, reply.status(), path);
      assertTrue(html(reply).contains("SANDBOX"), path);
      assertEquals(404, channel.page(path, Requests.click("x", "pay")).status(), path);
    }
    assertEquals(404, channel.page(null, Requests.get("x")).status());
    assertTrue(host.requests().isEmpty());
  }

  @Test
  void aPostWithoutOneValidDecisionIsA400AndDecidesNothing() {
    started();
    for (Parameters form :
        List.of(
            Parameters.none(),
            Parameters.of(Map.of("decision", "PAY")),
            Parameters.of(Map.of("decision", "refund")),
            new Parameters(Map.of("decision", List.of("pay", "fail"))))) {
      assertEquals(400, channel.page(PAGE, Requests.post(PAGE, form)).status(), form.toString());
    }
    assertTrue(host.requests().isEmpty());
    assertTrue(html(channel.page(PAGE, Requests.get(PAGE))).contains("<form method=\"post\">"));
  }

  @Test
  void otherMethodsAre405() {
    started();
    InboundReply reply =
        channel.page(
            PAGE,
            new InboundRequest(
                "PUT",
                "/p",
                Parameters.none(),
                Parameters.none(),
                Headers.none(),
                Body.empty(),
                "198.51.100.4"));
    assertEquals(405, reply.status());
  }

  @Test
  void aShopThatCannotBeReachedLeavesTheDecisionRecordedForQuerying() {
    started();
    host.answering(
        request -> {
          throw new IOException("connect timed out");
        });
    InboundReply paid = channel.page(PAGE, Requests.click(Requests.REFERENCE, "pay"));
    assertEquals(200, paid.status());
    assertTrue(html(paid).contains("The notice could not be sent."));
    assertTrue(html(paid).contains("the shop will pick it up by querying"));
    assertTrue(html(paid).contains("Back to the shop"));
    assertEquals(PaymentStatus.SUCCEEDED, queried().status());
    // the log names the payment and the failure, never what was signed or with which secret
    String logged = String.join("\n", host.logLines());
    assertTrue(logged.contains(Requests.REFERENCE + " not sent: IOException"), logged);
    assertFalse(logged.contains(TestShop.SECRET), logged);
    assertFalse(logged.contains("signature="), logged);
  }

  @Test
  void aRefusedDestinationIsReportedLikeAnUnreachableShop() {
    started();
    host.answering(
        request -> {
          throw new DestinationRefusedException("loopback address refused");
        });
    InboundReply paid = channel.page(PAGE, Requests.click(Requests.REFERENCE, "fail"));
    assertEquals(200, paid.status());
    assertTrue(html(paid).contains("The notice could not be sent."));
    assertEquals(PaymentStatus.FAILED, queried().status());
  }

  @Test
  void aShopThatDoesNotAnswerOkIsShownAsNotAcknowledged() {
    started();
    host.answering(request -> TestShop.response(400, "rejected"));
    String rejected = html(channel.page(PAGE, Requests.click(Requests.REFERENCE, "pay")));
    assertTrue(rejected.contains("did not acknowledge the notice (HTTP 400)"), rejected);

    host.answering(request -> TestShop.response(200, "okay"));
    String odd = html(channel.page(PAGE, Requests.click(Requests.REFERENCE, "pay")));
    assertTrue(odd.contains("did not acknowledge the notice (HTTP 200)"), odd);
  }

  @Test
  void startingThePaymentAgainAfterTheDecisionKeepsTheDecision() {
    started();
    channel.page(PAGE, Requests.click(Requests.REFERENCE, "pay"));
    assertInstanceOf(Redirect.class, channel.start(Requests.payment()));
    assertEquals(PaymentStatus.SUCCEEDED, queried().status());
    assertTrue(html(channel.page(PAGE, Requests.get(PAGE))).contains("Test payment succeeded"));
  }

  @Test
  void anotherChannelInstanceOnTheSameStoreServesThePage() {
    started();
    // the host may drop instances at will and build one per server: state lives in the store
    SandboxChannel other = TestShop.channel(host);
    other.page(PAGE, Requests.click(Requests.REFERENCE, "pay"));
    PaymentOutcome outcome = verifiedCapturedNotify(0);
    assertEquals(outcome, queried());
    assertNotEquals(PaymentStatus.PENDING, outcome.status());
  }

  private PaymentOutcome queried() {
    return assertInstanceOf(PaymentLookup.Found.class, channel.query(Requests.REFERENCE)).outcome();
  }
}
