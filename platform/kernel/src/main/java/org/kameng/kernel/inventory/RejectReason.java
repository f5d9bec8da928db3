package org.kameng.kernel.inventory;

/**
 * Why a line of an import was not imported. The messages name the rule, never the line's content,
 * because reports are stored and shown where the keys themselves must not appear.
 */
public enum RejectReason {
  LINE_TOO_LONG("line longer than " + KeyLineReader.MAX_LINE_BYTES + " bytes"),
  NOT_UTF8("not valid UTF-8 text; save the file as UTF-8"),
  EMPTY_KEY("empty key"),
  KEY_TOO_LONG("key longer than " + KeyLine.MAX_KEY_LENGTH + " characters"),
  NOTE_TOO_LONG("note longer than " + KeyLine.MAX_NOTE_LENGTH + " characters"),
  CONTROL_CHARACTER("control character in the key or note"),
  INVISIBLE_CHARACTER("invisible formatting character in the key"),
  LOOP_KEY_TAKEN("a loop-key SKU holds exactly one key and already has another");

  private final String message;

  RejectReason(String message) {
    this.message = message;
  }

  /** The reason in words, for the person who uploaded the file. */
  public String message() {
    return message;
  }
}
