package org.kameng.plugin.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.kameng.host.http.OutboundSettings;
import org.kameng.host.mail.GuardedOutboundMail;
import org.kameng.plugin.api.mail.OutboundMail;
import org.kameng.testing.tls.TestCertificate;

/**
 * The far side of a mail plugin's tests: a real SMTP server (GreenMail) on 127.0.0.1, reached
 * through the platform's own {@link GuardedOutboundMail} exactly as in production, with the name
 * {@link #NAME} allow-listed by "the operator" and resolved to 127.0.0.1 without DNS.
 *
 * <ul>
 *   <li>{@link #plainPort()}: SMTP without TLS; {@link #tlsPort()}: implicit TLS with a certificate
 *       for {@link #NAME} made at test time, which {@link #transport()} trusts (and nothing else);
 *       both accept the login {@link #USER} / {@link #PASSWORD} and refuse others with 535;
 *   <li>{@link #busyPort()}: an SMTP server that greets with {@code 421}, as one shutting down or
 *       over its limits does;
 *   <li>{@link #closedPort()}: nothing listening.
 * </ul>
 *
 * GreenMail offers no {@code STARTTLS}, which makes it the server a {@code STARTTLS} configuration
 * must refuse to talk to. Close it after each test.
 */
public final class SmtpFarSide implements AutoCloseable {

  /** The server's host name, as a tenant would configure it. */
  public static final String NAME = "smtp.shop.test";

  /** The login the server accepts. */
  public static final String USER = "shop";

  /** The password the server accepts; a canary that must never appear in logs or results. */
  public static final String PASSWORD = "smtp-password-canary-7f3a";

  private static final TestCertificate CERTIFICATE =
      TestCertificate.forName(NAME).servedByGreenMail();

  private final GreenMail greenMail;
  private final ServerSocket busy;
  private final int closedPort;

  /** Starts the servers. */
  public SmtpFarSide() {
    greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()
            });
    greenMail.start();
    greenMail.setUser("shop@" + NAME, USER, PASSWORD);
    try {
      busy = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = probe.getLocalPort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread answering = new Thread(this::answerBusy, "smtp-far-side-busy");
    answering.setDaemon(true);
    answering.start();
  }

  /** The platform's mail transport, allowed to reach {@link #NAME} and trusting its certificate. */
  public OutboundMail transport() {
    return GuardedOutboundMail.create(
            OutboundSettings.defaults().withAllowedHosts(Set.of(NAME)),
            host -> {
              if (!host.equals(NAME)) {
                throw new UnknownHostException(host);
              }
              return List.of(InetAddress.getLoopbackAddress());
            },
            CERTIFICATE.trustingOnlyIt())
        .forCaller("contract-tenant/mail-plugin");
  }

  /** SMTP without TLS. */
  public int plainPort() {
    return greenMail.getSmtp().getPort();
  }

  /** SMTP over implicit TLS. */
  public int tlsPort() {
    return greenMail.getSmtps().getPort();
  }

  /** A server answering every connection with {@code 421}. */
  public int busyPort() {
    return busy.getLocalPort();
  }

  /** A port nothing listens on. */
  public int closedPort() {
    return closedPort;
  }

  /** Every message the server accepted, whole (headers and encoded body), oldest first. */
  public List<String> received() {
    return Arrays.stream(greenMail.getReceivedMessages())
        .map(GreenMailUtil::getWholeMessage)
        .toList();
  }

  /** Every message the server accepted, parsed, oldest first. */
  public List<jakarta.mail.internet.MimeMessage> receivedMessages() {
    return List.of(greenMail.getReceivedMessages());
  }

  @Override
  public void close() {
    greenMail.stop();
    try {
      busy.close();
    } catch (IOException ignored) {
      // the test is over
    }
  }

  private void answerBusy() {
    while (!busy.isClosed()) {
      try (Socket socket = busy.accept()) {
        socket
            .getOutputStream()
            .write(
                "421 4.3.2 Service not available, try later\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
      } catch (IOException closed) {
        return;
      }
    }
  }
}
