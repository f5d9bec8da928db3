package org.kameng.kernel.text;

/**
 * What the kernel accepts as text from outside: no control characters (NUL cannot even be stored by
 * PostgreSQL, and the others only ever serve to hide or corrupt what staff read) and no
 * bidirectional overrides (which make a shown value read differently from what it is).
 */
public final class PlainText {

  private PlainText() {}

  /** Whether {@code text} holds only characters a person meant to type on one line. */
  public static boolean isSingleLine(String text) {
    return text.codePoints().allMatch(PlainText::allowedOnOneLine);
  }

  /** The same, but line breaks and tabs are allowed (delivery notes, reasons). */
  public static boolean isMultiLine(String text) {
    return text.codePoints()
        .allMatch(cp -> cp == '\n' || cp == '\r' || cp == '\t' || allowedOnOneLine(cp));
  }

  private static boolean allowedOnOneLine(int cp) {
    boolean control = cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
    boolean bidiOverride = (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
    return !control && !bidiOverride;
  }
}
