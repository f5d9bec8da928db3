package org.kameng.kernel.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void ordinaryTextInAnyScriptIsAccepted() {
    assertTrue(PlainText.isSingleLine("买家 buyer@example.cn 游戏账号 12345 ¥50 🎮"));
    assertTrue(PlainText.isMultiLine("Topped up.\nRef 77\tdone"));
  }

  @Test
  void controlCharactersAndBidiOverridesAreRefused() {
    assertFalse(PlainText.isSingleLine("a\u0000b"), "NUL");
    assertFalse(PlainText.isSingleLine("bell\u0007"), "BEL");
    assertFalse(PlainText.isSingleLine("line\nbreak"), "newline on one line");
    assertFalse(PlainText.isSingleLine("c1\u0085"), "C1 control");
    assertFalse(PlainText.isSingleLine("gpj.exe\u202e"), "right-to-left override");
    assertFalse(PlainText.isMultiLine("a\u0000b"), "NUL in multi-line text");
  }
}
