package org.kameng.plugins.epay;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.api.payment.PaymentStart;

/**
 * One shop's EPay (易支付) merchant account, protocol v1 with the MD5 signature. It starts a payment
 * by sending the buyer to the gateway's {@code submit.php} with signed parameters, and verifies the
 * gateway's notifies. The kernel, not this channel, decides whether a verified notify pays an
 * order.
 *
 * <p>Immutable and thread-safe. Query and refund are not offered: EPay v1 has no standard endpoint
 * for them across gateways (v2's {@code api/pay/query} and refund need RSA keys).
 */
public final class EpayChannel implements PaymentChannel {

  /** The only currency EPay gateways charge in. */
  static final String CURRENCY = "CNY";

  private final EpaySettings settings;
  private final EpaySignature signature;
  private final NotifyVerifier notifies;

  EpayChannel(EpaySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.signature = new EpaySignature(settings.merchantKey());
    this.notifies = new NotifyVerifier(settings.pid(), signature);
  }

  /**
   * Builds the signed {@code submit.php} form or link. Makes no network call, so calling it again
   * with the same reference creates nothing twice at the gateway.
   *
   * @throws IllegalStateException if the amount is not in CNY, which EPay cannot charge
   */
  @Override
  public PaymentStart start(PaymentRequest request) {
    if (!CURRENCY.equals(request.amount().currency())) {
      throw new IllegalStateException(
          "EPay charges CNY only; this payment is in "
              + request.amount().currency()
              + ". Price the shop in CNY or use another payment channel for it.");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("pid", settings.pid());
    fields.put("type", settings.paymentType());
    fields.put("out_trade_no", request.paymentReference());
    fields.put("notify_url", request.notifyUrl().toString());
    fields.put("return_url", request.returnUrl().toString());
    fields.put("name", request.subject());
    fields.put("money", request.amount().toDecimalString());
    settings.siteName().ifPresent(name -> fields.put("sitename", name));
    fields.put("sign", signature.sign(fields));
    fields.put("sign_type", EpaySignature.SIGN_TYPE);
    // EPay v1 has no expiry parameter: a buyer can still pay after the order's stock was released,
    // and the kernel handles that late notify (see PaymentRequest.expiresAt)
    URI submit = settings.endpoint("submit.php");
    return switch (settings.mode()) {
      case SUBMIT -> new PaymentStart.AutoSubmitForm(submit, fields);
      case REDIRECT -> new PaymentStart.Redirect(URI.create(submit + "?" + query(fields)));
    };
  }

  /**
   * Verifies a notify: GET query or POST form, no repeated parameter, {@code sign_type} MD5, the
   * signature with this merchant's key, this merchant's {@code pid}, an exact yuan amount. Replies
   * {@code success} when the kernel accepts and {@code fail} otherwise, so that EPay re-sends.
   */
  @Override
  public NotifyVerification verifyNotify(InboundRequest request) {
    return notifies.verify(request);
  }

  private static String query(Map<String, String> fields) {
    StringJoiner query = new StringJoiner("&");
    fields.forEach(
        (name, value) ->
            query.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return query.toString();
  }

  @Override
  public String toString() {
    return "EpayChannel[" + settings + "]";
  }
}
