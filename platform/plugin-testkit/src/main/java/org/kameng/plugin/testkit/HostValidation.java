package org.kameng.plugin.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;

/** Configuration as the host handles it, for the contracts. */
final class HostValidation {

  private HostValidation() {}

  /**
   * The problems the host reports for entered values: the schema's first, the factory's own checks
   * only when the schema passes (the host calls {@code validate} only then).
   */
  static List<ConfigProblem> problems(ExtensionFactory<?> factory, Map<String, String> values) {
    List<ConfigProblem> schema = factory.configSchema().problems(values);
    return schema.isEmpty() ? factory.validate(PluginConfig.of(values)) : schema;
  }

  /** A configuration's values, in a map the caller may change. */
  static Map<String, String> values(PluginConfig config) {
    Map<String, String> values = new HashMap<>();
    config.names().forEach(name -> values.put(name, config.string(name)));
    return values;
  }

  /** The configuration with one value replaced; a blank value removes the field. */
  static PluginConfig withValue(PluginConfig config, String name, String value) {
    Map<String, String> values = values(config);
    values.put(name, value);
    return PluginConfig.of(values);
  }

  /** The values of the fields the schema marks secret. */
  static List<String> secrets(ExtensionFactory<?> factory, PluginConfig config) {
    return factory.configSchema().fields().stream()
        .filter(ConfigField::secret)
        .map(field -> config.find(field.name()))
        .flatMap(Optional::stream)
        .toList();
  }
}
