package org.kameng.plugin.api.payment;

import java.util.Objects;

/** What {@link PaymentChannel#query} found out about a payment at the provider. */
public sealed interface PaymentLookup {

  /**
   * The provider knows the payment.
   *
   * @param outcome what the provider reports, treated by the kernel exactly like a notify
   */
  record Found(PaymentOutcome outcome) implements PaymentLookup {
    /** Refuses a missing outcome. */
    public Found {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /** The provider positively says it has no such payment (the buyer never reached it). */
  record NotFound() implements PaymentLookup {}

  /** This channel cannot query its provider; the host relies on notifies alone. */
  record Unsupported() implements PaymentLookup {}
}
