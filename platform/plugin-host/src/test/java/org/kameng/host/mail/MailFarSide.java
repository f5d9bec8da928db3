package org.kameng.host.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

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

  private static final Path KEYSTORE = keystore();

  /** The server's key and certificate for {@link #NAME}, password {@code changeit}. */
  static Path serverKeystore() {
    return KEYSTORE;
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
    try (InputStream in = Files.newInputStream(KEYSTORE)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, "changeit".toCharArray());
      Certificate certificate = keys.getCertificate("greenmail");
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry("test", certificate);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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

  // GreenMail reads its keystore location once per JVM; keytool makes one with our name in it.
  private static Path keystore() {
    try {
      Path dir = Files.createTempDirectory("kameng-mail-tls");
      Path file = dir.resolve("server.p12");
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "greenmail",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-validity",
                  "2",
                  "-dname",
                  "CN=" + NAME,
                  "-ext",
                  "san=dns:" + NAME,
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  file.toString(),
                  "-storepass",
                  "changeit",
                  "-keypass",
                  "changeit")
              .redirectErrorStream(true)
              .start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (keytool.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      System.setProperty("greenmail.tls.keystore.file", file.toString());
      System.setProperty("greenmail.tls.keystore.password", "changeit");
      System.setProperty("greenmail.tls.key.password", "changeit");
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
