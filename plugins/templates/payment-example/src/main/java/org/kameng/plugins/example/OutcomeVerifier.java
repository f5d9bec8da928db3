package org.kameng.plugins.example;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentStatus;

/**
 * Reads a signed Example Pay message about a payment (a notify, or the answer to a status query,
 * which carry the same fields) into what the kernel needs: checks first that Example Pay said it,
 * then parses, and reports exactly what was signed. It never decides whether the payment is paid:
 * the kernel compares reference, amount and currency with the payment the notify URL names.
 *
 * <p>Pure and thread-safe: no network, no store, no exception for bad input. Rejection reasons name
 * the failed check and never quote a value, a signature or the key.
 */
final class OutcomeVerifier {

  /** How far a message's timestamp may be from the host's clock, either way. */
  static final Duration WINDOW = Duration.ofSeconds(300);

  /** What Example Pay takes for "received, stop re-sending": HTTP 200 and exactly {@code OK}. */
  static final InboundReply ACCEPTED = InboundReply.text("OK");

  /** Anything else makes Example Pay send the notify again later; a 400 says why it was refused. */
  static final InboundReply REJECTED = InboundReply.text(400, "INVALID");

  /** The fields every message carries besides {@code signature}. */
  static final List<String> FIELDS =
      List.of(
          "merchant_id",
          "reference",
          "transaction_id",
          "event_id",
          "status",
          "amount",
          "currency",
          "timestamp");

  private static final Pattern REFERENCE = Pattern.compile("[0-9A-Za-z_-]{1,64}");
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

  private final ExamplePaySettings settings;
  private final Clock clock;

  /**
   * @param clock the host's clock: never {@code Instant.now()}, so the window is testable
   */
  OutcomeVerifier(ExamplePaySettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Verifies and parses a message's fields.
   *
   * @return {@code Verified} with the outcome and both replies, or {@code Rejected} with the reason
   */
  NotifyVerification verify(Parameters received) {
    Map<String, String> fields;
    try {
      // a repeated field could be verified with one value and acted on with the other
      fields = received.singleValued();
    } catch (IllegalArgumentException e) {
      return reject("a field is repeated");
    }
    for (String name : FIELDS) {
      if (!fields.containsKey(name)) {
        return reject(name + " is missing");
      }
    }
    String signature = fields.get(MerchantKey.SIGNATURE);
    if (signature == null) {
      return reject("signature is missing");
    }
    // the signature first: nothing unsigned is parsed, so forged input never reaches a parser
    if (!settings.key().verifies(fields, signature)) {
      return reject("signature does not verify");
    }
    if (!fields.get("merchant_id").equals(settings.merchantId())) {
      return reject("merchant_id is not this shop's merchant id");
    }
    String timestamp = fields.get("timestamp");
    if (!SECONDS.matcher(timestamp).matches()) {
      return reject("timestamp is not epoch seconds");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
    if (skew > WINDOW.toSeconds()) {
      return reject("timestamp is more than " + WINDOW.toSeconds() + " s from the host's clock");
    }
    if (!REFERENCE.matcher(fields.get("reference")).matches()) {
      return reject("reference is not a payment reference");
    }
    Money amount;
    try {
      // exact or refused: "12.305" CNY never becomes 12.30 or 12.31
      amount = Money.parse(fields.get("amount"), fields.get("currency"));
    } catch (IllegalArgumentException e) {
      return reject("amount or currency does not parse");
    }
    PaymentOutcome outcome;
    try {
      outcome =
          new PaymentOutcome(
              fields.get("reference"),
              fields.get("event_id"),
              status(fields.get("status")),
              amount,
              fields.get("transaction_id"));
    } catch (IllegalArgumentException e) {
      // a negative amount, a blank or overlong id: the API's own checks, as a rejection
      return reject("the outcome is malformed");
    }
    return new NotifyVerification.Verified(outcome, ACCEPTED, REJECTED);
  }

  /**
   * The protocol's statuses, strictly: only {@code PAID} is paid. Anything Example Pay may add
   * later is pending, as the API asks, so a new status can never pay an order.
   */
  private static PaymentStatus status(String status) {
    return switch (status) {
      case "PAID" -> PaymentStatus.SUCCEEDED;
      case "FAILED" -> PaymentStatus.FAILED;
      default -> PaymentStatus.PENDING;
    };
  }

  private static NotifyVerification reject(String reason) {
    return new NotifyVerification.Rejected(reason, REJECTED);
  }
}
