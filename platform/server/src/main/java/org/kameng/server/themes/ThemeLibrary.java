package org.kameng.server.themes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import liqp.Template;
import liqp.TemplateParser;

/**
 * The themes the platform ships, read from the class path ({@code themes/index.json} names them,
 * each folder's {@code theme.json} declares its snippets, assets and settings), parsed once and
 * kept. The default theme is the first in the index.
 */
public final class ThemeLibrary {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ClassLoader loader;
  private final String root;
  private final RenderLimits limits;
  private final List<String> names;
  private final Map<String, Theme> loaded = new ConcurrentHashMap<>();

  public ThemeLibrary(ClassLoader loader, RenderLimits limits) {
    this(loader, "themes/", limits);
  }

  /** Themes under another class-path folder than {@code themes/} (tests). */
  ThemeLibrary(ClassLoader loader, String root, RenderLimits limits) {
    this.loader = loader;
    this.root = root;
    this.limits = limits;
    try {
      this.names =
          List.copyOf(JSON.readValue(read("index.json"), new TypeReference<List<String>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the shipped themes, the default first. */
  public List<String> names() {
    return names;
  }

  /** The theme new shops get. */
  public Theme defaultTheme() {
    return theme(names.get(0)).orElseThrow();
  }

  /** The shipped theme of this name, parsed on first use. */
  public Optional<Theme> theme(String name) {
    if (name == null || !names.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(loaded.computeIfAbsent(name, this::load));
  }

  /** A file shared by every theme ({@code themes/shared/}), such as the storefront script. */
  public Optional<Theme.Asset> shared(String file) {
    if (!file.matches("[a-z0-9-]{1,40}\\.(js|css)")) {
      return Optional.empty();
    }
    byte[] bytes = readOrNull("shared/" + file);
    return Optional.ofNullable(bytes).map(b -> new Theme.Asset(contentType(file), b));
  }

  private Theme load(String name) {
    MessageDigest digest = sha256();
    byte[] manifestBytes = read(name + "/theme.json");
    digest.update(manifestBytes);
    ThemeManifest manifest;
    try {
      manifest = ThemeManifest.parse(name, JSON.readTree(manifestBytes));
    } catch (IOException e) {
      throw new IllegalArgumentException(name + "/theme.json is not valid JSON", e);
    }
    Map<String, Template> snippets = new HashMap<>();
    TemplateParser parser = parser(limits, snippets);
    for (String snippet : manifest.snippets()) {
      snippets.put(snippet, parse(parser, digest, name + "/snippets/" + snippet + ".liquid"));
    }
    Map<String, Template> pages = new HashMap<>();
    for (String page : Theme.PAGES) {
      pages.put(page, parse(parser, digest, name + "/templates/" + page + ".liquid"));
    }
    Map<String, Map<String, String>> locales = new LinkedHashMap<>();
    for (String locale : Theme.LOCALES) {
      byte[] bytes = read(name + "/locales/" + locale + ".json");
      digest.update(bytes);
      locales.put(locale, texts(name, locale, bytes));
    }
    Map<String, Theme.Asset> assets = new HashMap<>();
    for (String file : manifest.assets()) {
      byte[] bytes = read(name + "/assets/" + file);
      digest.update(bytes);
      assets.put(file, new Theme.Asset(contentType(file), bytes));
    }
    String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    return new Theme(manifest, version, Map.copyOf(pages), Map.copyOf(locales), Map.copyOf(assets));
  }

  /**
   * The parser of one theme: the limits on every render, and the theme's snippets (filled in as
   * they are parsed) behind {@code {% snippet %}}. Liquid's own {@code include} reads files from
   * the server's disk and parses on every render; it is not offered.
   */
  static TemplateParser parser(RenderLimits limits, Map<String, Template> snippets) {
    return new TemplateParser.Builder()
        .withMaxIterations(limits.iterations())
        .withMaxSizeRenderedString(limits.outputChars())
        .withRenderTransformer(new RenderGuard(limits.outputChars()))
        .withMaxTemplateSizeBytes(limits.templateBytes())
        .withTag(new SnippetTag(snippets, limits.snippetDepth()))
        .withNameResolver(
            name -> {
              throw new java.io.IOException("include is not available; use snippet");
            })
        .withStrictVariables(false)
        .build();
  }

  private Template parse(TemplateParser parser, MessageDigest digest, String path) {
    byte[] bytes = read(path);
    digest.update(bytes);
    try {
      return parser.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(path + " does not parse: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> texts(String theme, String locale, byte[] bytes) {
    try {
      JsonNode json = JSON.readTree(bytes);
      Map<String, String> texts = new HashMap<>();
      json.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
      return Map.copyOf(texts);
    } catch (IOException e) {
      throw new IllegalArgumentException(theme + "/locales/" + locale + ".json is not JSON", e);
    }
  }

  private byte[] read(String path) {
    byte[] bytes = readOrNull(path);
    if (bytes == null) {
      throw new IllegalArgumentException("missing theme file " + root + path);
    }
    return bytes;
  }

  private byte[] readOrNull(String path) {
    try (InputStream in = loader.getResourceAsStream(root + path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String contentType(String file) {
    String lower = file.toLowerCase(java.util.Locale.ROOT);
    List<String[]> types = new ArrayList<>();
    types.add(new String[] {".css", "text/css; charset=utf-8"});
    types.add(new String[] {".js", "text/javascript; charset=utf-8"});
    types.add(new String[] {".svg", "image/svg+xml"});
    types.add(new String[] {".png", "image/png"});
    types.add(new String[] {".jpg", "image/jpeg"});
    types.add(new String[] {".webp", "image/webp"});
    types.add(new String[] {".woff2", "font/woff2"});
    for (String[] type : types) {
      if (lower.endsWith(type[0])) {
        return type[1];
      }
    }
    return "application/octet-stream";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
