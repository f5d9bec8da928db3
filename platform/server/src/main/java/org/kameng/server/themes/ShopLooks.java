package org.kameng.server.themes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.kameng.kernel.theme.ShopThemes;

/**
 * The server's themes and their renderer, and what a shop looks like: its chosen theme (or the
 * default) with its settings checked and merged over the theme's defaults.
 */
@ApplicationScoped
public class ShopLooks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ThemeLibrary library;
  private final ExecutorService renders;
  private final ThemeRenderer renderer;

  public ShopLooks() {
    this.library = new ThemeLibrary(ShopLooks.class.getClassLoader(), RenderLimits.DEFAULT);
    AtomicInteger count = new AtomicInteger();
    // Renders run here so that one that outlasts its limit can be abandoned; the threads touch
    // no container service (no CDI, JNDI or transaction), only the template and its data.
    this.renders =
        Executors.newFixedThreadPool(
            Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
            r -> {
              Thread t = new Thread(r, "kameng-render-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.renderer = new ThemeRenderer(renders, RenderLimits.DEFAULT);
  }

  /** A theme with the settings that apply. */
  public record Look(Theme theme, Map<String, Object> settings) {}

  public ThemeLibrary library() {
    return library;
  }

  public ThemeRenderer renderer() {
    return renderer;
  }

  /** The default theme with its defaults: for pages of no shop, and for new shops. */
  public Look defaultLook() {
    Theme theme = library.defaultTheme();
    return new Look(theme, SettingsCheck.check(theme.manifest(), null).settings());
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

  @PreDestroy
  void stop() {
    renders.shutdownNow();
  }
}
