package org.kameng.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {

  @Test
  void chineseLocalesGetChineseEverythingElseEnglish() {
    LocalizedText text = LocalizedText.of("商户密钥", "Merchant key");
    assertEquals("商户密钥", text.in(Locale.SIMPLIFIED_CHINESE));
    assertEquals("商户密钥", text.in(Locale.CHINESE));
    assertEquals("Merchant key", text.in(Locale.GERMAN));
  }

  @Test
  void refusesBlankTexts() {
    assertThrows(IllegalArgumentException.class, () -> LocalizedText.of(" ", "Key"));
    assertThrows(IllegalArgumentException.class, () -> LocalizedText.of("密钥", null));
  }
}
