package org.kameng.host.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.kameng.host.http.Destination;
import org.kameng.plugin.api.mail.MailRejectedException;
import org.kameng.plugin.api.mail.MailSecurity;
import org.kameng.plugin.api.mail.MailServer;

/**
 * One SMTP submission over one connection (RFC 5321, RFC 3207 for {@code STARTTLS}, RFC 4954 for
 * {@code AUTH}). Every read is bounded by what is left of the caller's deadline; a 4xx reply is an
 * {@link IOException} (try again later), a 5xx reply a {@link MailRejectedException}.
 */
final class SmtpSession implements Closeable {

  private static final int MAX_LINE = 2048;
  private static final int MAX_LINES = 100;

  private final MailServer server;
  private final SSLSocketFactory tls;
  private final long deadline;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private String stage = "connect";

  private SmtpSession(MailServer server, SSLSocketFactory tls, long deadline) {
    this.server = server;
    this.tls = tls;
    this.deadline = deadline;
  }

  /** Connects to the vetted address, secures the connection as configured and logs in. */
  static SmtpSession open(
      Destination to,
      MailServer server,
      SSLSocketFactory tls,
      Duration connectTimeout,
      long deadline,
      String heloName)
      throws IOException, MailRejectedException {
    SmtpSession session = new SmtpSession(server, tls, deadline);
    try {
      session.connect(to, connectTimeout);
      session.greet(heloName);
      return session;
    } catch (IOException | MailRejectedException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private void connect(Destination to, Duration connectTimeout) throws IOException {
    Socket plain = new Socket();
    socket = plain;
    int timeout = (int) Math.min(connectTimeout.toMillis(), millisLeft());
    plain.connect(new InetSocketAddress(to.address(), to.port()), Math.max(1, timeout));
    if (server.security() == MailSecurity.TLS) {
      secure();
    } else {
      streams();
    }
  }

  private void greet(String heloName) throws IOException, MailRejectedException {
    expect(read(), "greeting", 220);
    SmtpReply ehlo = command("EHLO " + heloName, "EHLO", 250);
    if (server.security() == MailSecurity.STARTTLS) {
      if (!ehlo.offers("STARTTLS")) {
        // RFC 3207 7: never fall back to plain text, or anyone on the path can strip the offer
        throw new MailRejectedException(0, "the server does not offer STARTTLS");
      }
      command("STARTTLS", "STARTTLS", 220);
      secure();
      ehlo = command("EHLO " + heloName, "EHLO", 250);
    }
    if (server.username().isPresent()) {
      login(ehlo.authMechanisms());
    }
  }

  private void login(List<String> mechanisms) throws IOException, MailRejectedException {
    String user = server.username().orElseThrow();
    String password = server.password().orElseThrow();
    if (mechanisms.contains("PLAIN")) {
      String token = base64("\0" + user + "\0" + password);
      command("AUTH PLAIN " + token, "AUTH", 235);
    } else if (mechanisms.contains("LOGIN")) {
      command("AUTH LOGIN", "AUTH", 334);
      command(base64(user), "AUTH", 334);
      command(base64(password), "AUTH", 235);
    } else {
      throw new MailRejectedException(0, "the server offers neither AUTH PLAIN nor AUTH LOGIN");
    }
  }

  /** Sends the envelope and the data; returns when the server accepted the message. */
  void submit(String from, List<String> recipients, byte[] data)
      throws IOException, MailRejectedException {
    command("MAIL FROM:<" + from + ">", "MAIL FROM", 250);
    for (String recipient : recipients) {
      command("RCPT TO:<" + recipient + ">", "RCPT TO", 250, 251);
    }
    command("DATA", "DATA", 354);
    stage = "message";
    out.write(data);
    out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    expect(read(), "end of data", 250);
  }

  private void secure() throws IOException {
    SSLSocket secured = (SSLSocket) tls.createSocket(socket, server.host(), socket.getPort(), true);
    SSLParameters parameters = secured.getSSLParameters();
    // verify the certificate against the configured name, as a browser would
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    secured.setSSLParameters(parameters);
    socket = secured;
    socket.setSoTimeout((int) Math.max(1, millisLeft()));
    secured.startHandshake();
    streams();
  }

  private void streams() throws IOException {
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  private SmtpReply command(String line, String name, int... accepted)
      throws IOException, MailRejectedException {
    stage = name;
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return expect(read(), name, accepted);
  }

  private SmtpReply expect(SmtpReply reply, String at, int... accepted)
      throws IOException, MailRejectedException {
    for (int code : accepted) {
      if (reply.code() == code) {
        return reply;
      }
    }
    String text = "the server answered " + reply.summary() + " at " + at;
    if (reply.code() >= 500 && reply.code() < 600) {
      throw new MailRejectedException(reply.code(), text);
    }
    throw new IOException(text); // 4xx: try again later; anything else: a confused server
  }

  private SmtpReply read() throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = readLine();
      if (line.length() < 3 || !line.substring(0, 3).matches("[2-5][0-9][0-9]")) {
        throw new IOException("not an SMTP reply at " + stage);
      }
      lines.add(line.length() > 4 ? line.substring(4) : "");
      boolean more = line.length() > 3 && line.charAt(3) == '-';
      if (!more) {
        return new SmtpReply(Integer.parseInt(line.substring(0, 3)), lines);
      }
      if (lines.size() >= MAX_LINES) {
        throw new IOException("SMTP reply too long at " + stage);
      }
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      socket.setSoTimeout((int) Math.max(1, millisLeft()));
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed the connection at " + stage);
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      if (line.size() >= MAX_LINE) {
        throw new IOException("SMTP reply line too long at " + stage);
      }
      line.write(b);
    }
  }

  private long millisLeft() throws SocketTimeoutException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("mail submission timed out at " + stage);
    }
    return left;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Says {@code QUIT} if the connection is usable, then closes it; never throws. */
  @Override
  public void close() {
    if (socket == null) {
      return;
    }
    try {
      if (out != null && !socket.isClosed() && millisLeft() > 0) {
        out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException ignored) {
      // the message's fate is already decided; a failed goodbye changes nothing
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
