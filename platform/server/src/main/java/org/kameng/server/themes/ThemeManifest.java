package org.kameng.server.themes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A theme's {@code theme.json}: its name and labels, the snippets and assets it ships, and the
 * settings a reseller may change.
 */
public record ThemeManifest(
    String name,
    Map<String, String> label,
    Map<String, String> description,
    List<String> snippets,
    List<String> assets,
    List<ThemeSetting> settings) {

  /**
   * Reads a {@code theme.json}.
   *
   * @throws IllegalArgumentException if it declares something the platform cannot honour, so a
   *     broken theme fails at start, not in front of a buyer
   */
  static ThemeManifest parse(String folder, JsonNode json) {
    String name = json.path("name").asText("");
    if (!name.equals(folder)) {
      throw new IllegalArgumentException(folder + "/theme.json: name must be \"" + folder + "\"");
    }
    List<ThemeSetting> settings = new ArrayList<>();
    for (JsonNode s : json.path("settings")) {
      settings.add(setting(folder, s));
    }
    return new ThemeManifest(
        name,
        texts(json.path("label")),
        texts(json.path("description")),
        strings(json.path("snippets")),
        strings(json.path("assets")),
        List.copyOf(settings));
  }

  private static ThemeSetting setting(String folder, JsonNode s) {
    String id = s.path("id").asText("");
    String type = s.path("type").asText("");
    if (!id.matches("[a-z][a-z0-9_]{0,39}") || !ThemeSetting.TYPES.contains(type)) {
      throw new IllegalArgumentException(
          folder + "/theme.json: setting \"" + id + "\" has no valid id or type");
    }
    Object defaultValue = new ObjectMapper().convertValue(s.path("default"), Object.class);
    ThemeSetting setting =
        new ThemeSetting(
            id,
            type,
            texts(s.path("label")),
            defaultValue,
            strings(s.path("options")),
            s.path("min").asInt(0),
            s.path("max").asInt("text".equals(type) ? 200 : 0),
            s.path("multiline").asBoolean(false));
    // The theme's own default must pass the checks a reseller's value meets.
    if (!SettingsCheck.faults(setting, defaultValue).isEmpty()) {
      throw new IllegalArgumentException(
          folder + "/theme.json: the default of \"" + id + "\" is not a valid " + type);
    }
    return setting;
  }

  /** The setting with this id, or null. */
  public ThemeSetting setting(String id) {
    for (ThemeSetting s : settings) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }

  private static Map<String, String> texts(JsonNode node) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (node.isTextual()) {
      texts.put("en", node.asText());
    }
    node.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
    return Map.copyOf(texts);
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(n -> values.add(n.asText()));
    return List.copyOf(values);
  }
}
