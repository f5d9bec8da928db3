package org.kameng.plugins.sandbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.NotifyVerification.Rejected;
import org.kameng.plugin.api.payment.NotifyVerification.Verified;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentStatus;

/**
 * The forged-notify matrix, as a plain test until the plugin-testkit runs a shared one. The genuine
 * notify is signed with the test's own HMAC ({@link Requests#signed}), which {@link
 * SigningSecretTest} pins to openssl. Whether a notify belongs to the payment and has the right
 * amount is the kernel's check, not the channel's.
 */
class SandboxNotifyMatrixTest {

  private final TestHost host = new TestHost();
  private final SandboxChannel channel = host.channel();

  private static Map<String, String> genuine() {
    return new LinkedHashMap<>(Requests.signedNotify("succeeded", TestHost.START, TestHost.SECRET));
  }

  private Rejected rejected(InboundRequest request) {
    NotifyVerification result = assertDoesNotThrow(() -> channel.verifyNotify(request));
    Rejected rejected = assertInstanceOf(Rejected.class, result, () -> "verified: " + result);
    assertEquals(400, rejected.reply().status());
    assertEquals("rejected", rejected.reply().body().text());
    assertTrue(
        !rejected.reason().contains(TestHost.SECRET)
            && !rejected.reason().contains(genuine().get("signature")),
        rejected.reason());
    return rejected;
  }

  private PaymentOutcome verified(Map<String, String> form) {
    NotifyVerification result = channel.verifyNotify(Requests.notify(form));
    return assertInstanceOf(Verified.class, result, () -> "rejected: " + result).outcome();
  }

  @Test
  void theGenuineNotifyVerifiesAsSent() {
    PaymentOutcome outcome = verified(genuine());
    assertEquals(Requests.REFERENCE, outcome.paymentReference());
    assertEquals("6b1d2f3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", outcome.providerEventId());
    assertEquals("6b1d2f3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", outcome.providerReference());
    assertEquals(PaymentStatus.SUCCEEDED, outcome.status());
    assertEquals(Money.of(1230, "CNY"), outcome.amount());
  }

  @Test
  void aGenuineFailedNotifyVerifiesAsFailed() {
    assertEquals(
        PaymentStatus.FAILED,
        verified(Requests.signedNotify("failed", TestHost.START, TestHost.SECRET)).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "event", "status", "amount", "currency", "timestamp"})
  void tamperingWithAnySignedFieldBreaksTheSignature(String field) {
    Map<String, String> forged = genuine();
    forged.put(
        field,
        switch (field) {
          case "status" -> "failed";
          case "amount" -> "1";
          case "currency" -> "USD";
          case "timestamp" -> "1795342501";
          default -> forged.get(field) + "1";
        });
    assertEquals("signature does not verify", rejected(Requests.notify(forged)).reason());
  }

  @Test
  void aTamperedOrForeignSignatureIsRejected() {
    Map<String, String> flipped = genuine();
    String signature = flipped.get("signature");
    flipped.put("signature", (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1));
    rejected(Requests.notify(flipped));

    Map<String, String> upper = genuine();
    upper.put("signature", signature.toUpperCase(java.util.Locale.ROOT));
    rejected(Requests.notify(upper));

    Map<String, String> otherShop =
        Requests.signedNotify("succeeded", TestHost.START, "Another-shops-secret-7f3a9c2b7d4e");
    assertEquals("signature does not verify", rejected(Requests.notify(otherShop)).reason());
  }

  @Test
  void aNotifyMoreThanFiveMinutesOldOrAheadIsRejected() {
    assertEquals(
        PaymentStatus.SUCCEEDED,
        verified(
                Requests.signedNotify(
                    "succeeded", TestHost.START.minusSeconds(300), TestHost.SECRET))
            .status());
    assertEquals(
        PaymentStatus.SUCCEEDED,
        verified(
                Requests.signedNotify(
                    "succeeded", TestHost.START.plusSeconds(300), TestHost.SECRET))
            .status());
    for (long offset : List.of(-301L, 301L, -86_400L, 86_400L)) {
      Map<String, String> off =
          Requests.signedNotify("succeeded", TestHost.START.plusSeconds(offset), TestHost.SECRET);
      assertTrue(rejected(Requests.notify(off)).reason().startsWith("timestamp is more than"));
    }
  }

  @Test
  void aGenuineNotifyReplayedLaterIsRejected() {
    Map<String, String> genuine = genuine();
    verified(genuine);
    host.clock.advance(Duration.ofSeconds(301));
    rejected(Requests.notify(genuine));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"reference", "event", "status", "amount", "currency", "timestamp", "signature"})
  void aMissingFieldIsRejected(String field) {
    Map<String, String> missing = genuine();
    missing.remove(field);
    assertEquals(field + " is missing", rejected(Requests.notify(missing)).reason());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"reference", "event", "status", "amount", "currency", "timestamp", "signature"})
  void aRepeatedFieldIsRejectedEvenWithTheSameValue(String field) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    genuine().forEach((name, value) -> form.put(name, List.of(value)));
    form.put(field, List.of(genuine().get(field), genuine().get(field)));
    InboundRequest request = Requests.notify("POST", Parameters.none(), new Parameters(form));
    assertEquals(field + " is repeated", rejected(request).reason());
  }

  @Test
  void aFieldAlsoInTheQueryOrAnUnknownFieldIsRejected() {
    Parameters form = Parameters.of(genuine());
    rejected(Requests.notify("POST", Parameters.of(Map.of("amount", "1")), form));
    Map<String, String> extra = genuine();
    extra.put("note", "unsigned");
    rejected(Requests.notify(extra));
  }

  @Test
  void anythingButAFormPostIsRejected() {
    Parameters fields = Parameters.of(genuine());
    for (String method : List.of("GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH")) {
      rejected(Requests.notify(method, fields, Parameters.none()));
      rejected(Requests.notify(method, Parameters.none(), fields));
    }
    // a GET with the fields in the query, as some providers send notifies
    assertTrue(
        rejected(Requests.notify("GET", fields, Parameters.none())).reason().contains("GET"));
  }

  @Test
  void garbageIsRejectedWithoutAnException() {
    rejected(Requests.notify("POST", Parameters.none(), Parameters.none()));
    rejected(
        new InboundRequest(
            "POST",
            "/api/notify/payment/t1/c1/p1",
            Parameters.none(),
            Parameters.none(),
            Headers.of(Map.of("Content-Type", "application/json")),
            Body.utf8("{\"reference\":\"x\"}"),
            "203.0.113.7"));
    rejected(
        new InboundRequest(
            "POST",
            "/api/notify/payment/t1/c1/p1",
            Parameters.none(),
            Parameters.none(),
            Headers.none(),
            Body.of(new byte[] {(byte) 0xff, 0, 1, 2}),
            "203.0.113.7"));
    Map<String, String> junk = new LinkedHashMap<>();
    for (String name :
        List.of("reference", "event", "status", "amount", "currency", "timestamp", "signature")) {
      junk.put(name, "\u0000<&%ZZ 中文\uFFFD" + name);
    }
    rejected(Requests.notify(junk));
  }

  @Test
  void signedButMalformedValuesAreRejected() {
    // what a buggy signer could produce: the signature verifies, the values do not parse
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("reference", "has space");
    cases.put("event", "x".repeat(65));
    cases.put("status", "SUCCEEDED");
    cases.put("amount", "-1");
    cases.put("currency", "cny");
    cases.put("timestamp", "1795342500.0");
    cases.forEach(
        (field, value) -> {
          Map<String, String> fields = genuine();
          fields.remove("signature");
          fields.put(field, value);
          Rejected rejected = rejected(Requests.notify(Requests.signed(fields, TestHost.SECRET)));
          assertTrue(rejected.reason().startsWith(field), rejected.reason());
        });
    for (String amount : List.of("01", "+5", "1e3", "12.30", "9223372036854775808", "")) {
      Map<String, String> fields = genuine();
      fields.put("amount", amount);
      assertTrue(
          rejected(Requests.notify(Requests.signed(fields, TestHost.SECRET)))
              .reason()
              .startsWith("amount"),
          amount);
    }
    Map<String, String> unknownCurrency = genuine();
    unknownCurrency.put("currency", "XYZ");
    assertEquals(
        "currency is not an ISO 4217 code",
        rejected(Requests.notify(Requests.signed(unknownCurrency, TestHost.SECRET))).reason());
  }

  @Test
  void aZeroAmountAndAnyKnownCurrencyAreReportedAsSentForTheKernelToJudge() {
    Map<String, String> fields = genuine();
    fields.put("amount", "0");
    fields.put("currency", "JPY");
    assertEquals(Money.of(0, "JPY"), verified(Requests.signed(fields, TestHost.SECRET)).amount());
  }
}
