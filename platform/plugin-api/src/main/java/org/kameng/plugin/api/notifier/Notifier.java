package org.kameng.plugin.api.notifier;

import java.io.IOException;

/**
 * One tenant's configured notification channel (SMTP, a webhook), created by its {@link
 * NotifierFactory}. Thread-safe.
 */
public interface Notifier {

  /**
   * Delivers one message. Called from a job thread, never on a buyer's request, after the
   * transaction that caused the message committed. Delivery is at least once: after a crash or a
   * timeout the host calls again with the same {@link Message#messageId()}, so a recipient may see
   * a message twice unless the channel deduplicates on that id.
   *
   * @param message what to deliver
   * @return sent, retry later, or failed for good
   * @throws IOException the channel could not be reached; treated as {@link
   *     DeliveryResult.RetryLater}
   */
  DeliveryResult deliver(Message message) throws IOException;
}
