package org.kameng.server.themes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kameng.kernel.theme.ShopThemes;

/**
 * The server's themes and their renderer, and what a shop looks like: its chosen theme (or the
 * default) with its settings checked and merged over the theme's defaults.
 */
@ApplicationScoped
public class ShopLooks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ThemeLibrary library;
  private final ThemeRenderer renderer;

  private volatile Look defaultLook;

  public ShopLooks() {
    this.library = new ThemeLibrary(ShopLooks.class.getClassLoader(), RenderLimits.DEFAULT);
    this.renderer = new ThemeRenderer(RenderLimits.DEFAULT);
  }

  /** A theme with the settings that apply. */
  public record Look(Theme theme, Map<String, Object> settings) {
    /** Read-only: a look is shared by every page of its shop for a few seconds (CurrentLooks). */
    public Look {
      settings = Collections.unmodifiableMap(settings);
    }
  }

  public ThemeLibrary library() {
    return library;
  }

  public ThemeRenderer renderer() {
    return renderer;
  }

  /** The default theme with its defaults: for pages of no shop, and for new shops. */
  public Look defaultLook() {
    // Every page starts with it (PageWriter): checked once, not per request. Shipped themes do
    // not change while the server runs.
    Look look = defaultLook;
    if (look == null) {
      Theme theme = library.defaultTheme();
      look = new Look(theme, SettingsCheck.check(theme.manifest(), null).settings());
      defaultLook = look;
    }
    return look;
  }

  /** The current tenant's look, read in its transaction. */
  public Look of(Connection c) throws SQLException {
    Optional<ShopThemes.Choice> choice = ShopThemes.current(c);
    if (choice.isEmpty()) {
      return defaultLook();
    }
    Optional<Theme> theme = library.theme(choice.get().theme());
    if (theme.isEmpty()) {
      // A theme the platform no longer ships: the shop falls back to the default, never breaks.
      return defaultLook();
    }
    Map<String, Object> stored = new HashMap<>(parse(choice.get().settingsJson()));
    SettingsCheck.Outcome outcome = SettingsCheck.check(theme.get().manifest(), stored);
    if (!outcome.valid()) {
      // Stored under an older declaration of the theme: those values give way to the defaults,
      // the rest of the reseller's settings stay, and the page never breaks.
      outcome.faults().forEach(f -> stored.remove(f.field().substring("settings.".length())));
      outcome = SettingsCheck.check(theme.get().manifest(), stored);
    }
    return new Look(theme.get(), outcome.settings());
  }

  /** Settings stored as JSON, as a map. */
  public static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("stored theme settings are not a JSON object", e);
    }
  }

  /** Settings as JSON to store. */
  public static String toJson(Map<String, Object> settings) {
    try {
      return JSON.writeValueAsString(settings);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
