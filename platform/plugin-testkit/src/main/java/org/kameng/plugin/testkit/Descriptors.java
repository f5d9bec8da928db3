package org.kameng.plugin.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.EnumOption;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.extension.Capability;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.extension.PluginKind;

/**
 * The checks of a factory's descriptor and configuration schema that the API's constructors cannot
 * make on their own: they see one value, not the plugin, the admin form or a shop's admin reading
 * it in Chinese.
 */
final class Descriptors {

  private static final Pattern PLUGIN_ID =
      Pattern.compile("(payment|supplier|marketing|notifier)-[a-z0-9]+(-[a-z0-9]+)*");

  private Descriptors() {}

  /** Everything wrong with one factory of plugin {@code pluginId}; empty if nothing is. */
  static List<String> problems(String pluginId, ExtensionFactory<?> factory) {
    List<String> problems = new ArrayList<>();
    PluginDescriptor descriptor = factory.descriptor();
    ConfigSchema schema = factory.configSchema();
    if (!PLUGIN_ID.matcher(pluginId).matches()) {
      problems.add("plugin id " + pluginId + " is not <kind>-<vendor>");
    }
    String id = descriptor.id();
    if (!id.equals(pluginId) && !id.startsWith(pluginId + "-")) {
      problems.add("id " + id + " is outside the plugin's namespace " + pluginId);
    }
    // the admin UI and the host call these often and expect constants
    if (!descriptor.equals(factory.descriptor()) || !schema.equals(factory.configSchema())) {
      problems.add("descriptor() or configSchema() changes between calls");
    }
    text(descriptor.name(), "the name", problems);
    descriptor
        .icon()
        .filter(icon -> factory.getClass().getResource(icon) == null)
        .ifPresent(icon -> problems.add("the icon " + icon + " is not in the archive"));
    for (Capability capability : descriptor.capabilities()) {
      if (!offeredBy(capability, descriptor.kind())) {
        problems.add(capability + " is not a capability of a " + descriptor.kind() + " plugin");
      }
    }
    for (ConfigField field : schema.fields()) {
      field(field, problems);
    }
    return problems;
  }

  private static void field(ConfigField field, List<String> problems) {
    String name = field.name();
    text(field.label(), "the label of " + name, problems);
    for (EnumOption option : field.options()) {
      text(option.label(), "the label of " + name + "=" + option.value(), problems);
    }
    if (looksSecret(name) && !field.secret()) {
      problems.add(name + " looks like a secret but is not marked secret (shown, stored in clear)");
    }
    if (field.secret() && field.type() != FieldType.SECRET && field.type() != FieldType.TEXT) {
      // a one-line secret belongs in a password input; TEXT is for multi-line keys (PEM)
      problems.add(name + " is secret but of type " + field.type() + ", not SECRET");
    }
  }

  /**
   * Both languages present, and the Chinese one in Chinese: a zh-CN text without a single Han
   * character is nearly always the English copied over, which shops then see in their admin.
   */
  private static void text(LocalizedText text, String what, List<String> problems) {
    if (text.en().isBlank()) {
      problems.add(what + " has no English text");
    }
    boolean chinese =
        text.zhCn()
            .codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    if (!chinese) {
      problems.add(what + " has no Chinese in its zh-CN text: '" + text.zhCn() + "'");
    }
  }

  /** Names such as merchantKey, apiSecret, password, accessToken; a public key is not secret. */
  private static boolean looksSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.contains("public")) {
      return false;
    }
    return lower.endsWith("key")
        || lower.contains("secret")
        || lower.contains("password")
        || lower.contains("passwd")
        || lower.contains("token")
        || lower.contains("privatekey");
  }

  private static boolean offeredBy(Capability capability, PluginKind kind) {
    return switch (capability) {
      case PAYMENT_QUERY, PAYMENT_REFUND -> kind == PluginKind.PAYMENT;
      case UPSTREAM_CALLBACK, UPSTREAM_CATALOGUE -> kind == PluginKind.SUPPLIER;
    };
  }
}
