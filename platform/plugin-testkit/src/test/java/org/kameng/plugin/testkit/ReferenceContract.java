package org.kameng.plugin.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.payment.PaymentChannelFactory;

/**
 * {@link PaymentChannelContract} over the {@link ReferenceChannel}, as a plugin author would write
 * it; built with flaws by {@link PaymentChannelContractBitesTest}.
 */
abstract class ReferenceContract extends PaymentChannelContract {

  private final PaymentChannelFactory factory;

  ReferenceContract(Set<Flaw> flaws) {
    this.factory = new ReferenceChannelFactory(flaws);
  }

  @Override
  protected PaymentChannelFactory factory() {
    return factory;
  }

  @Override
  protected PluginConfig tenantAConfig() {
    return PluginConfig.of(Map.of("merchant", "1001", "secretKey", "q8Ls2VnX4bR7tK1mW9zP3cYe"));
  }

  @Override
  protected PluginConfig tenantBConfig() {
    return PluginConfig.of(Map.of("merchant", "2002", "secretKey", "Hd5Jw8Ua2Qf6Nr3Tk9Gx4Zb7"));
  }

  @Override
  protected String keyField() {
    return "secretKey";
  }

  @Override
  protected InboundRequest notify(NotifyFacts facts, PluginConfig signer) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("merchant", signer.string("merchant"));
    fields.put("ref", facts.paymentReference());
    fields.put("txn", facts.providerReference());
    fields.put("event", facts.eventId());
    fields.put(
        "status",
        switch (facts.status()) {
          case SUCCEEDED -> "paid";
          case PENDING -> "pending";
          case FAILED -> "failed";
        });
    fields.put("amount", facts.amount().toDecimalString());
    fields.put("currency", facts.amount().currency());
    fields.put("ts", Long.toString(facts.timestamp().getEpochSecond()));
    fields.put("sig", ReferenceProtocol.sign(fields, signer.string("secretKey")));
    return Forgeries.form(
        "POST",
        "/api/notify/payment/" + ContractHost.TENANT_A + "/contract/" + facts.paymentReference(),
        Parameters.none(),
        Parameters.of(fields),
        "198.51.100.4");
  }

  @Override
  protected Set<String> signedFields() {
    return Set.of("merchant", "ref", "txn", "event", "status", "amount", "currency", "ts");
  }

  @Override
  protected String signatureField() {
    return "sig";
  }

  @Override
  protected InboundReply acceptedReply() {
    return ReferenceChannel.ACCEPTED;
  }

  @Override
  protected InboundReply rejectedReply() {
    return ReferenceChannel.REJECTED;
  }

  @Override
  protected Optional<Duration> timestampWindow() {
    return Optional.of(ReferenceChannel.WINDOW);
  }
}
