package org.kameng.plugins.epay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentStatus;

/**
 * Verifies and parses an EPay notify (server-to-server {@code notify_url}, or the browser's {@code
 * return_url}, which carries the same signed fields). It judges authenticity only: whether the
 * notify belongs to the payment, and whether the amount is right, is the kernel's call. Pure and
 * thread-safe.
 */
final class NotifyVerifier {

  /** EPay retries a notify until it reads exactly this body. */
  static final InboundReply SUCCESS = InboundReply.text("success");

  /** Anything but {@code success} makes EPay retry; {@code fail} says so in the gateway's log. */
  static final InboundReply FAIL = InboundReply.text("fail");

  /** The only {@code trade_status} that means paid (the protocol says so; WAIT… means not yet). */
  static final String TRADE_SUCCESS = "TRADE_SUCCESS";

  /**
   * Yuan with at most two decimals, as EPay formats it. Stricter than {@link Money#parse}, which
   * would also read {@code 1.000}, {@code 1e2} or {@code +1}: a signed amount in a form no gateway
   * sends is a reason for suspicion, not for interpretation.
   */
  private static final Pattern YUAN = Pattern.compile("(0|[1-9][0-9]{0,11})(\\.[0-9]{1,2})?");

  private static final List<String> REQUIRED =
      List.of("pid", "trade_no", "out_trade_no", "money", "trade_status");

  /** Room for {@code ":" + status} in the event id, which the kernel limits to 128 characters. */
  private static final int MAX_ID_LENGTH = 100;

  private final String pid;
  private final EpaySignature signature;

  NotifyVerifier(String pid, EpaySignature signature) {
    this.pid = pid;
    this.signature = signature;
  }

  NotifyVerification verify(InboundRequest request) {
    if (!request.method().equals("GET") && !request.method().equals("POST")) {
      return reject("method " + request.method() + " is not a notify");
    }
    Map<String, String> fields;
    try {
      // query and form together: a name sent in both is repeated, and refused like any repeat
      fields = merged(request.query(), request.form()).singleValued();
    } catch (IllegalArgumentException e) {
      // the name is the sender's text: keep it out of the log line
      return reject("a parameter is repeated");
    }
    String sign = fields.get("sign");
    if (sign == null || sign.isEmpty()) {
      return reject("sign is missing");
    }
    String signType = fields.get("sign_type");
    if (signType != null && !signType.equals(EpaySignature.SIGN_TYPE)) {
      // sign_type is unsigned; anything but MD5 (RSA of v2) is not what this channel verifies
      return reject("sign_type is not MD5");
    }
    if (!signature.verify(fields, sign)) {
      return reject("signature does not verify");
    }
    for (String name : REQUIRED) {
      String value = fields.get(name);
      if (value == null || value.isBlank()) {
        return reject(name + " is missing");
      }
    }
    if (!fields.get("pid").equals(pid)) {
      return reject("pid is not this channel's merchant");
    }
    String money = fields.get("money");
    if (!YUAN.matcher(money).matches()) {
      return reject("money is not a yuan amount with at most two decimals");
    }
    return outcome(fields, Money.parse(money, "CNY"))
        .<NotifyVerification>map(o -> new NotifyVerification.Verified(o, SUCCESS, FAIL))
        .orElseGet(() -> reject("trade_no or out_trade_no is longer than " + MAX_ID_LENGTH));
  }

  private static Optional<PaymentOutcome> outcome(Map<String, String> fields, Money amount) {
    String tradeNo = fields.get("trade_no");
    String reference = fields.get("out_trade_no");
    if (tradeNo.length() > MAX_ID_LENGTH || reference.length() > MAX_ID_LENGTH) {
      return Optional.empty();
    }
    PaymentStatus status = status(fields.get("trade_status"));
    // EPay has no event id and re-sends the same trade_no; with the status in the id a repeat is a
    // duplicate for the kernel, while a later SUCCEEDED is not swallowed by an earlier PENDING
    String eventId = tradeNo + ":" + status.name();
    return Optional.of(new PaymentOutcome(reference, eventId, status, amount, tradeNo));
  }

  /**
   * Only {@code TRADE_SUCCESS} is paid. Protocol v1 documents no failure status, so every other
   * value (a gateway's own {@code WAIT_BUYER_PAY}, {@code TRADE_CLOSED}…) is reported as pending
   * rather than guessed to be a final failure.
   */
  static PaymentStatus status(String tradeStatus) {
    return TRADE_SUCCESS.equals(tradeStatus) ? PaymentStatus.SUCCEEDED : PaymentStatus.PENDING;
  }

  private static Parameters merged(Parameters query, Parameters form) {
    Map<String, List<String>> all = new LinkedHashMap<>(query.values());
    form.values()
        .forEach(
            (name, values) ->
                all.merge(name, values, (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
    return new Parameters(all);
  }

  private static NotifyVerification reject(String reason) {
    return new NotifyVerification.Rejected(reason, FAIL);
  }
}
