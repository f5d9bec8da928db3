package org.kameng.plugin.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.api.payment.PaymentStart;
import org.kameng.plugin.api.payment.PaymentStatus;

/**
 * A payment channel for a made-up protocol with everything EPay lacks: a timestamp, a currency, an
 * event id and a case-sensitive signature (see {@link ReferenceProtocol}). Correct unless built
 * with {@link Flaw}s, so that the contract is seen to pass on it and to fail on each flaw.
 */
final class ReferenceChannel implements PaymentChannel {

  static final InboundReply ACCEPTED = InboundReply.text("OK");
  static final InboundReply REJECTED = InboundReply.text(400, "INVALID");
  static final Duration WINDOW = Duration.ofMinutes(5);

  private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,11})\\.[0-9]{2}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final List<String> REQUIRED =
      List.of("merchant", "ref", "txn", "event", "status", "amount", "currency", "ts");

  /** Every channel's key by merchant: only {@link Flaw#KEY_BY_NOTIFIED_MERCHANT} reads it. */
  static final Map<String, String> KEYS_BY_MERCHANT = new ConcurrentHashMap<>();

  private final String merchant;
  private final String key;
  private final Clock clock;
  private final System.Logger logger;
  private final Set<Flaw> flaws;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  ReferenceChannel(
      String merchant, String key, Clock clock, System.Logger logger, Set<Flaw> flaws) {
    this.merchant = merchant;
    this.key = key;
    this.clock = clock;
    this.logger = logger;
    this.flaws = flaws;
    KEYS_BY_MERCHANT.put(merchant, key);
  }

  @Override
  public PaymentStart start(PaymentRequest request) {
    throw new UnsupportedOperationException("the contract tests notifies only");
  }

  @Override
  public NotifyVerification verifyNotify(InboundRequest request) {
    if (!request.method().equals("GET") && !request.method().equals("POST")) {
      return reject("not a notify method");
    }
    if (flaws.contains(Flaw.LOGS_KEY)) {
      logger.log(System.Logger.Level.DEBUG, "verifying with key {0}", key);
    }
    Map<String, String> fields;
    try {
      fields = fields(request);
    } catch (IllegalArgumentException e) {
      if (flaws.contains(Flaw.THROWS_ON_REPEATS)) {
        throw e;
      }
      return reject("a parameter is repeated");
    }
    String sig = fields.get("sig");
    if (sig == null || sig.isEmpty()) {
      return reject("sig is missing");
    }
    for (String name : REQUIRED) {
      if (fields.get(name) == null || fields.get(name).isEmpty()) {
        return reject(name + " is missing");
      }
    }
    String signingKey =
        flaws.contains(Flaw.KEY_BY_NOTIFIED_MERCHANT)
            ? KEYS_BY_MERCHANT.getOrDefault(fields.get("merchant"), key)
            : key;
    if (!flaws.contains(Flaw.NO_SIGNATURE_CHECK) && !signatureMatches(fields, signingKey, sig)) {
      return reject("signature does not verify");
    }
    if (!flaws.contains(Flaw.KEY_BY_NOTIFIED_MERCHANT)
        && !merchant.equals(fields.get("merchant"))) {
      return reject("another merchant");
    }
    if (!flaws.contains(Flaw.IGNORES_TIMESTAMP) && !fresh(fields.get("ts"))) {
      return reject("stale or future timestamp");
    }
    if (!AMOUNT.matcher(fields.get("amount")).matches()
        || !CURRENCY.matcher(fields.get("currency")).matches()) {
      return reject("amount or currency malformed");
    }
    if (flaws.contains(Flaw.REJECTS_REPLAYS) && !seen.add(fields.get("event"))) {
      return reject("seen before");
    }
    return outcome(request, fields);
  }

  private NotifyVerification outcome(InboundRequest request, Map<String, String> fields) {
    Money amount;
    try {
      String currency = flaws.contains(Flaw.IGNORES_CURRENCY) ? "CNY" : fields.get("currency");
      amount = Money.parse(fields.get("amount"), currency);
    } catch (IllegalArgumentException e) {
      return reject("unknown currency");
    }
    if (flaws.contains(Flaw.ROUNDS_AMOUNT)) {
      amount = Money.of(Math.round(amount.minorUnits() / 100.0) * 100, amount.currency());
    }
    PaymentStatus status =
        flaws.contains(Flaw.ALWAYS_SUCCEEDED)
            ? PaymentStatus.SUCCEEDED
            : switch (fields.get("status")) {
              case "paid" -> PaymentStatus.SUCCEEDED;
              case "failed" -> PaymentStatus.FAILED;
              default -> PaymentStatus.PENDING;
            };
    String reference =
        flaws.contains(Flaw.REFERENCE_FROM_URL)
            ? request.path().substring(request.path().lastIndexOf('/') + 1)
            : fields.get("ref");
    if (reference.length() > 128 || fields.get("event").length() > 128) {
      return reject("id too long");
    }
    if (fields.get("txn").length() > 128) {
      return reject("id too long");
    }
    PaymentOutcome outcome =
        new PaymentOutcome(reference, fields.get("event"), status, amount, fields.get("txn"));
    InboundReply refused = flaws.contains(Flaw.SAME_REPLY) ? ACCEPTED : REJECTED;
    return new NotifyVerification.Verified(outcome, ACCEPTED, refused);
  }

  private boolean signatureMatches(Map<String, String> fields, String signingKey, String sig) {
    String expected = ReferenceProtocol.sign(fields, signingKey);
    if (flaws.contains(Flaw.CASE_INSENSITIVE_SIGNATURE)) {
      return expected.equalsIgnoreCase(sig);
    }
    return java.security.MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), sig.getBytes(StandardCharsets.UTF_8));
  }

  private boolean fresh(String ts) {
    if (!ts.matches("[0-9]{1,12}")) {
      return false;
    }
    Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(ts)), clock.instant());
    return age.abs().compareTo(WINDOW) <= 0;
  }

  private static Map<String, String> fields(InboundRequest request) {
    Map<String, String> fields = new LinkedHashMap<>(request.query().singleValued());
    request
        .form()
        .singleValued()
        .forEach(
            (name, value) -> {
              if (fields.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("repeated across query and form");
              }
            });
    return fields;
  }

  private NotifyVerification reject(String reason) {
    return new NotifyVerification.Rejected(
        reason, flaws.contains(Flaw.SAME_REPLY) ? ACCEPTED : REJECTED);
  }
}
