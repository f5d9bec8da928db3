package org.kameng.plugins.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.Parameters;

/**
 * The checkout page {@code pay/<reference>}: GET shows the payment, POST takes the tester's
 * decision once and sends its notify. Anybody with the link can open it (the host does not
 * authenticate pages), which is why the sandbox is for test shops only. Bad input gets a 4xx page,
 * never an exception.
 */
final class Checkout {

  private static final Pattern PAY_PATH =
      Pattern.compile("pay/(" + StartedPayment.REFERENCE.pattern() + ")");

  private final Payments payments;
  private final NotifySender sender;
  private final Clock clock;

  Checkout(Payments payments, NotifySender sender, Clock clock) {
    this.payments = payments;
    this.sender = sender;
    this.clock = clock;
  }

  /** Answers a request for the page at {@code path} (relative to the host's pages URL). */
  InboundReply page(String path, InboundRequest request) {
    Matcher pay = PAY_PATH.matcher(path == null ? "" : path);
    if (!pay.matches()) {
      return CheckoutPages.notFound();
    }
    String reference = pay.group(1);
    return switch (request.method()) {
      case "GET" -> show(reference);
      case "POST" -> decide(reference, request.form());
      default -> CheckoutPages.methodNotAllowed();
    };
  }

  private InboundReply show(String reference) {
    Optional<StartedPayment> payment = payments.find(reference);
    if (payment.isEmpty()) {
      return CheckoutPages.notFound();
    }
    Optional<Decided> decided = payments.decision(reference);
    if (decided.isPresent()) {
      return CheckoutPages.decidedView(payment.get(), decided.get());
    }
    if (payment.get().expiredAt(clock.instant())) {
      return CheckoutPages.expired(payment.get());
    }
    return CheckoutPages.pay(payment.get());
  }

  private InboundReply decide(String reference, Parameters form) {
    Optional<StartedPayment> found = payments.find(reference);
    if (found.isEmpty()) {
      return CheckoutPages.notFound();
    }
    StartedPayment payment = found.get();
    List<String> posted = form.all("decision");
    Optional<Decision> decision =
        posted.size() == 1 ? Decision.ofFormValue(posted.get(0)) : Optional.empty();
    if (decision.isEmpty()) {
      return CheckoutPages.badRequest(
          "请点击“模拟支付成功”或“模拟支付失败”。 Choose one of the two buttons: pay or fail.");
    }
    Optional<Decided> earlier = payments.decision(reference);
    if (earlier.isPresent()) {
      // a repeat changes nothing; re-sending the same event lets a shop that missed it catch up
      return CheckoutPages.decidedBefore(
          payment, earlier.get(), sender.send(payment, earlier.get()));
    }
    Instant now = clock.instant();
    if (payment.expiredAt(now)) {
      return CheckoutPages.expired(payment);
    }
    Decided proposed = Decided.now(decision.get(), now);
    Decided standing = payments.decide(reference, proposed);
    NotifySender.Delivery delivery = sender.send(payment, standing);
    // another click may have won the race between the read above and this write
    return standing.equals(proposed)
        ? CheckoutPages.decidedNow(payment, standing, delivery)
        : CheckoutPages.decidedBefore(payment, standing, delivery);
  }
}
