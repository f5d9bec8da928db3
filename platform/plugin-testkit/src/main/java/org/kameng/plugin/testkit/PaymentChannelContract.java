package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.NotifyVerification.Rejected;
import org.kameng.plugin.api.payment.NotifyVerification.Verified;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentStatus;

/**
 * The contract every payment channel passes: its notify verification against forged, tampered,
 * replayed and garbled notifies (the channel's share of the forged-notify bar S3), and its
 * configuration check against guessable keys. Extend it in the plugin's tests, supply the abstract
 * methods, and every test here runs against the plugin.
 *
 * <p>The plugin's test implements the provider's side: {@link #notify(NotifyFacts, PluginConfig)}
 * encodes and signs facts the way the provider does, written independently of the plugin's own
 * signing code, so that a bug there cannot hide itself. Two shops take part: tenant A and tenant B,
 * with different merchant keys.
 *
 * <p>What a channel decides is deliberately narrow (see {@code PaymentChannel}): it verifies and
 * reports; the kernel binds the notify to the payment, checks amount and currency and deduplicates
 * event ids. So the tests here demand that a channel reports faithfully what the provider signed
 * (another payment's reference, an amount off by a cent, a replay) and rejects what the provider
 * did not sign. Notifies are, by default, query or form parameters; a protocol that signs a body or
 * headers overrides {@link #field}, {@link #withField}, {@link #withoutField} and {@link
 * #withFieldRepeated}.
 */
public abstract class PaymentChannelContract extends PaymentChannelFixture {

  /** A payment other than the one the facts are about. */
  private static final String OTHER_PAYMENT = "7b1e4d2c-9a3f-4e6b-8c5d-1f2a3b4c5d6e";

  private NotifyVerdicts verdicts;

  @BeforeEach
  final void expectTheProtocolsReplies() {
    verdicts = new NotifyVerdicts(acceptedReply(), rejectedReply());
  }

  @Test
  void bothTenantsConfigurationsAreValidWithDifferentKeys() {
    // every other test builds on these two: a broken fixture would make them prove nothing
    assertEquals(
        List.of(),
        HostValidation.problems(factory(), HostValidation.values(configA())),
        "tenant A's configuration");
    assertEquals(
        List.of(),
        HostValidation.problems(factory(), HostValidation.values(configB())),
        "tenant B's configuration");
    assertTrue(configA().find(keyField()).isPresent(), "tenant A's config has no " + keyField());
    assertNotEquals(
        configA().string(keyField()),
        configB().string(keyField()),
        "both tenants have the same key");
  }

  @Test
  void aGenuineNotifyReportsExactlyWhatTheProviderStated() {
    for (PaymentStatus status : statuses()) {
      NotifyFacts stated = facts().withStatus(status).withEventId(facts().eventId() + "-" + status);
      assertOutcome(
          stated, verdicts.verified(channelA(), notify(stated, configA()), "a genuine " + status));
    }
    NotifyFacts stated = facts();
    assertOutcome(
        stated, verdicts.verified(channelB(), notify(stated, configB()), "tenant B's own notify"));
  }

  @TestFactory
  Stream<DynamicTest> eachSignedFieldChangedOrRemovedIsRejected() {
    InboundRequest genuine = notify(facts(), configA());
    verdicts.verified(channelA(), genuine, "the untouched notify");
    assertFalse(signedFields().isEmpty(), "no signed fields declared");
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : new TreeSet<>(signedFields())) {
      String value =
          field(genuine, name)
              .orElseThrow(() -> new AssertionError("the notify has no signed field " + name));
      tests.add(
          DynamicTest.dynamicTest(
              name + " changed",
              () ->
                  verdicts.rejected(
                      channelA(),
                      withField(genuine, name, Forgeries.altered(value)),
                      name + " changed")));
      if (!value.isEmpty()) {
        // an empty value may be left out of the signed text by design (EPay), so only a present
        // one must be missed
        tests.add(
            DynamicTest.dynamicTest(
                name + " removed",
                () ->
                    verdicts.rejected(channelA(), withoutField(genuine, name), name + " removed")));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> aMissingEmptyOrGarbledSignatureIsRejected() {
    InboundRequest genuine = notify(facts(), configA());
    String signature = signatureOf(genuine);
    Map<String, InboundRequest> rows = new LinkedHashMap<>();
    rows.put("removed", withoutField(genuine, signatureField()));
    rows.put("empty", withField(genuine, signatureField(), ""));
    rows.put("blank", withField(genuine, signatureField(), "   "));
    rows.put("all zeros", withField(genuine, signatureField(), "0".repeat(signature.length())));
    rows.put("reversed", withField(genuine, signatureField(), reversed(signature)));
    rows.put(
        "last character changed",
        withField(genuine, signatureField(), Forgeries.altered(signature)));
    rows.put("truncated", withField(genuine, signatureField(), signature.substring(1)));
    rows.put("extended", withField(genuine, signatureField(), signature + "00"));
    rows.put("a word", withField(genuine, signatureField(), "garbage"));
    rows.put("non-ASCII", withField(genuine, signatureField(), "签名签名签名签名"));
    String otherSignature =
        signatureOf(notify(facts().withAmount(plus(facts().amount(), 1)), configA()));
    rows.put("another notify's", withField(genuine, signatureField(), otherSignature));
    List<DynamicTest> tests = new ArrayList<>();
    rows.forEach(
        (row, forged) ->
            tests.add(
                DynamicTest.dynamicTest(
                    row, () -> verdicts.rejected(channelA(), forged, "signature " + row))));
    String flipped = Forgeries.flippedCase(signature);
    if (!flipped.equals(signature)) {
      InboundRequest otherCase = withField(genuine, signatureField(), flipped);
      tests.add(
          DynamicTest.dynamicTest(
              signatureIgnoresCase() ? "other case, which the protocol ignores" : "other case",
              () -> {
                if (signatureIgnoresCase()) {
                  assertEquals(
                      verdicts.verified(channelA(), genuine, "genuine").outcome(),
                      verdicts
                          .verified(channelA(), otherCase, "the signature in the other case")
                          .outcome());
                } else {
                  verdicts.rejected(channelA(), otherCase, "signature in the other case");
                }
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> configurationRefusesAnEmptyBlankOrWellKnownKey() {
    List<String> keys = new ArrayList<>(List.of("", "   ", "\t"));
    keys.addAll(wellKnownKeys());
    return keys.stream()
        .map(
            key ->
                DynamicTest.dynamicTest(
                    "key '" + key + "'",
                    () -> {
                      Map<String, String> values = HostValidation.values(configA());
                      values.put(keyField(), key);
                      List<ConfigProblem> problems = HostValidation.problems(factory(), values);
                      assertTrue(
                          problems.stream().anyMatch(p -> p.field().equals(keyField())),
                          "no problem names " + keyField() + ": " + problems);
                    }));
  }

  @Test
  void aNotifySignedWithAnotherTenantsKeyIsRejected() {
    NotifyFacts stated = facts();
    // B's notify must be genuine for B, or its rejection by A would prove nothing
    verdicts.verified(
        channelB(), notify(stated, configB()), "tenant B's notify on tenant B's channel");
    verdicts.rejected(
        channelA(), notify(stated, configB()), "tenant B's notify on tenant A's channel");
    verdicts.rejected(
        channelB(), notify(stated, configA()), "tenant A's notify on tenant B's channel");
    PluginConfig keyOfB =
        HostValidation.withValue(configA(), keyField(), configB().string(keyField()));
    verdicts.rejected(
        channelA(), notify(stated, keyOfB), "A's merchant fields signed with B's key");
  }

  @Test
  void aNotifySignedWithAWellKnownKeyIsRejected() {
    for (String key : wellKnownKeys()) {
      PluginConfig guessed = HostValidation.withValue(configA(), keyField(), key);
      verdicts.rejected(channelA(), notify(facts(), guessed), "signed with the key '" + key + "'");
    }
  }

  @Test
  void aNotifyForAnotherPaymentReportsThatPaymentsReference() {
    NotifyFacts stated = facts().withPaymentReference(OTHER_PAYMENT);
    // it arrives at the URL of the payment the shop expected: the channel must not take the
    // reference from there, nor from anywhere but what the provider signed
    InboundRequest notify =
        Forgeries.withPath(notify(stated, configA()), notifyPath(facts().paymentReference()));
    PaymentOutcome outcome =
        verdicts.verified(channelA(), notify, "another payment's notify").outcome();
    assertEquals(OTHER_PAYMENT, outcome.paymentReference(), "the reference the provider signed");
  }

  @Test
  void anAmountOffByOneMinorUnitIsReportedAsSignedOrRejected() {
    for (long delta : new long[] {1, -1}) {
      NotifyFacts stated = facts().withAmount(plus(facts().amount(), delta));
      reportedAsSignedOrRejected(stated, "amount " + stated.amount());
    }
  }

  @Test
  void anotherCurrencyIsReportedAsSignedOrRejected() {
    assumeTrue(carriesCurrency(), "the provider's notifies state no currency");
    String other = facts().amount().currency().equals("USD") ? "EUR" : "USD";
    NotifyFacts stated = facts().withAmount(Money.of(facts().amount().minorUnits(), other));
    reportedAsSignedOrRejected(stated, "currency " + other);
  }

  @Test
  void aReplayVerifiesAgainUnderTheSameEventId() {
    // the kernel answers a replay "accepted" and records nothing: a channel that rejects it would
    // make the provider re-send for ever, and one that renames it would pay twice
    InboundRequest notify = notify(facts(), configA());
    PaymentOutcome first = verdicts.verified(channelA(), notify, "the first delivery").outcome();
    PaymentOutcome again = verdicts.verified(channelA(), notify, "the replay").outcome();
    PaymentChannel otherInstance = factory().create(ContractHost.TENANT_A, configA(), hostA());
    PaymentOutcome elsewhere =
        verdicts.verified(otherInstance, notify, "the replay elsewhere").outcome();
    assertEquals(expectedEventId(facts()), first.providerEventId());
    assertEquals(first, again, "the replay on the same instance");
    assertEquals(first, elsewhere, "the replay on another server instance");
  }

  @Test
  void aPendingEventAndTheLaterSuccessHaveDifferentEventIds() {
    assumeTrue(
        statuses().containsAll(EnumSet.of(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED)),
        "the provider does not notify both pending and succeeded payments");
    NotifyFacts pending =
        facts().withStatus(PaymentStatus.PENDING).withEventId(facts().eventId() + "-pending");
    NotifyFacts succeeded = facts().withStatus(PaymentStatus.SUCCEEDED);
    assertNotEquals(
        verdicts
            .verified(channelA(), notify(pending, configA()), "pending")
            .outcome()
            .providerEventId(),
        verdicts
            .verified(channelA(), notify(succeeded, configA()), "succeeded")
            .outcome()
            .providerEventId(),
        "the kernel would take the success for a duplicate of the pending event");
  }

  @Test
  void aTimestampOutsideTheWindowIsRejected() {
    Duration window = window();
    NotifyFacts stated = facts().withTimestamp(ContractHost.START);
    verdicts.verified(channelA(), notify(stated, configA()), "sent now");
    verdicts.verified(
        channelA(),
        notify(stated.withTimestamp(ContractHost.START.minus(window.dividedBy(2))), configA()),
        "sent half a window ago");
    Duration beyond = window.plusMinutes(1);
    verdicts.rejected(
        channelA(),
        notify(stated.withTimestamp(ContractHost.START.minus(beyond)), configA()),
        "sent a minute before the window");
    verdicts.rejected(
        channelA(),
        notify(stated.withTimestamp(ContractHost.START.plus(beyond)), configA()),
        "dated a minute after the window");
  }

  @Test
  void theWindowIsReadFromTheHostsClock() {
    Duration window = window();
    InboundRequest notify = notify(facts().withTimestamp(ContractHost.START), configA());
    verdicts.verified(channelA(), notify, "at the time it was sent");
    hostA().advance(window.plusMinutes(1));
    verdicts.rejected(channelA(), notify, "replayed after the window, by the host's clock");
    hostA().at(ContractHost.START);
    verdicts.verified(channelA(), notify, "with the host's clock set back");
  }

  @TestFactory
  Stream<DynamicTest> garbageIsRejectedWithoutAnException() {
    InboundRequest genuine = notify(facts(), configA());
    Map<String, InboundRequest> rows = new LinkedHashMap<>(Forgeries.garbage(genuine));
    List<String> repeatable = new ArrayList<>(new TreeSet<>(signedFields()));
    repeatable.add(signatureField());
    for (String name : repeatable) {
      // two values for one name: the channel must not verify one and act on the other
      field(genuine, name)
          .ifPresent(
              value ->
                  rows.put(
                      name + " repeated",
                      withFieldRepeated(genuine, name, Forgeries.altered(value))));
    }
    return rows.entrySet().stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.getKey(),
                    () -> verdicts.rejected(channelA(), row.getValue(), row.getKey())));
  }

  @TestFactory
  Stream<DynamicTest> aBentNotifyIsReadTheSameOrRejectedWithoutAnException() {
    InboundRequest genuine = notify(facts(), configA());
    PaymentOutcome expected = verdicts.verified(channelA(), genuine, "genuine").outcome();
    return Forgeries.bent(genuine).entrySet().stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.getKey(),
                    () -> {
                      NotifyVerification result =
                          NotifyVerdicts.verify(channelA(), row.getValue(), row.getKey());
                      if (result instanceof Verified verified) {
                        assertEquals(expected, verified.outcome(), row.getKey() + " read as");
                      } else {
                        NotifyVerdicts.assertReply(
                            rejectedReply(), ((Rejected) result).reply(), row.getKey());
                      }
                    }));
  }

  @Test
  void repliesAreTheOnesTheProtocolExpects() {
    for (InboundReply reply : List.of(acceptedReply(), rejectedReply())) {
      int family = reply.status() / 100;
      assertTrue(
          family == 2 || family == 4,
          "a notify reply is 2xx or 4xx: " + NotifyVerdicts.describe(reply));
    }
    assertNotEquals(
        NotifyVerdicts.describe(acceptedReply()),
        NotifyVerdicts.describe(rejectedReply()),
        "the provider cannot tell an accepted notify from a refused one");
    Verified verified = verdicts.verified(channelA(), notify(facts(), configA()), "genuine");
    NotifyVerdicts.assertReply(acceptedReply(), verified.accepted(), "accepted");
    NotifyVerdicts.assertReply(rejectedReply(), verified.rejected(), "refused by the kernel");
    verdicts.rejected(channelA(), notify(facts(), configB()), "signed with another key");
  }

  @Test
  void noSecretAppearsInReasonsRepliesLogsOrDescriptions() {
    List<String> texts = new ArrayList<>();
    InboundRequest genuine = notify(facts(), configA());
    List<InboundRequest> notifies = new ArrayList<>(List.of(genuine, notify(facts(), configB())));
    notifies.add(withField(genuine, signatureField(), "garbage"));
    for (String name : signedFields()) {
      field(genuine, name).ifPresent(v -> notifies.add(withField(genuine, name, v + "1")));
    }
    notifies.addAll(Forgeries.garbage(genuine).values());
    for (InboundRequest notify : notifies) {
      NotifyVerification result = NotifyVerdicts.verify(channelA(), notify, "a notify");
      texts.add(String.valueOf(result));
      if (result instanceof Rejected rejected) {
        texts.add(rejected.reply().body().text());
      } else if (result instanceof Verified verified) {
        texts.add(verified.accepted().body().text());
        texts.add(verified.rejected().body().text());
      }
    }
    texts.add(String.valueOf(channelA()));
    texts.add(String.valueOf(factory()));
    texts.addAll(hostA().logLines());
    for (String secret : HostValidation.secrets(factory(), configA())) {
      for (String text : texts) {
        assertFalse(text.contains(secret), "a secret config value appears in: " + text);
      }
    }
  }

  @Test
  void verifyingNotifiesUsesNeitherTheNetworkNorTheStore() {
    Map<String, String> stored = hostA().stored();
    InboundRequest genuine = notify(facts(), configA());
    verdicts.verified(channelA(), genuine, "genuine");
    NotifyVerdicts.verify(channelA(), notify(facts(), configB()), "signed with another key");
    Forgeries.garbage(genuine)
        .values()
        .forEach(notify -> NotifyVerdicts.verify(channelA(), notify, "garbage"));
    assertEquals(List.of(), hostA().requests(), "verifyNotify is pure: no network calls");
    assertEquals(stored, hostA().stored(), "verifyNotify is pure: no store writes");
  }

  /** The path the host routes tenant A's notifies for a payment to. */
  private static String notifyPath(String paymentReference) {
    return "/api/notify/payment/" + ContractHost.TENANT_A + "/contract/" + paymentReference;
  }

  private Duration window() {
    Optional<Duration> window = timestampWindow();
    assumeTrue(window.isPresent(), "the provider's notifies carry no timestamp");
    return window.get();
  }

  private void reportedAsSignedOrRejected(NotifyFacts stated, String what) {
    NotifyVerification result = NotifyVerdicts.verify(channelA(), notify(stated, configA()), what);
    if (result instanceof Verified verified) {
      // the kernel compares the amount with the order; "correcting" it here would hide a forgery
      assertEquals(stated.amount(), verified.outcome().amount(), what + " must be reported as is");
    } else {
      NotifyVerdicts.assertReply(rejectedReply(), ((Rejected) result).reply(), what);
    }
  }

  private void assertOutcome(NotifyFacts stated, Verified verified) {
    PaymentOutcome outcome = verified.outcome();
    String what = "a genuine " + stated.status() + " notify: ";
    assertEquals(stated.paymentReference(), outcome.paymentReference(), what + "reference");
    assertEquals(expectedEventId(stated), outcome.providerEventId(), what + "event id");
    assertEquals(stated.status(), outcome.status(), what + "status");
    assertEquals(stated.amount(), outcome.amount(), what + "amount and currency");
    assertEquals(stated.providerReference(), outcome.providerReference(), what + "provider ref");
  }

  private String signatureOf(InboundRequest notify) {
    String signature =
        field(notify, signatureField())
            .orElseThrow(() -> new AssertionError("the notify has no " + signatureField()));
    assertFalse(signature.isEmpty(), "the genuine notify's signature is empty");
    return signature;
  }

  private static String reversed(String text) {
    String reversed = new StringBuilder(text).reverse().toString();
    return reversed.equals(text) ? text + "0" : reversed;
  }

  private static Money plus(Money amount, long minorUnits) {
    return Money.of(amount.minorUnits() + minorUnits, amount.currency());
  }
}
