package org.kameng.plugins.docking;

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
import org.kameng.plugin.api.extension.Capability;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.supplier.SupplierConnectorFactory;

/**
 * Another Kameng shop as the upstream, id {@code supplier-kameng}: the shop enters the upstream
 * shop's address and the API key pair the upstream's owner issued. Stateless and thread-safe.
 */
public final class KamengSupplierFactory implements SupplierConnectorFactory {

  /** The published id; configurations and old orders refer to it. */
  public static final String ID = "supplier-kameng";

  static final String BASE_URL = "baseUrl";
  static final String KEY_ID = "keyId";
  static final String SECRET = "secret";

  private static final PluginDescriptor DESCRIPTOR =
      PluginDescriptor.of(ID, LocalizedText.of("卡盟对接（Kameng 上游）", "Kameng upstream shop"))
          .withCapabilities(Capability.UPSTREAM_CATALOGUE, Capability.UPSTREAM_CALLBACK);

  private static final ConfigSchema SCHEMA =
      ConfigSchema.of(
          ConfigField.of(
              BASE_URL,
              FieldType.URL,
              LocalizedText.of("上游店铺地址", "Upstream shop address (https://shop.example)")),
          ConfigField.of(KEY_ID, FieldType.STRING, LocalizedText.of("API 密钥 ID", "API key id"))
              .withPattern("rk_[a-z0-9]{24}"),
          ConfigField.of(SECRET, FieldType.SECRET, LocalizedText.of("API 密钥", "API secret")));

  /** Creates the factory; the host does this once when the plugin loads. */
  public KamengSupplierFactory() {}

  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  /** Refuses an address with a path, query or credentials, and a secret of the wrong shape. */
  @Override
  public List<ConfigProblem> validate(PluginConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    config
        .find(BASE_URL)
        .ifPresent(
            url -> {
              URI uri = URI.create(url);
              if (uri.getRawPath() != null
                      && !uri.getRawPath().isEmpty()
                      && !uri.getRawPath().equals("/")
                  || uri.getRawQuery() != null
                  || uri.getRawUserInfo() != null) {
                problems.add(
                    new ConfigProblem(
                        BASE_URL, "the shop's address only, such as https://shop.example"));
              }
            });
    config
        .find(SECRET)
        .ifPresent(
            secret -> {
              if (!secret.matches("rs_[A-Za-z0-9_-]{43}")) {
                problems.add(new ConfigProblem(SECRET, "the secret the upstream issued, rs_…"));
              }
            });
    return problems;
  }

  @Override
  public KamengSupplier create(TenantId tenant, PluginConfig config, HostContext context) {
    if (!validate(config).isEmpty()) {
      throw new IllegalArgumentException("invalid configuration: " + validate(config));
    }
    String base = config.string(BASE_URL);
    return new KamengSupplier(
        base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
        config.string(KEY_ID),
        config.string(SECRET),
        context);
  }
}
