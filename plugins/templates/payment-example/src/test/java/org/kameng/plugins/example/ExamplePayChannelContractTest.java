package org.kameng.plugins.example;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.api.payment.PaymentStatus;
import org.kameng.plugin.testkit.NotifyFacts;
import org.kameng.plugin.testkit.PaymentChannelContract;

/**
 * The payment channel contract of the test kit, run against Example Pay: forged, tampered,
 * replayed, stale and garbled notifies, another shop's key, guessable keys, faithful reporting. The
 * test supplies the provider's side: how Example Pay encodes and signs a notify ({@link
 * ExamplePayGateway}, written apart from the plugin's code), which fields it signs, which replies
 * it expects. Every test of {@link PaymentChannelContract} then runs against this plugin.
 */
class ExamplePayChannelContractTest extends PaymentChannelContract {

  @Override
  protected PaymentChannelFactory factory() {
    return new ExamplePayChannelFactory();
  }

  @Override
  protected PluginConfig tenantAConfig() {
    return TestMerchant.config(Map.of());
  }

  @Override
  protected PluginConfig tenantBConfig() {
    return TestMerchant.configB();
  }

  @Override
  protected String keyField() {
    return ExamplePayChannelFactory.SECRET_KEY;
  }

  /** A notify as Example Pay POSTs it to the notify URL, signed with {@code signer}'s key. */
  @Override
  protected InboundRequest notify(NotifyFacts facts, PluginConfig signer) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("merchant_id", signer.string(ExamplePayChannelFactory.MERCHANT_ID));
    fields.put("reference", facts.paymentReference());
    fields.put("transaction_id", facts.providerReference());
    fields.put("event_id", facts.eventId());
    fields.put("status", status(facts.status()));
    fields.put("amount", facts.amount().toDecimalString());
    fields.put("currency", facts.amount().currency());
    fields.put("timestamp", Long.toString(facts.timestamp().getEpochSecond()));
    return ExamplePayGateway.notify(ExamplePayGateway.signed(fields, signer.string(keyField())));
  }

  @Override
  protected Set<String> signedFields() {
    return Set.copyOf(OutcomeVerifier.FIELDS);
  }

  @Override
  protected String signatureField() {
    return "signature";
  }

  @Override
  protected InboundReply acceptedReply() {
    return InboundReply.text("OK");
  }

  @Override
  protected InboundReply rejectedReply() {
    return InboundReply.text(400, "INVALID");
  }

  /** Example Pay's notifies carry a timestamp; the documented window is five minutes. */
  @Override
  protected Optional<Duration> timestampWindow() {
    return Optional.of(Duration.ofMinutes(5));
  }

  /** The generic guessable keys, plus the sample key of Example Pay's documentation. */
  @Override
  protected List<String> wellKnownKeys() {
    List<String> keys = new ArrayList<>(super.wellKnownKeys());
    keys.add(TestMerchant.SAMPLE_KEY);
    return keys;
  }

  private static String status(PaymentStatus status) {
    return switch (status) {
      case SUCCEEDED -> "PAID";
      case FAILED -> "FAILED";
      case PENDING -> "PENDING";
    };
  }
}
