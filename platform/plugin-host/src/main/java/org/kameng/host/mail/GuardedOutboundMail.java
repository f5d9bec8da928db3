package org.kameng.host.mail;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;
import org.kameng.host.http.Destination;
import org.kameng.host.http.DestinationPolicy;
import org.kameng.host.http.HostResolver;
import org.kameng.host.http.OutboundSettings;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.mail.MailMessage;
import org.kameng.plugin.api.mail.MailRejectedException;
import org.kameng.plugin.api.mail.MailServer;
import org.kameng.plugin.api.mail.OutboundMail;

/**
 * The platform's {@link OutboundMail}: the server is vetted by the same {@link DestinationPolicy}
 * as plugins' HTTP (operator allow-list included, mail ports instead of web ones), the socket
 * connects to the address the policy checked, and one {@link SmtpSession} submits the message
 * {@link MimeText} built. Logs caller, server host, outcome and duration; never addresses,
 * subjects, bodies or credentials. Thread-safe; one connection per send.
 */
public final class GuardedOutboundMail implements OutboundMail {

  private static final System.Logger LOG = System.getLogger(GuardedOutboundMail.class.getName());
  private static final Duration LONGEST = Duration.ofSeconds(120);

  private final DestinationPolicy policy;
  private final OutboundSettings settings;
  private final SSLSocketFactory tls;
  private final Clock clock;
  private final String caller;

  private GuardedOutboundMail(
      DestinationPolicy policy,
      OutboundSettings settings,
      SSLSocketFactory tls,
      Clock clock,
      String caller) {
    this.policy = policy;
    this.settings = settings;
    this.tls = tls;
    this.clock = clock;
    this.caller = caller;
  }

  /**
   * A transport with the operator's settings, checking certificates against the JVM's trust store.
   */
  public static GuardedOutboundMail create(OutboundSettings settings, HostResolver resolver) {
    return create(settings, resolver, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /**
   * A transport that trusts what {@code tls} trusts: the JVM's store on the platform, a test
   * server's own certificate in tests.
   */
  public static GuardedOutboundMail create(
      OutboundSettings settings, HostResolver resolver, SSLSocketFactory tls) {
    return new GuardedOutboundMail(
        new DestinationPolicy(settings, resolver),
        settings,
        Objects.requireNonNull(tls, "tls"),
        Clock.systemUTC(),
        "host");
  }

  /**
   * The same transport, logging its sends against a caller.
   *
   * @param caller for example {@code tenant/plugin-id}; no secrets
   */
  public GuardedOutboundMail forCaller(String caller) {
    return new GuardedOutboundMail(policy, settings, tls, clock, caller);
  }

  @Override
  public void send(MailServer server, MailMessage message, Duration timeout)
      throws IOException, MailRejectedException {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("timeout must be between 1 s and 120 s: " + timeout);
    }
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    Destination to;
    try {
      to = policy.checkMailServer(server.host(), server.port());
    } catch (DestinationRefusedException e) {
      LOG.log(Level.WARNING, "{0} SMTP {1}", caller, e.getMessage());
      throw e;
    }
    byte[] data = MimeText.of(message, clock.instant());
    String helo = message.from().substring(message.from().indexOf('@') + 1);
    String outcome = "failed";
    try (SmtpSession session =
        SmtpSession.open(to, server, tls, settings.connectTimeout(), deadline, helo)) {
      session.submit(message.from(), message.to(), data);
      outcome = "accepted";
    } catch (MailRejectedException e) {
      outcome = "rejected " + e.getMessage();
      throw e;
    } catch (IOException e) {
      outcome = "failed " + e.getMessage();
      throw e;
    } finally {
      LOG.log(
          Level.INFO,
          "{0} SMTP {1}:{2} {3} -> {4} in {5} ms",
          caller,
          to.host(),
          String.valueOf(to.port()),
          message.messageId(),
          outcome,
          (System.nanoTime() - started) / 1_000_000);
    }
  }
}
