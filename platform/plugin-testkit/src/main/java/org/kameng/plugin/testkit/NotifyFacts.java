package org.kameng.plugin.testkit;

import java.time.Instant;
import java.util.Objects;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.payment.PaymentStatus;

/**
 * What a provider states in one notify, before it is encoded and signed in the provider's format.
 * {@link PaymentChannelContract} varies these facts (another payment, another amount, a stale
 * timestamp…) and asks the plugin's test to turn each into the request the provider would send.
 * Immutable.
 *
 * @param paymentReference the merchant order number the provider echoes, which Kameng sent as
 *     {@code PaymentRequest.paymentReference} (EPay's {@code out_trade_no})
 * @param providerReference the provider's id of the transaction (EPay's {@code trade_no})
 * @param eventId the provider's id of this notify event, where its protocol has one; protocols
 *     without one ignore it and say how the channel derives its event id instead ({@link
 *     PaymentChannelContract#expectedEventId})
 * @param status the verdict the provider states
 * @param amount what the provider says was paid, in the currency it states
 * @param timestamp when the provider says it sent the notify; ignored by protocols without one
 */
public record NotifyFacts(
    String paymentReference,
    String providerReference,
    String eventId,
    PaymentStatus status,
    Money amount,
    Instant timestamp) {

  /** Refuses missing parts. */
  public NotifyFacts {
    Objects.requireNonNull(paymentReference, "paymentReference");
    Objects.requireNonNull(providerReference, "providerReference");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** These facts about another payment. */
  public NotifyFacts withPaymentReference(String other) {
    return new NotifyFacts(other, providerReference, eventId, status, amount, timestamp);
  }

  /** These facts with another provider transaction id. */
  public NotifyFacts withProviderReference(String other) {
    return new NotifyFacts(paymentReference, other, eventId, status, amount, timestamp);
  }

  /** These facts as another event. */
  public NotifyFacts withEventId(String other) {
    return new NotifyFacts(paymentReference, providerReference, other, status, amount, timestamp);
  }

  /** These facts with another status. */
  public NotifyFacts withStatus(PaymentStatus other) {
    return new NotifyFacts(paymentReference, providerReference, eventId, other, amount, timestamp);
  }

  /** These facts with another amount or currency. */
  public NotifyFacts withAmount(Money other) {
    return new NotifyFacts(paymentReference, providerReference, eventId, status, other, timestamp);
  }

  /** These facts sent at another time. */
  public NotifyFacts withTimestamp(Instant other) {
    return new NotifyFacts(paymentReference, providerReference, eventId, status, amount, other);
  }
}
