package org.kameng.plugins.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.Capability;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.payment.Device;
import org.kameng.plugin.api.payment.PaymentLookup;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.api.payment.PaymentStart;
import org.kameng.plugin.api.payment.PaymentStatus;
import org.kameng.plugin.api.payment.RefundRequest;
import org.kameng.plugin.api.payment.RefundResult;
import org.kameng.plugin.testkit.ContractHost;

/**
 * What the contract does not cover: the redirect {@code start} builds, the status query, refunds
 * and the settings check. Example Pay's side is {@link ExamplePayGateway}.
 */
class ExamplePayChannelTest {

  private static final String REFERENCE = "0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c";

  private final ExamplePayChannelFactory factory = new ExamplePayChannelFactory();
  private final ContractHost host = TestMerchant.host();
  private final ExamplePayChannel channel = TestMerchant.channel(host);

  private static PaymentRequest payment() {
    return new PaymentRequest(
        REFERENCE,
        "1042",
        Money.of(1230, "CNY"),
        "Demo Shop #1042",
        URI.create("https://demo.shop.example/orders/paid?payment=" + REFERENCE),
        URI.create("https://kameng.example/api/public/notify/t/c/" + REFERENCE),
        Optional.of("198.51.100.4"),
        Device.DESKTOP,
        ContractHost.START.plusSeconds(900));
  }

  /** What Example Pay answers a status query for this payment, signed with shop A's key. */
  private static Map<String, String> statusAnswer(String status, Instant at) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("merchant_id", TestMerchant.MERCHANT_A);
    fields.put("reference", REFERENCE);
    fields.put("transaction_id", "EP20261122000001");
    fields.put("event_id", "evt_7Qm2xK9p");
    fields.put("status", status);
    fields.put("amount", "12.30");
    fields.put("currency", "CNY");
    fields.put("timestamp", Long.toString(at.getEpochSecond()));
    return ExamplePayGateway.signed(fields, TestMerchant.KEY_A);
  }

  @Test
  void startRedirectsToThePayPageWithThePaymentSignedAndNoNetworkCall() {
    PaymentStart.Redirect redirect =
        assertInstanceOf(PaymentStart.Redirect.class, channel.start(payment()));
    URI url = redirect.url();
    assertEquals("https://gateway.example-pay.example/pay", url.resolve(url.getPath()).toString());
    Map<String, String> sent = ExamplePayGateway.query(url);
    assertEquals(TestMerchant.MERCHANT_A, sent.get("merchant_id"));
    assertEquals(REFERENCE, sent.get("reference"));
    assertEquals("12.30", sent.get("amount"));
    assertEquals("CNY", sent.get("currency"));
    assertEquals("Demo Shop #1042", sent.get("subject"));
    assertEquals(payment().notifyUrl().toString(), sent.get("notify_url"));
    assertEquals(payment().returnUrl().toString(), sent.get("return_url"));
    assertEquals(Long.toString(payment().expiresAt().getEpochSecond()), sent.get("expires_at"));
    assertEquals(Long.toString(ContractHost.START.getEpochSecond()), sent.get("timestamp"));
    assertEquals(ExamplePayGateway.signed(sent, TestMerchant.KEY_A), sent, "signed with A's key");
    assertEquals(List.of(), host.requests(), "a redirect needs no call to Example Pay");
  }

  @Test
  void aQueryAsksExamplePayWithASignedRequestAndReportsWhatItSigned() throws IOException {
    host.answering(request -> ExamplePayGateway.answer(statusAnswer("PAID", ContractHost.START)));
    PaymentLookup.Found found =
        assertInstanceOf(PaymentLookup.Found.class, channel.query(REFERENCE));
    assertEquals(
        new PaymentOutcome(
            REFERENCE,
            "evt_7Qm2xK9p",
            PaymentStatus.SUCCEEDED,
            Money.of(1230, "CNY"),
            "EP20261122000001"),
        found.outcome());
    OutboundRequest asked = host.requests().get(0);
    assertEquals("GET", asked.method());
    assertEquals("/api/payment", asked.uri().getPath());
    Map<String, String> query = ExamplePayGateway.query(asked.uri());
    assertEquals(REFERENCE, query.get("reference"));
    assertEquals(TestMerchant.MERCHANT_A, query.get("merchant_id"));
    assertEquals(ExamplePayGateway.signed(query, TestMerchant.KEY_A), query);
  }

  @Test
  void aPaymentExamplePayDoesNotKnowIsNotFound() throws IOException {
    host.answering(request -> new OutboundResponse(404, Headers.none(), Body.utf8("no such")));
    assertInstanceOf(PaymentLookup.NotFound.class, channel.query(REFERENCE));
    // a reference this channel never sent is not even asked about
    assertInstanceOf(PaymentLookup.NotFound.class, channel.query("not a reference\n"));
    assertEquals(1, host.requests().size());
  }

  @Test
  void anErrorOrAnAnswerThatDoesNotVerifyIsAnIoExceptionForTheHostToRetry() {
    host.answering(request -> new OutboundResponse(503, Headers.none(), Body.utf8("busy")));
    assertThrows(IOException.class, () -> channel.query(REFERENCE));

    Map<String, String> forged = statusAnswer("PAID", ContractHost.START);
    forged.put("amount", "0.01");
    host.answering(request -> ExamplePayGateway.answer(forged));
    IOException refused = assertThrows(IOException.class, () -> channel.query(REFERENCE));
    assertTrue(refused.getMessage().contains("signature does not verify"), refused.getMessage());

    Map<String, String> stale = statusAnswer("PAID", ContractHost.START.minusSeconds(3600));
    host.answering(request -> ExamplePayGateway.answer(stale));
    assertThrows(IOException.class, () -> channel.query(REFERENCE));
  }

  @Test
  void refundsAreUnsupportedAndNotDeclared() {
    RefundRequest refund =
        new RefundRequest("rf-1", REFERENCE, "EP20261122000001", Money.of(100, "CNY"), "asked");
    assertInstanceOf(RefundResult.Unsupported.class, channel.refund(refund));
    assertFalse(factory.descriptor().offers(Capability.PAYMENT_REFUND));
    assertTrue(factory.descriptor().offers(Capability.PAYMENT_QUERY));
  }

  @Test
  void settingsRefuseAPlainHttpGatewayAndKeysAnyoneCouldKnow() {
    assertEquals(List.of(), problems(Map.of()));
    assertEquals(
        List.of("gatewayUrl"), fields(problems(Map.of("gatewayUrl", "http://gateway.example/"))));
    for (String key :
        List.of(
            TestMerchant.SAMPLE_KEY,
            TestMerchant.KEY_A.toUpperCase(java.util.Locale.ROOT),
            TestMerchant.KEY_A.substring(1),
            "0123456789abcdef".repeat(4),
            "ab".repeat(32))) {
      List<ConfigProblem> problems = problems(Map.of("secretKey", key));
      assertEquals(List.of("secretKey"), fields(problems), key);
      assertFalse(problems.get(0).message().contains(key), "the message repeats the key");
    }
  }

  @Test
  void createRefusesAKeyThatSlippedPastValidationWithoutShowingIt() {
    PluginConfig weak = TestMerchant.config(Map.of("secretKey", TestMerchant.SAMPLE_KEY));
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> factory.create(ContractHost.TENANT_A, weak, host));
    assertTrue(refused.getMessage().contains("secretKey"), refused.getMessage());
    assertFalse(refused.getMessage().contains(TestMerchant.SAMPLE_KEY));
  }

  /**
   * The problems as the host finds them: the schema's, then the plugin's when the schema passes.
   */
  private List<ConfigProblem> problems(Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    PluginConfig config = TestMerchant.config(overrides);
    config.names().forEach(name -> values.put(name, config.string(name)));
    List<ConfigProblem> schema = factory.configSchema().problems(values);
    return schema.isEmpty() ? factory.validate(config) : schema;
  }

  private static List<String> fields(List<ConfigProblem> problems) {
    return problems.stream().map(ConfigProblem::field).toList();
  }
}
