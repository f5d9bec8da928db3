package org.kameng.plugin.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;

class PluginConfigTest {

  private final PluginConfig config =
      PluginConfig.of(
          Map.of(
              "gateway", "https://pay.example.cn/",
              "retries", "3",
              "sandbox", "true",
              "minimum", "1.00 CNY",
              "merchantKey", "s3cret",
              "blank", "  "));

  @Test
  void typedGettersParseTheTextForms() {
    assertEquals(URI.create("https://pay.example.cn/"), config.url("gateway"));
    assertEquals(3, config.integer("retries"));
    assertTrue(config.bool("sandbox"));
    assertFalse(config.bool("absent"), "an unset boolean is false");
    assertEquals(Money.of(100, "CNY"), config.money("minimum"));
  }

  @Test
  void blankValuesAreMissing() {
    assertFalse(config.find("blank").isPresent());
    NoSuchElementException missing =
        assertThrows(NoSuchElementException.class, () -> config.string("blank"));
    assertTrue(missing.getMessage().contains("'blank'"));
  }

  @Test
  void aValueOfTheWrongTypeFailsNamingTheFieldButNotTheValue() {
    IllegalStateException wrong =
        assertThrows(IllegalStateException.class, () -> config.integer("merchantKey"));
    assertTrue(wrong.getMessage().contains("'merchantKey'"));
    assertFalse(wrong.getMessage().contains("s3cret"));
    assertThrows(IllegalStateException.class, () -> config.url("retries"));
    assertThrows(IllegalStateException.class, () -> config.bool("retries"));
  }

  @Test
  void toStringNeverShowsValues() {
    assertFalse(config.toString().contains("s3cret"), config.toString());
    assertTrue(config.toString().contains("merchantKey"));
  }
}
