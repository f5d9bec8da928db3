package org.kameng.server.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;

/**
 * A shop's values for a plugin's settings form, checked the same way for every kind of plugin: the
 * schema's own rules first and, only when they pass, the plugin's {@code validate} through {@link
 * PluginCalls}. Each kind turns the problems into its own exception, naming the fields.
 */
@ApplicationScoped
public class SettingsCheck {

  @Inject PluginCalls calls;

  /**
   * @param pluginId the plugin whose code runs, for its bulkhead
   * @param circuit the circuit the plugin's check counts against
   * @param operation what is being done, for messages
   * @param values every field's value, secrets included
   * @return the problems, by field; empty if the values are fine
   */
  List<ConfigProblem> problems(
      String pluginId,
      String circuit,
      String operation,
      ExtensionFactory<?> factory,
      Map<String, String> values) {
    List<ConfigProblem> problems = new ArrayList<>(factory.configSchema().problems(values));
    if (problems.isEmpty()) {
      problems.addAll(
          calls.call(
              pluginId,
              circuit,
              operation,
              PaymentChannels.SETUP_LIMIT,
              () -> factory.validate(PluginConfig.of(values))));
    }
    return problems;
  }

  /** The names of a plugin's secret fields. */
  static Set<String> secretFields(ExtensionFactory<?> factory) {
    return factory.configSchema().fields().stream()
        .filter(field -> field.secret() || field.type() == FieldType.SECRET)
        .map(ConfigField::name)
        .collect(Collectors.toUnmodifiableSet());
  }
}
