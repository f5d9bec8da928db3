package org.kameng.kernel.inventory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Up to one batch of consecutive input lines, parsed: the keys to import and the lines rejected.
 *
 * @param lines physical lines in the batch, blank and rejected ones included
 * @param endOfInput whether the input ended within (or right after) this batch
 */
record LineBatch(
    long lines, long blank, List<KeyLine> keys, List<Rejection> rejections, boolean endOfInput) {

  /** Reads and parses the next {@code size} lines, or fewer at the end of the input. */
  static LineBatch read(KeyLineReader reader, int size) throws IOException {
    List<KeyLine> keys = new ArrayList<>(size);
    List<Rejection> rejections = new ArrayList<>();
    long lines = 0;
    long blank = 0;
    while (lines < size) {
      KeyLineReader.RawLine raw = reader.next();
      if (raw == null) {
        return new LineBatch(lines, blank, keys, rejections, true);
      }
      lines++;
      KeyLine line = parse(raw);
      if (line == null) {
        blank++;
      } else if (line.isRejected()) {
        rejections.add(new Rejection(line.number(), line.rejection()));
      } else {
        keys.add(line);
      }
    }
    return new LineBatch(lines, blank, keys, rejections, false);
  }

  private static KeyLine parse(KeyLineReader.RawLine raw) {
    if (raw.problem() != null) {
      return KeyLine.rejected(raw.number(), raw.problem());
    }
    return KeyLine.isBlank(raw.text()) ? null : KeyLine.parse(raw.number(), raw.text());
  }
}
