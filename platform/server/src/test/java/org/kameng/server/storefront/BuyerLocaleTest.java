package org.kameng.server.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Accept-Language picks the locale the themes translate; Chinese when nothing matches. */
class BuyerLocaleTest {

  @Test
  void theFirstTranslatedLanguageByWeightWins() {
    assertEquals("en", BuyerLocale.fromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8"));
    assertEquals("zh-CN", BuyerLocale.fromAcceptLanguage("zh-TW,zh;q=0.9,en;q=0.8"));
    assertEquals("en", BuyerLocale.fromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5"));
    assertEquals("zh-CN", BuyerLocale.fromAcceptLanguage("en;q=0.2,zh;q=0.9"));
  }

  @Test
  void noOrUnknownOrBrokenHeadersGetChinese() {
    assertEquals("zh-CN", BuyerLocale.fromAcceptLanguage(null));
    assertEquals("zh-CN", BuyerLocale.fromAcceptLanguage("fr"));
    assertEquals("zh-CN", BuyerLocale.fromAcceptLanguage(";;;q=="));
  }
}
