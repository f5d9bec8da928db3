package org.kameng.kernel.payment;

/**
 * What the kernel made of a notify. The channel acknowledges everything but {@link Kind#REJECTED}
 * the way its provider expects, so the provider stops re-sending.
 *
 * @param kind the verdict
 * @param reason why, for the log and the rejection's response; never a secret
 */
public record NoticeResult(Kind kind, String reason) {

  /** The verdicts. */
  public enum Kind {
    /** This notify paid the payment. */
    ACCEPTED,
    /** Already recorded; nothing changed. */
    DUPLICATE,
    /** A failed or pending outcome, recorded; the order is unpaid. */
    NOT_PAID,
    /** It does not match what we know; nothing changed. */
    REJECTED
  }

  static NoticeResult accepted() {
    return new NoticeResult(Kind.ACCEPTED, "paid");
  }

  static NoticeResult duplicate() {
    return new NoticeResult(Kind.DUPLICATE, "already recorded");
  }

  static NoticeResult notPaid(String reason) {
    return new NoticeResult(Kind.NOT_PAID, reason);
  }

  static NoticeResult rejected(String reason) {
    return new NoticeResult(Kind.REJECTED, reason);
  }
}
