package org.kameng.server.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liqp.Template;
import liqp.TemplateParser;
import org.junit.jupiter.api.Test;

/** The renderer: limits that stop hostile templates, escaping of tenant input, parse-once. */
class ThemeRendererTest {

  private static final String XSS_NAME = "<script>alert('name')</script>";
  private static final String XSS_ATTR = "\"><img src=x onerror=alert(1)>";

  private final ThemeLibrary library =
      new ThemeLibrary(getClass().getClassLoader(), RenderLimits.DEFAULT);
  private final ThemeRenderer renderer = new ThemeRenderer(RenderLimits.DEFAULT);

  @Test
  void bothShippedThemesRenderTheirHomePageInBothLocales() {
    for (String name : library.names()) {
      Theme theme = library.theme(name).orElseThrow();
      for (String locale : Theme.LOCALES) {
        String html = renderer.render(theme, "home", locale, home(theme, "Steam card", "Hi"));
        assertTrue(html.startsWith("<!doctype html>"), name);
        assertTrue(html.contains("Steam card"), name + " shows the product");
        assertTrue(html.contains(locale.equals("en") ? "All products" : "全部商品"), name + locale);
      }
    }
  }

  @Test
  void productNamesAndAnnouncementsWithMarkupRenderAsText() {
    for (String name : library.names()) {
      Theme theme = library.theme(name).orElseThrow();
      String html =
          renderer.render(
              theme, "home", "en", home(theme, XSS_NAME + XSS_ATTR, XSS_ATTR + XSS_NAME));
      assertFalse(html.contains("<script>alert"), name + ": a script tag got through");
      assertFalse(html.contains("<img src=x"), name + ": an attribute break-out got through");
      assertTrue(html.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"), name);
      assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), name);
    }
  }

  @Test
  void aLoopPastTheIterationLimitFailsInsteadOfRunning() {
    RenderLimits limits = new RenderLimits(Duration.ofSeconds(5), 10_000_000, 1_000, 65_536, 4);
    Theme theme = theme(limits, "{% for i in (1..100000000) %}{{ i }}{% endfor %}", Map.of());
    assertThrows(
        RenderFailedException.class,
        () -> new ThemeRenderer(limits).render(theme, "home", "en", Map.of()));
  }

  @Test
  void outputPastTheSizeLimitFails() {
    RenderLimits limits = new RenderLimits(Duration.ofSeconds(5), 10_000, 1_000_000, 65_536, 4);
    Theme theme = theme(limits, "{% for i in (1..5000) %}0123456789{% endfor %}", Map.of());
    assertThrows(
        RenderFailedException.class,
        () -> new ThemeRenderer(limits).render(theme, "home", "en", Map.of()));
  }

  @Test
  void aRenderThatOutlastsTheTimeLimitIsAbandonedInTime() {
    RenderLimits limits =
        new RenderLimits(Duration.ofMillis(200), Integer.MAX_VALUE, Integer.MAX_VALUE, 65_536, 4);
    Theme theme =
        theme(
            limits,
            "{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}",
            Map.of());
    long start = System.nanoTime();
    assertThrows(
        RenderFailedException.class,
        () -> new ThemeRenderer(limits).render(theme, "home", "en", Map.of()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 2_000, "the buyer waited " + millis + " ms");
  }

  @Test
  void aRenderThatWritesForeverStopsAtTheTimeLimitOnTheCallersThread() {
    RenderLimits limits =
        new RenderLimits(Duration.ofMillis(200), Integer.MAX_VALUE, Integer.MAX_VALUE, 65_536, 4);
    Theme theme =
        theme(
            limits,
            "{% for i in (1..100000) %}{% for j in (1..100000) %}{{ j | append: i }}{% endfor %}"
                + "{% endfor %}",
            Map.of());
    long start = System.nanoTime();
    RenderFailedException failed =
        assertThrows(
            RenderFailedException.class,
            () -> new ThemeRenderer(limits).render(theme, "home", "en", Map.of()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 1_000, "the buyer waited " + millis + " ms");
    assertTrue(failed.getMessage().contains("took longer than 200 ms"), failed.getMessage());
    // The next render on the same thread has its own time again.
    assertEquals(
        "ok",
        new ThemeRenderer(limits)
            .render(theme(limits, "ok", Map.of()), "home", "en", Map.of())
            .strip());
  }

  /**
   * Renders of one page on many threads at once each see their own data: liqp's own {@code
   * Template.render} keeps the render's context in the shared template, where concurrent renders
   * could swap shops.
   */
  @Test
  void concurrentRendersOfOnePageNeverSeeEachOthersData() throws Exception {
    Map<String, String> snippets = Map.of("name", "{{ shop.name }}");
    Theme theme =
        theme(
            RenderLimits.DEFAULT,
            "{% for i in (1..20) %}{% snippet 'name' %}{% endfor %}|{{ shop.name }}",
            snippets);
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<String>> faults = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String shop = "shop" + t;
        faults.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 300; i++) {
                    String html =
                        renderer.render(theme, "home", "en", Map.of("shop", Map.of("name", shop)));
                    if (!html.strip().equals(shop.repeat(20) + "|" + shop)) {
                      return shop + " saw " + html.strip();
                    }
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<String> fault : faults) {
        assertEquals(null, fault.get());
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aSnippetThatIncludesItselfFailsAtTheDepthLimit() {
    RenderLimits limits = new RenderLimits(Duration.ofSeconds(5), 1_000_000, 1_000_000, 65_536, 4);
    Theme theme = theme(limits, "{% snippet 'loop' %}", Map.of("loop", "x{% snippet 'loop' %}"));
    RenderFailedException failed =
        assertThrows(
            RenderFailedException.class,
            () -> new ThemeRenderer(limits).render(theme, "home", "en", Map.of()));
    assertTrue(failed.getMessage().contains("deeper"), failed.getMessage());
  }

  @Test
  void liquidIncludeCannotReadFilesOfTheServer() {
    RenderLimits limits = RenderLimits.DEFAULT;
    Theme theme = theme(limits, "[{% include '/etc/passwd' %}]", Map.of());
    String html;
    try {
      html = new ThemeRenderer(limits).render(theme, "home", "en", Map.of());
    } catch (RenderFailedException refused) {
      return;
    }
    assertFalse(html.contains("root:"), html);
  }

  @Test
  void templatesAreParsedOncePerThemeAndReused() {
    Theme first = library.theme("aurora").orElseThrow();
    Theme again = library.theme("aurora").orElseThrow();
    assertSame(first, again);
    assertSame(first.pages().get("home"), again.pages().get("home"));
    // A second library reading the same files arrives at the same version.
    Theme other =
        new ThemeLibrary(getClass().getClassLoader(), RenderLimits.DEFAULT)
            .theme("aurora")
            .orElseThrow();
    assertEquals(first.version(), other.version());
    assertFalse(first.version().equals(library.theme("league").orElseThrow().version()));
  }

  @Test
  void noJavaObjectReachesATemplate() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Html.escapeAll(Map.of("shop", new StringBuilder("not a value"))));
  }

  @Test
  void theBuyersLocalePicksTheTexts() {
    Theme theme = library.theme("aurora").orElseThrow();
    String zh = renderer.render(theme, "home", "zh-CN", home(theme, "x", ""));
    String en = renderer.render(theme, "home", "en", home(theme, "x", ""));
    assertTrue(zh.contains("全部商品"), "Chinese texts");
    assertTrue(en.contains("All products"), "English texts");
  }

  private static Map<String, Object> home(Theme theme, String productName, String announcement) {
    Map<String, Object> settings =
        new HashMap<>(SettingsCheck.check(theme.manifest(), null).settings());
    settings.put("announcement", announcement);
    Map<String, Object> product = new HashMap<>();
    product.put("id", "p1");
    product.put("name", productName);
    product.put("url", "/p/p1");
    product.put("excerpt", productName);
    product.put("price", "¥1.00");
    product.put("price_from", false);
    product.put("stock", "low");
    product.put("available", 3);
    product.put("fulfilment", "card_key");
    Map<String, Object> category = new HashMap<>();
    category.put("id", "c1");
    category.put("name", productName);
    category.put("url", "/c/c1");
    category.put("product_count", 1);
    category.put("current", false);
    Map<String, Object> context = new HashMap<>();
    context.put("settings", settings);
    context.put("products", List.of(product));
    context.put("categories", List.of(category));
    context.put(
        "shop", Map.of("name", productName, "initial", "S", "taking_orders", true, "slug", "s"));
    context.put("theme", Map.of("name", theme.name(), "assets", "/a", "shared", "/s"));
    List<Map<String, Object>> choices = new ArrayList<>();
    choices.add(Map.of("code", "en", "label", "English", "url", "/?lang=en", "current", true));
    context.put("locale", Map.of("code", "en", "lang", "en", "choices", choices));
    context.put(
        "page", Map.of("kind", "home", "title", "", "nonce", "n", "refresh", 0, "path", "/"));
    return context;
  }

  private static Theme theme(RenderLimits limits, String home, Map<String, String> snippets) {
    Map<String, Template> parsed = new HashMap<>();
    TemplateParser parser = ThemeLibrary.parser(limits, parsed);
    snippets.forEach((name, source) -> parsed.put(name, parser.parse(source)));
    ThemeManifest manifest =
        new ThemeManifest("test", Map.of(), Map.of(), List.of(), List.of(), List.of());
    return new Theme(
        manifest,
        "v1",
        Map.of("layout", parser.parse("{{ content_for_layout }}"), "home", parser.parse(home)),
        Map.of("en", Map.of()),
        Map.of());
  }
}
