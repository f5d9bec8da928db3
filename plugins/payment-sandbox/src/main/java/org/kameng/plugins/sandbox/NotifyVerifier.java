package org.kameng.plugins.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.NotifyVerification;

/**
 * Verifies and parses a sandbox notify: a form POST carrying each field of {@link NotifyMessage}
 * and {@code signature} exactly once, nothing else, signed with the shop's secret, at most {@link
 * #WINDOW} away from the host's clock. Whether the notify belongs to the payment and pays the right
 * amount is the kernel's call. Pure and thread-safe; rejection reasons name the failed check and
 * never quote what was sent.
 */
final class NotifyVerifier {

  /** How far a notify's timestamp may be from the host's clock, either way. */
  static final Duration WINDOW = Duration.ofSeconds(300);

  /** What the sandbox's sender treats as "received": 2xx with exactly this body. */
  static final InboundReply ACCEPTED = InboundReply.text("ok");

  /** Anything else; the sandbox does not retry, but a tester reading the page sees it. */
  static final InboundReply REJECTED = InboundReply.text(400, "rejected");

  /** Canonical decimal only: no sign, no leading zero, no exponent, at most 19 digits. */
  private static final Pattern WHOLE = Pattern.compile("0|[1-9][0-9]{0,18}");

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  private final SigningSecret secret;
  private final Clock clock;

  NotifyVerifier(SigningSecret secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  NotifyVerification verify(InboundRequest request) {
    if (!request.method().equals("POST")) {
      return reject("method " + request.method() + " is not a notify; the sandbox POSTs a form");
    }
    List<String> expected = new ArrayList<>(NotifyMessage.SIGNED_FIELDS);
    expected.add(NotifyMessage.SIGNATURE);
    if (expected.stream().anyMatch(name -> !request.query().all(name).isEmpty())) {
      return reject("a notify field is in the query string; the sandbox sends them in the body");
    }
    if (!expected.containsAll(request.form().values().keySet())) {
      return reject("the form has a field the sandbox protocol does not have");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : expected) {
      List<String> values = request.form().all(name);
      if (values.size() != 1) {
        return reject(name + (values.isEmpty() ? " is missing" : " is repeated"));
      }
      fields.put(name, values.get(0));
    }
    String signature = fields.get(NotifyMessage.SIGNATURE);
    if (!HEX.matcher(signature).matches()) {
      return reject("signature is not 64 lower-case hex digits");
    }
    if (!secret.verifies(NotifyMessage.canonical(fields), signature)) {
      return reject("signature does not verify");
    }
    return parse(fields);
  }

  /** The fields of a notify whose signature verified; the checks the signer should never fail. */
  private NotifyVerification parse(Map<String, String> fields) {
    for (String name : List.of("reference", "event")) {
      if (!StartedPayment.isReference(fields.get(name))) {
        return reject(name + " is not 1 to 64 of [0-9A-Za-z_-]");
      }
    }
    Optional<Decision> decision = Decision.ofWireStatus(fields.get("status"));
    if (decision.isEmpty()) {
      return reject("status is neither succeeded nor failed");
    }
    Optional<Long> amount = whole(fields.get("amount"));
    if (amount.isEmpty()) {
      return reject("amount is not a non-negative whole number of minor units");
    }
    String currency = fields.get("currency");
    if (!CURRENCY.matcher(currency).matches() || !isIso4217(currency)) {
      return reject("currency is not an ISO 4217 code");
    }
    Optional<Long> timestamp = whole(fields.get("timestamp"));
    if (timestamp.isEmpty()) {
      return reject("timestamp is not epoch seconds");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - timestamp.get());
    if (skew > WINDOW.toSeconds()) {
      return reject("timestamp is more than " + WINDOW.toSeconds() + " s from the host's clock");
    }
    NotifyMessage message =
        new NotifyMessage(
            fields.get("reference"),
            fields.get("event"),
            decision.get(),
            Money.of(amount.get(), currency),
            timestamp.get());
    return new NotifyVerification.Verified(message.outcome(), ACCEPTED, REJECTED);
  }

  private static Optional<Long> whole(String text) {
    if (!WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      // 19 digits may still exceed Long.MAX_VALUE
      return Optional.empty();
    }
  }

  private static boolean isIso4217(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static NotifyVerification reject(String reason) {
    return new NotifyVerification.Rejected(reason, REJECTED);
  }
}
