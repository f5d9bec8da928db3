package org.kameng.plugins.sandbox;

import java.time.Clock;
import java.util.Optional;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.HostedPages;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentLookup;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.api.payment.PaymentStart;
import org.kameng.plugin.api.payment.PaymentStatus;
import org.kameng.plugin.api.payment.RefundRequest;
import org.kameng.plugin.api.payment.RefundResult;

/**
 * One shop's sandbox payment channel. {@code start} sends the buyer to a checkout page the channel
 * serves through the host ({@link HostedPages}), where a tester clicks "pay" or "fail"; the click
 * is recorded once and announced to the shop by an HMAC-SHA256 signed notify, which {@link
 * #verifyNotify} checks. Query and refund answer from what was recorded. No money moves anywhere.
 *
 * <p>Thread-safe, and holds no state of its own: payments, decisions and refunds live in the host's
 * store, so any instance on any server answers alike.
 */
public final class SandboxChannel implements PaymentChannel, HostedPages {

  private final HostContext context;
  private final Clock clock;
  private final Payments payments;
  private final Checkout checkout;
  private final NotifyVerifier notifies;
  private final Refunds refunds;

  SandboxChannel(HostContext context, SigningSecret secret) {
    this(context, secret, false);
  }

  /**
   * @param withholdNotifies never send the notify, to show that the platform's status queries still
   *     learn the decision
   */
  SandboxChannel(HostContext context, SigningSecret secret, boolean withholdNotifies) {
    this.context = context;
    this.clock = context.clock();
    this.payments = new Payments(context.store());
    NotifySender sender =
        new NotifySender(context.http(), secret, clock, context.logger(), withholdNotifies);
    this.checkout = new Checkout(payments, sender, clock);
    this.notifies = new NotifyVerifier(secret, clock);
    this.refunds = new Refunds(context.store(), payments);
  }

  /**
   * Records the payment for the checkout page and redirects there. Calling again with the same
   * request changes nothing.
   *
   * @throws IllegalStateException if the reference was started before with other details
   */
  @Override
  public PaymentStart start(PaymentRequest request) {
    payments.open(StartedPayment.of(request));
    return new PaymentStart.Redirect(
        context.pagesUrl().resolve("pay/" + request.paymentReference()));
  }

  /** The checkout page {@code pay/<reference>}; every other path is a 404 page. */
  @Override
  public InboundReply page(String path, InboundRequest request) {
    return checkout.page(path, request);
  }

  /**
   * Verifies a notify: a form POST with each field once, the signature with this shop's secret, the
   * timestamp within five minutes of the host's clock. Replies {@code ok} when the kernel accepts
   * and {@code 400 rejected} otherwise.
   */
  @Override
  public NotifyVerification verifyNotify(InboundRequest request) {
    return notifies.verify(request);
  }

  /**
   * The recorded decision, with the event id of its notify; {@code PENDING} (event id = reference)
   * while nobody has clicked, also after expiry; {@code NotFound} for a reference never started.
   */
  @Override
  public PaymentLookup query(String paymentReference) {
    if (!StartedPayment.isReference(paymentReference)) {
      return new PaymentLookup.NotFound();
    }
    Optional<StartedPayment> payment = payments.find(paymentReference);
    if (payment.isEmpty()) {
      return new PaymentLookup.NotFound();
    }
    Optional<Decided> decided = payments.decision(paymentReference);
    PaymentOutcome outcome =
        decided.isPresent()
            ? NotifyMessage.of(payment.get(), decided.get(), clock.instant().getEpochSecond())
                .outcome()
            : new PaymentOutcome(
                paymentReference,
                paymentReference,
                PaymentStatus.PENDING,
                payment.get().amount(),
                paymentReference);
    return new PaymentLookup.Found(outcome);
  }

  /**
   * Refunds a paid payment, in parts up to what was paid; the same refund reference always gets the
   * same answer, so a retry never refunds twice.
   */
  @Override
  public RefundResult refund(RefundRequest request) {
    return refunds.refund(request);
  }

  @Override
  public String toString() {
    return "SandboxChannel[" + context.tenant() + "]";
  }
}
