package org.kameng.plugins.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.notifier.DeliveryResult;
import org.kameng.plugin.api.notifier.Message;
import org.kameng.plugin.api.notifier.Notifier;

/**
 * POSTs each message to the shop's URL, signed. A 2xx is delivered; a 408, 429 or 5xx, or no answer
 * at all, is tried again later by the host; any other answer, or a destination the host refuses (a
 * private address, say), fails for good, since sending it again would change nothing.
 */
final class WebhookNotifier implements Notifier {

  /** The receiver should answer quickly and do its work afterwards. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final URI url;
  private final String secret;
  private final HostContext host;

  WebhookNotifier(URI url, String secret, HostContext host) {
    this.url = url;
    this.secret = secret;
    this.host = host;
  }

  @Override
  public DeliveryResult deliver(Message message) throws IOException {
    byte[] body = WebhookEvent.json(message).getBytes(StandardCharsets.UTF_8);
    long timestamp = host.clock().instant().getEpochSecond();
    OutboundRequest request =
        OutboundRequest.post(url, "application/json; charset=utf-8", Body.of(body))
            .withTimeout(TIMEOUT)
            .withHeaders(
                Map.of(
                    WebhookSignature.ID_HEADER,
                    message.messageId(),
                    WebhookSignature.TIMESTAMP_HEADER,
                    Long.toString(timestamp),
                    WebhookSignature.SIGNATURE_HEADER,
                    WebhookSignature.sign(secret, timestamp, body)));
    OutboundResponse response;
    try {
      response = host.http().send(request);
    } catch (DestinationRefusedException e) {
      return new DeliveryResult.Failed("the webhook URL is refused: " + e.getMessage());
    }
    int status = response.status();
    if (status >= 200 && status < 300) {
      return new DeliveryResult.Sent();
    }
    if (status == 408 || status == 429 || status >= 500) {
      return new DeliveryResult.RetryLater("the receiver answered " + status);
    }
    return new DeliveryResult.Failed("the receiver answered " + status);
  }
}
