package org.kameng.host.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLSocketFactory;
import org.kameng.testing.tls.TestCertificate;

/**
 * The far side of the mail transport's tests: GreenMail (a real SMTP server) on 127.0.0.1, plain
 * and implicit-TLS, with a certificate made for {@link #NAME} at test time, and an SMTP server that
 * only ever answers "421 busy".
 */
final class MailFarSide implements AutoCloseable {

  /** The server's name, resolved to 127.0.0.1 by the tests' table and in its certificate. */
  static final String NAME = "mail.shop.test";

  static final String USER = "shop";
  static final String PASSWORD = "smtp-password-canary";

  private static final TestCertificate CERTIFICATE =
      TestCertificate.forName(NAME).servedByGreenMail();

  /**
   * The server's key and certificate for {@link #NAME}, password {@link TestCertificate#PASSWORD}.
   */
  static Path serverKeystore() {
    return CERTIFICATE.keystore();
  }

  final GreenMail greenMail;

  MailFarSide() {
    greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()
            });
    greenMail.start();
    greenMail.setUser("shop@" + NAME, USER, PASSWORD);
  }

  int plainPort() {
    return greenMail.getSmtp().getPort();
  }

  int tlsPort() {
    return greenMail.getSmtps().getPort();
  }

  /** Trusts the test certificate only, as the platform trusts its CA store only. */
  static SSLSocketFactory trustingTestCertificate() {
    return CERTIFICATE.trustingOnlyIt();
  }

  /** An SMTP server that greets every connection with 421, as a server shutting down does. */
  static ServerSocket busy() throws IOException {
    ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread answering =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                  socket
                      .getOutputStream()
                      .write(
                          "421 4.3.2 Service not available, try later\r\n"
                              .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "busy-smtp");
    answering.setDaemon(true);
    answering.start();
    return server;
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
