package org.kameng.plugins.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.notifier.DeliveryResult;
import org.kameng.plugin.api.notifier.MessageKind;
import org.kameng.plugin.api.notifier.NotifierFactory;
import org.kameng.plugin.testkit.ContractHost;
import org.kameng.plugin.testkit.NotifierContract;

class WebhookNotifierTest extends NotifierContract {

  static final String SECRET = "whsec-test-0123456789abcdefghijklmnop";

  @Override
  protected NotifierFactory factory() {
    return new WebhookFactory();
  }

  @Override
  protected PluginConfig workingConfig() {
    return PluginConfig.of(
        Map.of("url", "https://hooks.shop.test/kameng", "signingSecret", SECRET));
  }

  /** Computed independently (Python's hmac module) over "1763806500." + {"id":"m1"}. */
  @Test
  void theSignatureIsHmacSha256OfTimestampDotBody() {
    assertEquals(
        "v1=e412ba8c5016964c1cffe4f6d3850c12f3c7298cb05c309c1b0383dddcd31a7b",
        WebhookSignature.sign(
            SECRET, 1763806500L, "{\"id\":\"m1\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aDeliveryIsAJsonPostSignedOverItsExactBodyAndTheHostsTime() throws Exception {
    var notifier = notifier(request -> new OutboundResponse(204, Headers.none(), Body.empty()));
    var message = message(MessageKind.ORDER_DELIVERED);
    assertInstanceOf(DeliveryResult.Sent.class, notifier.deliver(message));
    OutboundRequest sent = host().requests().get(0);
    assertEquals("POST", sent.method());
    assertEquals("https://hooks.shop.test/kameng", sent.uri().toString());
    long timestamp = ContractHost.START.getEpochSecond();
    assertEquals(
        Long.toString(timestamp), sent.headers().first("Kameng-Webhook-Timestamp").orElseThrow());
    assertEquals(
        WebhookSignature.sign(SECRET, timestamp, sent.body().bytes()),
        sent.headers().first("Kameng-Webhook-Signature").orElseThrow());
    assertEquals(message.messageId(), sent.headers().first("Kameng-Webhook-Id").orElseThrow());
    String body = sent.body().text();
    assertTrue(
        body.startsWith("{\"id\":\"" + message.messageId() + "\",\"type\":\"order.delivered\""));
    assertTrue(body.contains("\"orderNumber\":\"1042\""), body);
    assertTrue(body.contains("\"recipient\":\"buyer\""), body);
    assertFalse(body.contains(BUYER_EMAIL), "the buyer's address is not sent");
  }

  @Test
  void aTimeoutRateLimitOrServerErrorMeansRetryLater() throws Exception {
    for (int status : new int[] {408, 429, 500, 502}) {
      var notifier =
          notifier(request -> new OutboundResponse(status, Headers.none(), Body.empty()));
      assertInstanceOf(
          DeliveryResult.RetryLater.class,
          notifier.deliver(message(MessageKind.LOW_STOCK)),
          "status " + status);
    }
  }

  @Test
  void aGoneOrRefusingReceiverFailsForGood() throws Exception {
    var notifier = notifier(request -> new OutboundResponse(410, Headers.none(), Body.empty()));
    assertInstanceOf(DeliveryResult.Failed.class, notifier.deliver(message(MessageKind.LOW_STOCK)));
  }

  @Test
  void aShortOrPlainSecretOrAUrlWithCredentialsIsRefusedByField() {
    var problems =
        factory()
            .validate(
                PluginConfig.of(
                    Map.of("url", "https://u:p@hooks.test/", "signingSecret", "a".repeat(40))));
    assertEquals(2, problems.size(), problems.toString());
    assertEquals("url", problems.get(0).field());
    assertEquals("signingSecret", problems.get(1).field());
    assertTrue(problems.stream().noneMatch(p -> p.message().contains("aaaa")));
  }
}
