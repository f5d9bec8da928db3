package org.kameng.server.payments;

import org.kameng.kernel.payment.PaymentNotice;
import org.kameng.plugin.api.payment.PaymentOutcome;

/** A channel's normalised outcome, as the kernel's notice. */
final class Outcomes {

  private Outcomes() {}

  static PaymentNotice notice(PaymentOutcome outcome) {
    return new PaymentNotice(
        outcome.paymentReference(),
        outcome.providerEventId(),
        switch (outcome.status()) {
          case SUCCEEDED -> PaymentNotice.Outcome.SUCCEEDED;
          case FAILED -> PaymentNotice.Outcome.FAILED;
          case PENDING -> PaymentNotice.Outcome.PENDING;
        },
        outcome.amount(),
        outcome.providerReference());
  }
}
