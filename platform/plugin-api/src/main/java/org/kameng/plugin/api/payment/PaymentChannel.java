package org.kameng.plugin.api.payment;

import java.io.IOException;
import org.kameng.plugin.api.http.InboundRequest;

/**
 * One tenant's configured payment channel (an EPay merchant account, say), created by its {@link
 * PaymentChannelFactory}. Thread-safe: the host calls it from many request and job threads at once.
 *
 * <p><b>What a channel decides, and what it does not.</b> A channel speaks its provider's protocol:
 * it builds the payment start, verifies notify signatures and parses them. It never decides whether
 * an order is paid. The kernel checks that the notify belongs to the payment the URL names, that
 * the amount and currency are exactly what was asked, and that the provider's event was not
 * recorded before, all in one transaction. So a channel reports what the provider said, including
 * failures and amounts that look wrong, and lets the kernel judge.
 *
 * <p><b>Failures.</b> An {@link IOException} means the provider could not be reached or answered
 * nonsense at the transport level; the host reports the channel as unavailable or retries later. An
 * unchecked exception is a plugin bug: it fails that call for that tenant and is logged. Either
 * kind counts towards the configuration's circuit breaker, as does running past the call's time
 * limit.
 */
public interface PaymentChannel {

  /**
   * Starts a payment: builds the redirect, QR code or form that takes the buyer to the provider,
   * calling the provider first where its protocol creates payments by API. Called on the request
   * thread while the buyer waits, once per payment the host opens; a buyer retrying gets a new
   * payment reference, so this need not be idempotent across references, but the provider's payment
   * for one reference must not be created twice if the host calls again with it.
   *
   * @param request what to charge and where the provider should report back
   * @return how the buyer continues
   * @throws IOException the provider could not be reached or answered unreadably
   * @throws IllegalStateException the provider refused the payment (disabled merchant, amount out
   *     of range); the message goes to the server log tagged with shop and plugin, never to the
   *     buyer, who is told the channel failed and may pay the same order another way
   */
  PaymentStart start(PaymentRequest request) throws IOException;

  /**
   * Verifies a notify's authenticity and parses it: signature (with the configured key, in constant
   * time), repeated parameters, timestamp freshness where the protocol has one (read the host's
   * clock), and the status mapped strictly (EPay: only {@code TRADE_SUCCESS} is {@link
   * PaymentStatus#SUCCEEDED}). Pure: no network, no store writes, no side effects, so the host may
   * call it again for the same request; providers re-send notifies and each one is verified afresh.
   * Called on the request thread of the provider's notify.
   *
   * <p>Never throw for bad input: a forged, tampered or unreadable notify is a {@link
   * NotifyVerification.Rejected}. An exception is a plugin bug; the host then answers 503 and the
   * provider will re-send.
   *
   * @param request the notify exactly as received
   * @return the verified outcome with the replies, or the rejection with its reply
   */
  NotifyVerification verifyNotify(InboundRequest request);

  /**
   * Asks the provider for a payment's current status: when a buyer says they paid but no notify
   * came, and before a payment's order expires. Called from a job thread or a staff request; safe
   * to repeat. The kernel treats a {@link PaymentLookup.Found} outcome exactly like a notify.
   * Declare {@code Capability.PAYMENT_QUERY} when you implement it.
   *
   * @param paymentReference the reference sent in {@link PaymentRequest}
   * @return what the provider reports; {@link PaymentLookup.Unsupported} by default
   * @throws IOException the provider could not be reached or answered unreadably
   */
  default PaymentLookup query(String paymentReference) throws IOException {
    return new PaymentLookup.Unsupported();
  }

  /**
   * Pays money back through the provider. Called from a job thread after staff ordered a refund;
   * after a network failure the host calls it again with the same {@link
   * RefundRequest#refundReference()}, which must never refund twice. Declare {@code
   * Capability.PAYMENT_REFUND} when you implement it.
   *
   * @param request what to refund
   * @return the result; {@link RefundResult.Unsupported} by default
   * @throws IOException the provider could not be reached or answered unreadably; the outcome is
   *     unknown and the host retries with the same reference
   */
  default RefundResult refund(RefundRequest request) throws IOException {
    return new RefundResult.Unsupported();
  }
}
