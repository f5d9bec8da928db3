package org.kameng.host.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.kameng.testing.tls.TestCertificate;

/**
 * A small SMTP server for the one thing GreenMail cannot do: {@code STARTTLS} (RFC 3207). It offers
 * {@code STARTTLS} on the plain connection and {@code AUTH PLAIN} only after the upgrade, as
 * submission servers do, and records every message it accepts and whether anything tried to log in
 * before TLS.
 */
final class StartTlsServer implements AutoCloseable {

  final List<String> messages = new CopyOnWriteArrayList<>();
  volatile boolean loginBeforeTls;

  private final ServerSocket server;
  private final SSLContext tls;
  private final String user;
  private final String password;

  StartTlsServer(String user, String password) throws Exception {
    this.user = user;
    this.password = password;
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(MailFarSide.serverKeystore())) {
      keys.load(in, TestCertificate.PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, TestCertificate.PASSWORD.toCharArray());
    tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::accept, "starttls-smtp");
    accepting.setDaemon(true);
    accepting.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        converse(socket);
      } catch (IOException e) {
        // a client that went away; the next one is served
      }
    }
  }

  private void converse(Socket plain) throws IOException {
    Socket socket = plain;
    boolean secure = false;
    BufferedReader in = reader(socket);
    OutputStream out = socket.getOutputStream();
    send(out, "220 " + MailFarSide.NAME + " ESMTP test");
    while (true) {
      String line = in.readLine();
      if (line == null) {
        return;
      }
      String upper = line.toUpperCase();
      if (upper.startsWith("EHLO")) {
        send(
            out,
            secure
                ? "250-" + MailFarSide.NAME + "\r\n250 AUTH PLAIN"
                : "250-" + MailFarSide.NAME + "\r\n250 STARTTLS");
      } else if (upper.equals("STARTTLS") && !secure) {
        send(out, "220 2.0.0 Ready to start TLS");
        SSLSocket upgraded =
            (SSLSocket)
                tls.getSocketFactory()
                    .createSocket(
                        socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        upgraded.setUseClientMode(false);
        upgraded.startHandshake();
        socket = upgraded;
        secure = true;
        in = reader(socket);
        out = socket.getOutputStream();
      } else if (upper.startsWith("AUTH PLAIN ")) {
        if (!secure) {
          loginBeforeTls = true;
          send(out, "538 5.7.11 Encryption required");
          continue;
        }
        String token =
            new String(Base64.getDecoder().decode(line.substring(11)), StandardCharsets.UTF_8);
        send(out, token.equals("\0" + user + "\0" + password) ? "235 2.7.0 OK" : "535 5.7.8 No");
      } else if (upper.startsWith("MAIL FROM") || upper.startsWith("RCPT TO")) {
        send(out, "250 2.1.0 OK");
      } else if (upper.equals("DATA")) {
        send(out, "354 End data with <CR><LF>.<CR><LF>");
        StringBuilder data = new StringBuilder();
        for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
          data.append(d).append("\n");
        }
        messages.add(data.toString());
        send(out, "250 2.0.0 Queued");
      } else if (upper.equals("QUIT")) {
        send(out, "221 2.0.0 Bye");
        return;
      } else {
        send(out, "502 5.5.1 Unrecognized command");
      }
    }
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
  }

  private static void send(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
