package org.kameng.plugins.smtp;

import java.util.Map;
import java.util.Set;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.notifier.NotifierFactory;
import org.kameng.plugin.testkit.PluginArchiveContract;

/** The built {@code notifier-smtp} archive, loaded by the real plugin host after package. */
class SmtpArchiveIT extends PluginArchiveContract {

  @Override
  protected String pluginId() {
    return SmtpFactory.ID;
  }

  @Override
  protected Map<Class<? extends ExtensionFactory<?>>, Set<String>> expectedFactories() {
    return Map.of(NotifierFactory.class, Set.of(SmtpFactory.ID));
  }

  @Override
  protected Map<String, PluginConfig> workingConfigs() {
    return Map.of(
        SmtpFactory.ID,
        PluginConfig.of(
            Map.of(
                "host", "smtp.shop.test",
                "port", "465",
                "security", "tls",
                "username", "shop",
                "password", "archive-test-password",
                "from", "shop@shop.test",
                "staffTo", "owner@shop.test")));
  }
}
