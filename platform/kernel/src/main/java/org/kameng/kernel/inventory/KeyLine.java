package org.kameng.kernel.inventory;

/**
 * One line of an import split into key and optional note, or the reason it cannot be imported. The
 * line is {@code key} or {@code key,note}, split at the first comma, so a key never contains a
 * comma and a note may. Surrounding whitespace (Unicode, including the ideographic space) is not
 * part of either: the trimmed key is what is fingerprinted, sealed and sold.
 *
 * @param key the trimmed key, or null when rejected
 * @param note the trimmed note, null when absent or empty
 * @param rejection why the line is not imported, or null
 */
record KeyLine(long number, String key, String note, RejectReason rejection) {

  static final int MAX_KEY_LENGTH = 500;
  static final int MAX_NOTE_LENGTH = 500;

  /** Whether this line holds only whitespace (it is skipped, not rejected). */
  static boolean isBlank(String text) {
    return text.isBlank();
  }

  /** Parses a line that is not blank. */
  static KeyLine parse(long number, String text) {
    int comma = text.indexOf(',');
    String key = (comma < 0 ? text : text.substring(0, comma)).strip();
    String note = comma < 0 ? null : text.substring(comma + 1).strip();
    if (note != null && note.isEmpty()) {
      note = null;
    }
    RejectReason problem = check(key, note);
    return problem == null
        ? new KeyLine(number, key, note, null)
        : new KeyLine(number, null, null, problem);
  }

  static KeyLine rejected(long number, RejectReason reason) {
    return new KeyLine(number, null, null, reason);
  }

  boolean isRejected() {
    return rejection != null;
  }

  private static RejectReason check(String key, String note) {
    if (key.isEmpty()) {
      return RejectReason.EMPTY_KEY;
    }
    // Code points, as PostgreSQL's length() counts them for the note's CHECK.
    if (key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
      return RejectReason.KEY_TOO_LONG;
    }
    if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE_LENGTH) {
      return RejectReason.NOTE_TOO_LONG;
    }
    if (hasControl(key) || (note != null && hasControl(note))) {
      return RejectReason.CONTROL_CHARACTER;
    }
    // A zero-width space or stray BOM in a key makes a key the buyer cannot type or paste back.
    if (key.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
      return RejectReason.INVISIBLE_CHARACTER;
    }
    return null;
  }

  private static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
