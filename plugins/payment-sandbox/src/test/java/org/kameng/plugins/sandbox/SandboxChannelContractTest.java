package org.kameng.plugins.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.api.payment.PaymentStatus;
import org.kameng.plugin.testkit.ContractHost;
import org.kameng.plugin.testkit.NotifyFacts;
import org.kameng.plugin.testkit.PaymentChannelContract;

/**
 * The payment channel contract for the sandbox. The sender's side is written here from the protocol
 * in the module's README: the canonical text and HMAC are {@link Requests#signed}, the test's own
 * lines, which {@link SigningSecretTest} pins to openssl. Sandbox notifies state a currency and a
 * timestamp, so the kit's currency and freshness tests run too.
 */
class SandboxChannelContractTest extends PaymentChannelContract {

  /** Another shop's secret: valid, and unlike tenant A's. */
  static final String SECRET_B = "Wd7Kp2Zr9Tn4Qx6Bv3Mj8Hs5Lc1Gf0Ya";

  @Override
  protected PaymentChannelFactory factory() {
    return new SandboxChannelFactory();
  }

  @Override
  protected PluginConfig tenantAConfig() {
    return TestShop.config();
  }

  @Override
  protected PluginConfig tenantBConfig() {
    return TestShop.config(Map.of(SandboxChannelFactory.SIGNING_SECRET, SECRET_B));
  }

  @Override
  protected String keyField() {
    return SandboxChannelFactory.SIGNING_SECRET;
  }

  /** A 12.30 CNY payment under a reference of the host's shape and a decision's UUID. */
  @Override
  protected NotifyFacts facts() {
    return new NotifyFacts(
        Requests.REFERENCE,
        "6b1d2f3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
        "6b1d2f3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
        PaymentStatus.SUCCEEDED,
        Money.of(1230, "CNY"),
        ContractHost.START);
  }

  /**
   * The notify as the checkout page POSTs it to the notify URL: a form in the protocol's field
   * order, the body as sent and the form as the host decodes it. The sandbox has one id per
   * decision, {@code event}, which is both the event id and the transaction id, so the facts'
   * provider reference goes there.
   */
  @Override
  protected InboundRequest notify(NotifyFacts facts, PluginConfig signer) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reference", facts.paymentReference());
    fields.put("event", facts.providerReference());
    fields.put("status", status(facts.status()));
    fields.put("amount", Long.toString(facts.amount().minorUnits()));
    fields.put("currency", facts.amount().currency());
    fields.put("timestamp", Long.toString(facts.timestamp().getEpochSecond()));
    Map<String, String> signed = Requests.signed(fields, signer.string(keyField()));
    return new InboundRequest(
        "POST",
        "/api/public/notify/" + ContractHost.TENANT_A + "/contract/" + facts.paymentReference(),
        Parameters.none(),
        Parameters.of(signed),
        Headers.of(Map.of("Content-Type", "application/x-www-form-urlencoded")),
        Body.utf8(encoded(signed)),
        "203.0.113.7");
  }

  @Override
  protected Set<String> signedFields() {
    return Set.of("reference", "event", "status", "amount", "currency", "timestamp");
  }

  @Override
  protected String signatureField() {
    return "signature";
  }

  @Override
  protected InboundReply acceptedReply() {
    return InboundReply.text("ok");
  }

  @Override
  protected InboundReply rejectedReply() {
    return InboundReply.text(400, "rejected");
  }

  /** A tester decides "pay" or "fail"; nothing is ever notified as pending. */
  @Override
  protected Set<PaymentStatus> statuses() {
    return EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED);
  }

  /** The one id of the decision, sent as {@code event}: see {@link #notify}. */
  @Override
  protected String expectedEventId(NotifyFacts facts) {
    return facts.providerReference();
  }

  /** The README's rule: at most 300 s from the host's clock, either way. */
  @Override
  protected Optional<Duration> timestampWindow() {
    return Optional.of(Duration.ofSeconds(300));
  }

  private static String status(PaymentStatus status) {
    return switch (status) {
      case SUCCEEDED -> "succeeded";
      case FAILED -> "failed";
      case PENDING -> throw new AssertionError("sandbox notifies state no pending payment");
    };
  }

  private static String encoded(Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach(
        (name, value) ->
            body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return body.toString();
  }
}
