package org.kameng.plugins.epay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.NotifyVerification.Rejected;
import org.kameng.plugin.api.payment.NotifyVerification.Verified;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentStatus;

/**
 * The EPay rows of the forged-notify matrix: what {@link EpayChannelContractTest} (the contract
 * every channel passes) does not cover, because it is EPay's protocol or stricter than the contract
 * asks. What the kernel checks (binding to the payment, amount and currency against the order,
 * duplicate event ids) is not this channel's job; those rows appear here only as "the channel
 * reports the value as sent".
 */
class EpayNotifyMatrixTest {

  private final EpayChannel channel = TestMerchant.channel(Map.of());

  /** The genuine notify: a literal signature from {@link EpaySignatureTest}'s md5sum vector. */
  private static Map<String, String> genuine() {
    Map<String, String> fields = new LinkedHashMap<>(Notifies.paid());
    fields.put("sign", "b966604e26cd32cae640e50bda1d8134");
    return fields;
  }

  private PaymentOutcome verified(InboundRequest request) {
    NotifyVerification result = channel.verifyNotify(request);
    Verified verified = assertInstanceOf(Verified.class, result, () -> "rejected: " + result);
    assertEquals("success", verified.accepted().body().text());
    assertEquals("fail", verified.rejected().body().text());
    return verified.outcome();
  }

  private Rejected rejected(InboundRequest request) {
    Rejected rejected = assertInstanceOf(Rejected.class, channel.verifyNotify(request));
    assertEquals("fail", rejected.reply().body().text());
    assertEquals(200, rejected.reply().status());
    return rejected;
  }

  @Test
  void aGenuinePostFormNotifyIsAccepted() {
    assertEquals(PaymentStatus.SUCCEEDED, verified(Notifies.post(Map.of(), genuine())).status());
  }

  @Test
  void addingAnUnsignedParameterBreaksTheSignature() {
    // every parameter the gateway sends is signed, so one it did not send cannot be slipped in
    Map<String, String> forged = genuine();
    forged.put("buyer", "attacker");
    rejected(Notifies.get(forged));
  }

  @Test
  void aNotifySignedWithAnEmptyKeyIsRejected() {
    // the contract signs with placeholder and other merchants' keys; an empty one it cannot
    // express as configuration
    rejected(Notifies.get(Notifies.signed(Notifies.paid(), "")));
  }

  @Test
  void anotherPidIsRejectedEvenWhenSignedWithThisKey() {
    Map<String, String> fields = Notifies.paid();
    fields.put("pid", "1002");
    Rejected rejected = rejected(Notifies.get(Notifies.signed(fields, TestMerchant.KEY)));
    assertEquals("pid is not this channel's merchant", rejected.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "md5", "SHA256", " MD5"})
  void aSignTypeOtherThanMd5IsRejected(String signType) {
    Map<String, String> forged = genuine();
    forged.put("sign_type", signType);
    assertEquals("sign_type is not MD5", rejected(Notifies.get(forged)).reason());
  }

  @Test
  void anAbsentSignTypeMeansMd5AsTheProtocolDefaults() {
    Map<String, String> fields = genuine();
    fields.remove("sign_type");
    verified(Notifies.get(fields));
  }

  @Test
  void aRepeatedParameterIsRejectedWhateverItsSecondValue() {
    assertEquals(
        "a parameter is repeated",
        rejected(Notifies.get(Notifies.repeated(genuine(), "money", "0.01"))).reason());
    rejected(Notifies.get(Notifies.repeated(genuine(), "money", "100.00")));
    rejected(Notifies.get(Notifies.repeated(genuine(), "sign", "whatever")));
  }

  @Test
  void aParameterInBothQueryAndFormCountsAsRepeated() {
    rejected(Notifies.post(Map.of("money", "0.01"), genuine()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pid", "trade_no", "out_trade_no", "money", "trade_status"})
  void aMissingFieldIsRejectedEvenWhenTheRestIsSigned(String field) {
    Map<String, String> fields = Notifies.paid();
    fields.remove(field);
    Rejected rejected = rejected(Notifies.get(Notifies.signed(fields, TestMerchant.KEY)));
    assertEquals(field + " is missing", rejected.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"100.000", "100.005", "1e2", "+100.00", "-100.00", "100,00", "１００"})
  void anAmountThatIsNotExactYuanIsRejectedEvenWhenSigned(String money) {
    Map<String, String> fields = Notifies.paid();
    fields.put("money", money);
    rejected(Notifies.get(Notifies.signed(fields, TestMerchant.KEY)));
  }

  @Test
  void aWrongAmountIsReportedAsSentForTheKernelToRefuse() {
    // amount ±0.01 against the order: the signature holds, so the channel reports it unchanged
    Map<String, String> fields = Notifies.paid();
    fields.put("money", "99.99");
    PaymentOutcome outcome = verified(Notifies.get(Notifies.signed(fields, TestMerchant.KEY)));
    assertEquals(Money.of(9999, "CNY"), outcome.amount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"WAIT_BUYER_PAY", "TRADE_CLOSED", "TRADE_FINISHED", "trade_success"})
  void onlyTradeSuccessSucceedsEverythingElseIsPendingUnderItsOwnEventId(String status) {
    Map<String, String> fields = Notifies.paid();
    fields.put("trade_status", status);
    PaymentOutcome outcome = verified(Notifies.get(Notifies.signed(fields, TestMerchant.KEY)));
    assertEquals(PaymentStatus.PENDING, outcome.status());
    // a pending event must not swallow the later success of the same trade_no
    assertEquals("2026112210150012345:PENDING", outcome.providerEventId());
  }

  @Test
  void otherMethodsAreNotNotifies() {
    InboundRequest get = Notifies.get(genuine());
    rejected(
        new InboundRequest(
            "PUT", get.path(), get.query(), get.form(), get.headers(), get.body(), "203.0.113.7"));
  }

  @Test
  void rejectionReasonsNeverContainTheKeyOrTheSignature() {
    Rejected rejected = rejected(Notifies.get(Notifies.signed(Notifies.paid(), "wrong-key")));
    assertTrue(
        !rejected.reason().contains(TestMerchant.KEY) && !rejected.reason().contains("b9666"));
  }
}
