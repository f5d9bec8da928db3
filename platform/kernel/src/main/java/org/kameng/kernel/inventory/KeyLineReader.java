package org.kameng.kernel.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Splits UTF-8 input into numbered lines: a leading BOM is skipped, LF and CRLF both end a line.
 * Each line is decoded on its own, strictly, so one undecodable line is rejected rather than
 * silently altered or failing the whole file; an overlong line is skipped without being buffered.
 */
final class KeyLineReader {

  /** Longest line kept; enough for a 500-character key and note in any script, plus spacing. */
  static final int MAX_LINE_BYTES = 8192;

  /** One physical line: its text, or the reason it could not be read as text. */
  record RawLine(long number, String text, RejectReason problem) {}

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private final byte[] line = new byte[MAX_LINE_BYTES];
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
  private int position;
  private int limit;
  private long number;

  /**
   * @throws InvalidImportException if the input is UTF-16, which would otherwise read as lines of
   *     control characters
   */
  KeyLineReader(InputStream in) throws IOException {
    this.in = in;
    fillTo(3);
    int available = limit - position;
    if (available >= 2 && isUtf16Bom(buffer[0], buffer[1])) {
      throw new InvalidImportException("the input is UTF-16 text; save it as UTF-8");
    }
    if (available >= 3
        && buffer[0] == (byte) 0xEF
        && buffer[1] == (byte) 0xBB
        && buffer[2] == (byte) 0xBF) {
      position = 3;
    }
  }

  /** The next line, or null at the end of the input. */
  RawLine next() throws IOException {
    int length = 0;
    boolean overlong = false;
    boolean sawByte = false;
    while (position < limit || fill()) {
      sawByte = true;
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      if (length < MAX_LINE_BYTES) {
        line[length++] = b;
      } else {
        overlong = true;
      }
    }
    if (!sawByte) {
      return null;
    }
    number++;
    if (overlong) {
      return new RawLine(number, null, RejectReason.LINE_TOO_LONG);
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return decode(length);
  }

  private RawLine decode(int length) {
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = line[i] >= 0;
    }
    if (ascii) {
      // Plain ASCII (nearly every key) needs no decoder; Latin-1 copies it byte for byte.
      return new RawLine(number, new String(line, 0, length, StandardCharsets.ISO_8859_1), null);
    }
    try {
      String text = decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
      return new RawLine(number, text, null);
    } catch (CharacterCodingException e) {
      return new RawLine(number, null, RejectReason.NOT_UTF8);
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  // A stream may hand over a byte at a time; the BOM check needs the first three together.
  private void fillTo(int wanted) throws IOException {
    while (limit < wanted) {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        return;
      }
      limit += n;
    }
  }

  private static boolean isUtf16Bom(byte first, byte second) {
    return (first == (byte) 0xFF && second == (byte) 0xFE)
        || (first == (byte) 0xFE && second == (byte) 0xFF);
  }
}
