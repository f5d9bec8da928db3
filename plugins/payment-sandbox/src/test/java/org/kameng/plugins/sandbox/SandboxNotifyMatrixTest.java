package org.kameng.plugins.sandbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.NotifyVerification.Rejected;
import org.kameng.plugin.api.payment.NotifyVerification.Verified;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentStatus;
import org.kameng.plugin.testkit.ContractHost;

/**
 * The sandbox's own rows of the forged-notify matrix, beyond what every channel passes in {@link
 * SandboxChannelContractTest}: the protocol is stricter than the kit demands (a form POST only, no
 * field twice even with the same value, no field in the query, no unknown field, the window's exact
 * edges) and its reasons name the check. The genuine notify is signed with the test's own HMAC
 * ({@link Requests#signed}), which {@link SigningSecretTest} pins to openssl.
 */
class SandboxNotifyMatrixTest {

  private final ContractHost host = TestShop.host();
  private final SandboxChannel channel = TestShop.channel(host);

  private static Map<String, String> genuine() {
    return new LinkedHashMap<>(
        Requests.signedNotify("succeeded", ContractHost.START, TestShop.SECRET));
  }

  private Rejected rejected(InboundRequest request) {
    NotifyVerification result = assertDoesNotThrow(() -> channel.verifyNotify(request));
    Rejected rejected = assertInstanceOf(Rejected.class, result, () -> "verified: " + result);
    assertEquals(400, rejected.reply().status());
    assertEquals("rejected", rejected.reply().body().text());
    assertTrue(
        !rejected.reason().contains(TestShop.SECRET)
            && !rejected.reason().contains(genuine().get("signature")),
        rejected.reason());
    return rejected;
  }

  private PaymentOutcome verified(Map<String, String> form) {
    NotifyVerification result = channel.verifyNotify(Requests.notify(form));
    return assertInstanceOf(Verified.class, result, () -> "rejected: " + result).outcome();
  }

  @Test
  void aNotifyMoreThanFiveMinutesOldOrAheadIsRejected() {
    assertEquals(
        PaymentStatus.SUCCEEDED,
        verified(
                Requests.signedNotify(
                    "succeeded", ContractHost.START.minusSeconds(300), TestShop.SECRET))
            .status());
    assertEquals(
        PaymentStatus.SUCCEEDED,
        verified(
                Requests.signedNotify(
                    "succeeded", ContractHost.START.plusSeconds(300), TestShop.SECRET))
            .status());
    for (long offset : List.of(-301L, 301L, -86_400L, 86_400L)) {
      Map<String, String> off =
          Requests.signedNotify(
              "succeeded", ContractHost.START.plusSeconds(offset), TestShop.SECRET);
      assertTrue(rejected(Requests.notify(off)).reason().startsWith("timestamp is more than"));
    }
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
          Rejected rejected = rejected(Requests.notify(Requests.signed(fields, TestShop.SECRET)));
          assertTrue(rejected.reason().startsWith(field), rejected.reason());
        });
    for (String amount : List.of("01", "+5", "1e3", "12.30", "9223372036854775808", "")) {
      Map<String, String> fields = genuine();
      fields.put("amount", amount);
      assertTrue(
          rejected(Requests.notify(Requests.signed(fields, TestShop.SECRET)))
              .reason()
              .startsWith("amount"),
          amount);
    }
    Map<String, String> unknownCurrency = genuine();
    unknownCurrency.put("currency", "XYZ");
    assertEquals(
        "currency is not an ISO 4217 code",
        rejected(Requests.notify(Requests.signed(unknownCurrency, TestShop.SECRET))).reason());
  }

  @Test
  void aZeroAmountAndAnyKnownCurrencyAreReportedAsSentForTheKernelToJudge() {
    Map<String, String> fields = genuine();
    fields.put("amount", "0");
    fields.put("currency", "JPY");
    assertEquals(Money.of(0, "JPY"), verified(Requests.signed(fields, TestShop.SECRET)).amount());
  }
}
