package org.kameng.plugin.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of an HTTP message body, immutable. Signatures are computed over bytes, so a body is
 * kept exactly as received; {@link #text()} decodes it as UTF-8 when the protocol says so.
 */
public final class Body {

  private static final Body EMPTY = new Body(new byte[0]);

  private final byte[] bytes;

  private Body(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of these bytes. */
  public static Body of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return bytes.length == 0 ? EMPTY : new Body(bytes.clone());
  }

  /** The UTF-8 bytes of a text. */
  public static Body utf8(String text) {
    return of(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
  }

  /** No body. */
  public static Body empty() {
    return EMPTY;
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes. */
  public int size() {
    return bytes.length;
  }

  /** Whether there are no bytes. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** The bytes decoded as UTF-8; malformed sequences become U+FFFD. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Body that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The size only: bodies carry signatures, card keys and personal data. */
  @Override
  public String toString() {
    return "Body[" + bytes.length + " bytes]";
  }
}
