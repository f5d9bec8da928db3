package org.kameng.server.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reseller's settings are checked against theme.json, each fault named by its field. */
class SettingsCheckTest {

  private final ThemeManifest aurora =
      new ThemeLibrary(getClass().getClassLoader(), RenderLimits.DEFAULT)
          .theme("aurora")
          .orElseThrow()
          .manifest();

  @Test
  void validSettingsMergeOverTheDefaults() {
    SettingsCheck.Outcome outcome =
        SettingsCheck.check(
            aurora,
            Map.of(
                "accent_color",
                "#112233",
                "columns",
                new BigDecimal("4"),
                "show_descriptions",
                false));
    assertTrue(outcome.valid(), outcome.faults().toString());
    assertEquals("#112233", outcome.settings().get("accent_color"));
    assertEquals(4, outcome.settings().get("columns"));
    assertEquals("#f6f7fb", outcome.settings().get("background_color"), "a default");
  }

  @Test
  void everyBadValueIsNamedByItsField() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("accent_color", "red;}body{display:none");
    bad.put("logo_url", "javascript:alert(1)");
    bad.put("banner_title", "x".repeat(81));
    bad.put("columns", 9);
    bad.put("card_style", "neon");
    bad.put("home_sections", List.of("products", "products"));
    bad.put("no_such_thing", "x");
    bad.put("footer_text", "line\nbreak");
    SettingsCheck.Outcome outcome = SettingsCheck.check(aurora, bad);
    assertEquals(
        List.of(
            "settings.accent_color",
            "settings.banner_title",
            "settings.card_style",
            "settings.columns",
            "settings.footer_text",
            "settings.home_sections",
            "settings.logo_url",
            "settings.no_such_thing"),
        outcome.faults().stream().map(SettingsCheck.Fault::field).toList());
  }

  @Test
  void linksAreHttpsOrTheThemesOwnAssets() {
    assertTrue(
        SettingsCheck.check(aurora, Map.of("logo_url", "https://cdn.example/l.png")).valid());
    assertTrue(
        SettingsCheck.check(aurora, Map.of("logo_url", "/assets/aurora/x/logo.svg")).valid());
    assertTrue(SettingsCheck.check(aurora, Map.of("logo_url", "")).valid());
    assertTrue(
        !SettingsCheck.check(aurora, Map.of("logo_url", "http://plain.example/l.png")).valid());
    assertTrue(
        !SettingsCheck.check(aurora, Map.of("logo_url", "/assets/../WEB-INF/web.xml")).valid());
  }
}
