package org.kameng.plugin.api.payment;

/** What came of {@link PaymentChannel#refund}. */
public sealed interface RefundResult {

  /**
   * The provider paid the money back.
   *
   * @param providerRefundId the provider's id of the refund
   */
  record Refunded(String providerRefundId) implements RefundResult {
    /** Refuses a blank id. */
    public Refunded {
      requireText(providerRefundId, "providerRefundId");
    }
  }

  /**
   * The provider accepted the refund and will complete it later; the host queries again.
   *
   * @param providerRefundId the provider's id of the refund
   */
  record Pending(String providerRefundId) implements RefundResult {
    /** Refuses a blank id. */
    public Pending {
      requireText(providerRefundId, "providerRefundId");
    }
  }

  /**
   * The provider refused the refund (balance too low, payment too old); staff refund by hand.
   *
   * @param reason the provider's reason, for the shop's staff
   */
  record Failed(String reason) implements RefundResult {
    /** Refuses a blank reason. */
    public Failed {
      requireText(reason, "reason");
    }
  }

  /** This channel cannot refund; staff refund by hand and record it. */
  record Unsupported() implements RefundResult {}

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
