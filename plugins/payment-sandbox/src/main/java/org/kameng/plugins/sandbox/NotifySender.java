package org.kameng.plugins.sandbox;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;

/**
 * Sends a decided payment's signed notify to the shop, once per click and without retrying: the
 * decision is already recorded, so a shop that missed the notify learns it by querying. Each send
 * is signed afresh with the host's current time, so a re-send is as fresh as the first, while the
 * event id stays the one recorded and the kernel sees a duplicate.
 */
final class NotifySender {

  static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

  private final OutboundHttp http;
  private final SigningSecret secret;
  private final Clock clock;
  private final System.Logger logger;
  private final boolean withhold;

  NotifySender(OutboundHttp http, SigningSecret secret, Clock clock, System.Logger logger) {
    this(http, secret, clock, logger, false);
  }

  NotifySender(
      OutboundHttp http,
      SigningSecret secret,
      Clock clock,
      System.Logger logger,
      boolean withhold) {
    this.http = http;
    this.secret = secret;
    this.clock = clock;
    this.logger = logger;
    this.withhold = withhold;
  }

  /**
   * What became of one notify.
   *
   * @param httpStatus the shop's HTTP status, or 0 if nothing was answered
   * @param acknowledged whether the shop answered 2xx with the body {@code ok}
   */
  record Delivery(int httpStatus, boolean acknowledged) {

    /** The notify could not be sent at all. */
    static final Delivery NOT_SENT = new Delivery(0, false);

    /** Whether the shop answered. */
    boolean answered() {
      return httpStatus != 0;
    }
  }

  /** Sends the notify of a decided payment; never throws for a shop that cannot be reached. */
  Delivery send(StartedPayment payment, Decided decided) {
    if (withhold) {
      logger.log(
          Level.INFO,
          "sandbox notify for payment {0} withheld, as configured",
          payment.reference());
      return Delivery.NOT_SENT;
    }
    NotifyMessage message = NotifyMessage.of(payment, decided, clock.instant().getEpochSecond());
    OutboundResponse response;
    try {
      response =
          http.send(
              OutboundRequest.post(
                  payment.notifyUrl(), CONTENT_TYPE, Body.utf8(message.body(secret))));
    } catch (IOException | DestinationRefusedException | IllegalArgumentException e) {
      // IllegalArgumentException: a notify URL the host's client does not take (not http(s));
      // the message names the destination at most, never the body or the secret
      logger.log(
          Level.WARNING,
          "sandbox notify for payment {0} not sent: {1}: {2}",
          payment.reference(),
          e.getClass().getSimpleName(),
          e.getMessage());
      return Delivery.NOT_SENT;
    }
    boolean acknowledged = response.isSuccess() && response.body().text().strip().equals("ok");
    if (!acknowledged) {
      logger.log(
          Level.INFO,
          "sandbox notify for payment {0} not acknowledged: HTTP {1}",
          payment.reference(),
          String.valueOf(response.status()));
    }
    return new Delivery(response.status(), acknowledged);
  }
}
