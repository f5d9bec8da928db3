package org.kameng.kernel.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The line format: {@code key} or {@code key,note}, split at the first comma, trimmed. */
class KeyLineTest {

  @Test
  void aLineWithoutCommaIsAllKey() {
    KeyLine line = KeyLine.parse(7, "  ABCD-1234  ");
    assertEquals(7, line.number());
    assertEquals("ABCD-1234", line.key());
    assertNull(line.note());
  }

  @Test
  void splitsAtTheFirstCommaOnly() {
    KeyLine line = KeyLine.parse(1, " KEY-1 , expires 2027-01, region CN ");
    assertEquals("KEY-1", line.key());
    assertEquals("expires 2027-01, region CN", line.note());
  }

  @Test
  void anEmptyNoteIsNoNote() {
    assertNull(KeyLine.parse(1, "KEY-1,   ").note());
  }

  @Test
  void trimsUnicodeWhitespaceLikeTheIdeographicSpace() {
    assertEquals("卡密-一", KeyLine.parse(1, "\u3000卡密-一\u3000").key());
  }

  @Test
  void refusesAnEmptyKey() {
    assertEquals(RejectReason.EMPTY_KEY, KeyLine.parse(1, " , a note").rejection());
  }

  @Test
  void keyAndNoteMayHaveFiveHundredCharactersNotMore() {
    String five = "k".repeat(500);
    assertFalse(KeyLine.parse(1, five + "," + "n".repeat(500)).isRejected());
    assertEquals(RejectReason.KEY_TOO_LONG, KeyLine.parse(1, five + "k").rejection());
    assertEquals(RejectReason.NOTE_TOO_LONG, KeyLine.parse(1, "k," + "n".repeat(501)).rejection());
  }

  @Test
  void countsCharactersNotUtf16Units() {
    String emoji = "😀".repeat(500); // 1000 UTF-16 units, 500 characters
    assertFalse(KeyLine.parse(1, "k," + emoji).isRejected());
  }

  @Test
  void refusesControlCharactersInKeyOrNote() {
    assertEquals(RejectReason.CONTROL_CHARACTER, KeyLine.parse(1, "AB\u0000CD").rejection());
    assertEquals(RejectReason.CONTROL_CHARACTER, KeyLine.parse(1, "AB\tCD").rejection());
    assertEquals(RejectReason.CONTROL_CHARACTER, KeyLine.parse(1, "ABCD,no\u0007te").rejection());
    assertEquals(RejectReason.CONTROL_CHARACTER, KeyLine.parse(1, "AB\rCD").rejection());
  }

  @Test
  void refusesInvisibleCharactersInTheKey() {
    assertEquals(RejectReason.INVISIBLE_CHARACTER, KeyLine.parse(1, "AB\u200BCD").rejection());
    assertEquals(RejectReason.INVISIBLE_CHARACTER, KeyLine.parse(1, "AB\uFEFFCD").rejection());
  }

  @Test
  void blankMeansWhitespaceOnly() {
    assertTrue(KeyLine.isBlank(" \t\u3000 "));
    assertFalse(KeyLine.isBlank(" , "));
  }

  @Test
  void rejectionMessagesNeedNoJsonEscaping() {
    // ImportRun writes them into the report JSON verbatim.
    for (RejectReason reason : RejectReason.values()) {
      assertFalse(reason.message().matches(".*[\"\\\\\\p{Cntrl}].*"), reason.name());
    }
  }
}
