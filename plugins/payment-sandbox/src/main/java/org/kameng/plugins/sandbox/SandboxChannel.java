package org.kameng.plugins.sandbox;

import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.api.payment.PaymentStart;

/**
 * One shop's sandbox payment channel. {@code start} records the payment and sends the buyer to the
 * channel's checkout page under the host's pages URL; {@link #verifyNotify} checks the HMAC-SHA256
 * signed notify that announces the tester's decision. No money moves anywhere.
 *
 * <p>Thread-safe, and holds no state of its own: payments live in the host's store, so any instance
 * on any server answers alike.
 */
public final class SandboxChannel implements PaymentChannel {

  private final HostContext context;
  private final Payments payments;
  private final NotifyVerifier notifies;

  SandboxChannel(HostContext context, SigningSecret secret) {
    this.context = context;
    this.payments = new Payments(context.store());
    this.notifies = new NotifyVerifier(secret, context.clock());
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

  /**
   * Verifies a notify: a form POST with each field once, the signature with this shop's secret, the
   * timestamp within five minutes of the host's clock. Replies {@code ok} when the kernel accepts
   * and {@code 400 rejected} otherwise.
   */
  @Override
  public NotifyVerification verifyNotify(InboundRequest request) {
    return notifies.verify(request);
  }

  @Override
  public String toString() {
    return "SandboxChannel[" + context.tenant() + "]";
  }
}
