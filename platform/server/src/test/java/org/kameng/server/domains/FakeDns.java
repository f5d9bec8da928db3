package org.kameng.server.domains;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DNS server on 127.0.0.1 (UDP, random port) that answers TXT questions from a table and NXDOMAIN
 * to everything else; enough of RFC 1035 for the JDK's resolver. Tests have no public DNS.
 */
public final class FakeDns implements AutoCloseable {

  private static final int TXT = 16;

  private final DatagramSocket socket;
  private final Map<String, List<String>> records = new ConcurrentHashMap<>();
  private final Thread thread;

  public FakeDns() throws IOException {
    this(0);
  }

  public FakeDns(int port) throws IOException {
    socket = new DatagramSocket(port, InetAddress.getByName("127.0.0.1"));
    thread = new Thread(this::serve, "fake-dns");
    thread.setDaemon(true);
    thread.start();
  }

  /** Answers TXT questions for {@code name} with one record per value. */
  public FakeDns txt(String name, String... values) {
    records.put(name.toLowerCase(Locale.ROOT), List.of(values));
    return this;
  }

  /** The URL the JDK's DNS provider takes. */
  public String url() {
    return "dns://127.0.0.1:" + socket.getLocalPort();
  }

  private void serve() {
    byte[] buffer = new byte[512];
    while (!socket.isClosed()) {
      try {
        DatagramPacket query = new DatagramPacket(buffer, buffer.length);
        socket.receive(query);
        byte[] answer = answer(query.getData(), query.getLength());
        socket.send(new DatagramPacket(answer, answer.length, query.getAddress(), query.getPort()));
      } catch (IOException | RuntimeException e) {
        // closed, or a query this fake does not understand: ignore it as a real server would
      }
    }
  }

  private byte[] answer(byte[] q, int length) {
    // Header (12 bytes), then one question: labels, a zero byte, type and class.
    int at = 12;
    StringBuilder name = new StringBuilder();
    while (q[at] != 0) {
      int label = q[at] & 0xff;
      if (name.length() > 0) {
        name.append('.');
      }
      name.append(new String(q, at + 1, label, StandardCharsets.US_ASCII));
      at += label + 1;
    }
    int questionEnd = at + 5;
    int type = ((q[at + 1] & 0xff) << 8) | (q[at + 2] & 0xff);
    List<String> values =
        type == TXT ? records.get(name.toString().toLowerCase(Locale.ROOT)) : null;

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(q[0]);
    out.write(q[1]);
    out.write(0x81); // response, recursion desired
    out.write(values == null ? 0x83 : 0x80); // recursion available; NXDOMAIN or no error
    out.write(0);
    out.write(1); // one question
    out.write(0);
    out.write(values == null ? 0 : values.size()); // the answers
    out.write(new byte[4], 0, 4);
    out.write(q, 12, questionEnd - 12);
    for (String value : values == null ? List.<String>of() : values) {
      // One record per value, one character-string each (a token fits in 255 bytes).
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      out.write(new byte[] {(byte) 0xc0, 12, 0, TXT, 0, 1, 0, 0, 0, 60}, 0, 10);
      out.write(0);
      out.write(bytes.length + 1);
      out.write(bytes.length);
      out.write(bytes, 0, bytes.length);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    socket.close();
  }
}
