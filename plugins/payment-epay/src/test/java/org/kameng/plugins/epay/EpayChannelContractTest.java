package org.kameng.plugins.epay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.api.payment.PaymentStatus;
import org.kameng.plugin.testkit.NotifyFacts;
import org.kameng.plugin.testkit.PaymentChannelContract;

/**
 * The payment channel contract for EPay. The gateway's side is {@link Notifies}, which signs with
 * its own MD5 code. EPay notifies carry no timestamp and no currency (gateways charge CNY), and no
 * event id: the channel reports {@code trade_no:STATUS}.
 */
class EpayChannelContractTest extends PaymentChannelContract {

  @Override
  protected PaymentChannelFactory factory() {
    return new EpayChannelFactory();
  }

  @Override
  protected PluginConfig tenantAConfig() {
    return TestMerchant.config(Map.of());
  }

  @Override
  protected PluginConfig tenantBConfig() {
    return TestMerchant.config(
        Map.of("pid", "1002", "merchantKey", "W3nB8qTz5LxR1vKc7HsM9dYp2GfJ6uEa"));
  }

  @Override
  protected String keyField() {
    return "merchantKey";
  }

  /** The notify as an EPay gateway sends it to {@code notify_url}: a GET with signed fields. */
  @Override
  protected InboundRequest notify(NotifyFacts facts, PluginConfig signer) {
    if (!facts.amount().currency().equals("CNY")) {
      throw new AssertionError("EPay notifies cannot state " + facts.amount().currency());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("pid", signer.string("pid"));
    fields.put("trade_no", facts.providerReference());
    fields.put("out_trade_no", facts.paymentReference());
    fields.put("type", signer.string("paymentType"));
    fields.put("name", "Steam 充值卡 100元");
    fields.put("money", facts.amount().toDecimalString());
    fields.put("trade_status", tradeStatus(facts.status()));
    fields.put("param", "");
    fields.put("sign_type", "MD5");
    return Notifies.get(Notifies.signed(fields, signer.string("merchantKey")));
  }

  @Override
  protected Set<String> signedFields() {
    // sign_type is not signed (the protocol excludes it); NotifyVerifier only accepts MD5 there
    return Set.of(
        "pid", "trade_no", "out_trade_no", "type", "name", "money", "trade_status", "param");
  }

  @Override
  protected String signatureField() {
    return "sign";
  }

  @Override
  protected InboundReply acceptedReply() {
    return InboundReply.text("success");
  }

  @Override
  protected InboundReply rejectedReply() {
    return InboundReply.text("fail");
  }

  /** EPay v1 documents TRADE_SUCCESS only; anything else is pending, never failed. */
  @Override
  protected Set<PaymentStatus> statuses() {
    return Set.of(PaymentStatus.SUCCEEDED, PaymentStatus.PENDING);
  }

  @Override
  protected String expectedEventId(NotifyFacts facts) {
    return facts.providerReference() + ":" + facts.status();
  }

  @Override
  protected boolean carriesCurrency() {
    return false;
  }

  /**
   * The signature is a hex MD5: its upper-case form is the same number, which {@code
   * EpaySignature.verify} accepts on purpose.
   */
  @Override
  protected boolean signatureIgnoresCase() {
    return true;
  }

  /** The generic list, plus sample keys that EPay gateway installers and docs publish. */
  @Override
  protected List<String> wellKnownKeys() {
    List<String> keys = new ArrayList<>(super.wellKnownKeys());
    keys.add("202cb962ac59075b964b07152d234b70"); // md5("123"), a sample sign in EPay docs
    keys.add("58b31d465652be856d7ed80977aa4ce4"); // the key of a public signing walkthrough
    keys.add("your_merchant_key_here_12345678");
    return keys;
  }

  private static String tradeStatus(PaymentStatus status) {
    return switch (status) {
      case SUCCEEDED -> "TRADE_SUCCESS";
      case PENDING -> "WAIT_BUYER_PAY";
      case FAILED -> throw new AssertionError("EPay v1 notifies state no failure");
    };
  }
}
