package org.kameng.plugins.sandbox;

import java.util.Optional;
import org.kameng.plugin.api.payment.PaymentStatus;

/**
 * What the tester chose on the checkout page, with its three spellings: the form value the button
 * posts, the notify's {@code status} and the kernel's {@link PaymentStatus}.
 */
enum Decision {
  /** "Pay": the notify says {@code succeeded}. */
  PAY("pay", "succeeded", PaymentStatus.SUCCEEDED),
  /** "Fail": the notify says {@code failed}. */
  FAIL("fail", "failed", PaymentStatus.FAILED);

  private final String formValue;
  private final String wireStatus;
  private final PaymentStatus status;

  Decision(String formValue, String wireStatus, PaymentStatus status) {
    this.formValue = formValue;
    this.wireStatus = wireStatus;
    this.status = status;
  }

  /** The value of the page's {@code decision} button. */
  String formValue() {
    return formValue;
  }

  /** The notify's {@code status} field. */
  String wireStatus() {
    return wireStatus;
  }

  /** What the kernel is told. */
  PaymentStatus status() {
    return status;
  }

  /** The decision a page posted, if it is one; exact, case-sensitive. */
  static Optional<Decision> ofFormValue(String value) {
    for (Decision decision : values()) {
      if (decision.formValue.equals(value)) {
        return Optional.of(decision);
      }
    }
    return Optional.empty();
  }

  /** The decision a notify's {@code status} names, if it is one; exact, case-sensitive. */
  static Optional<Decision> ofWireStatus(String value) {
    for (Decision decision : values()) {
      if (decision.wireStatus.equals(value)) {
        return Optional.of(decision);
      }
    }
    return Optional.empty();
  }
}
