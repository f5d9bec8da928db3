package org.kameng.plugin.api.notifier;

/** What came of {@link Notifier#deliver}. */
public sealed interface DeliveryResult {

  /** Handed over to the channel (accepted by the SMTP server, a 2xx from the webhook). */
  record Sent() implements DeliveryResult {}

  /**
   * Not delivered this time, may work later (server busy, timeout); the host retries with backoff.
   *
   * @param reason for the log; no secrets
   */
  record RetryLater(String reason) implements DeliveryResult {
    /** Refuses a blank reason. */
    public RetryLater {
      requireText(reason);
    }
  }

  /**
   * Cannot be delivered (address refused, kind not handled); the host does not retry.
   *
   * @param reason for the log and the shop's staff; no secrets
   */
  record Failed(String reason) implements DeliveryResult {
    /** Refuses a blank reason. */
    public Failed {
      requireText(reason);
    }
  }

  private static void requireText(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }
}
