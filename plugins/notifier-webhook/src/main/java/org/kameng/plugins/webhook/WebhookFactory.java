package org.kameng.plugins.webhook;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.notifier.Notifier;
import org.kameng.plugin.api.notifier.NotifierFactory;

/**
 * Signed webhooks, id {@code notifier-webhook}: a URL and a signing secret of at least 32
 * characters, which the shop also gives its receiver.
 */
public final class WebhookFactory implements NotifierFactory {

  /** The published id. */
  public static final String ID = "notifier-webhook";

  static final String URL = "url";
  static final String SECRET = "signingSecret";
  static final int MIN_SECRET = 32;

  private static final PluginDescriptor DESCRIPTOR =
      PluginDescriptor.of(ID, LocalizedText.of("Webhook 通知", "Webhook"));

  private static final ConfigSchema SCHEMA =
      ConfigSchema.of(
          ConfigField.of(URL, FieldType.URL, LocalizedText.of("接收地址", "Receiver URL")),
          ConfigField.of(
              SECRET,
              FieldType.SECRET,
              LocalizedText.of("签名密钥（至少 32 个字符）", "Signing secret (32 characters or more)")));

  /** Creates the factory; the host does this once when the plugin loads. */
  public WebhookFactory() {}

  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  /** An http(s) URL without credentials, and a secret too long to guess. Offline only. */
  @Override
  public List<ConfigProblem> validate(PluginConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    String url = config.find(URL).orElse("");
    try {
      URI uri = URI.create(url);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getUserInfo() != null) {
        problems.add(new ConfigProblem(URL, "must be an http(s) URL with a host, no credentials"));
      }
    } catch (IllegalArgumentException e) {
      problems.add(new ConfigProblem(URL, "is not a URL"));
    }
    String secret = config.find(SECRET).orElse("");
    if (secret.strip().length() < MIN_SECRET) {
      problems.add(new ConfigProblem(SECRET, "must be at least " + MIN_SECRET + " characters"));
    } else if (secret.chars().distinct().count() < 8) {
      problems.add(new ConfigProblem(SECRET, "is too easy to guess"));
    }
    return problems;
  }

  /**
   * @throws IllegalArgumentException naming the field if the configuration is unusable
   */
  @Override
  public Notifier create(TenantId tenant, PluginConfig config, HostContext context) {
    List<ConfigProblem> problems = validate(config);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).field() + " " + problems.get(0).message());
    }
    return new WebhookNotifier(URI.create(config.string(URL)), config.string(SECRET), context);
  }
}
