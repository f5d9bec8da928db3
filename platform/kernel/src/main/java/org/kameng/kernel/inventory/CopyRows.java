package org.kameng.kernel.inventory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Staging rows {@code (line, fingerprint, secret, note)} in PostgreSQL's binary COPY format: raw
 * bytes for bytea, so the server parses no hex, and the client builds them off the importing
 * thread. Format: https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.4
 */
final class CopyRows {

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };
  private static final short FIELDS = 4;

  private ByteBuffer buffer;

  CopyRows(int expectedRows) {
    buffer = ByteBuffer.allocate(32 + expectedRows * 140);
    buffer.put(SIGNATURE).putInt(0).putInt(0); // no flags, no header extension
  }

  void add(long line, byte[] fingerprint, byte[] secret, String note) {
    byte[] noteBytes = note == null ? null : note.getBytes(StandardCharsets.UTF_8);
    ensure(
        2
            + 12
            + 8
            + fingerprint.length
            + secret.length
            + (noteBytes == null ? 0 : noteBytes.length));
    buffer.putShort(FIELDS);
    buffer.putInt(8).putLong(line);
    buffer.putInt(fingerprint.length).put(fingerprint);
    buffer.putInt(secret.length).put(secret);
    if (noteBytes == null) {
      buffer.putInt(-1);
    } else {
      buffer.putInt(noteBytes.length).put(noteBytes);
    }
  }

  /** The complete COPY data, trailer included. */
  byte[] finish() {
    ensure(2);
    buffer.putShort((short) -1);
    byte[] rows = new byte[buffer.position()];
    buffer.flip().get(rows);
    return rows;
  }

  private void ensure(int bytes) {
    if (buffer.remaining() < bytes) {
      ByteBuffer larger =
          ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
      buffer.flip();
      buffer = larger.put(buffer);
    }
  }
}
