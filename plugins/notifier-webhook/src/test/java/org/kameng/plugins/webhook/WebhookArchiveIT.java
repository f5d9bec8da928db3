package org.kameng.plugins.webhook;

import java.util.Map;
import java.util.Set;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.notifier.NotifierFactory;
import org.kameng.plugin.testkit.PluginArchiveContract;

/** The built {@code notifier-webhook} archive, loaded by the real plugin host after package. */
class WebhookArchiveIT extends PluginArchiveContract {

  @Override
  protected String pluginId() {
    return WebhookFactory.ID;
  }

  @Override
  protected Map<Class<? extends ExtensionFactory<?>>, Set<String>> expectedFactories() {
    return Map.of(NotifierFactory.class, Set.of(WebhookFactory.ID));
  }

  @Override
  protected Map<String, PluginConfig> workingConfigs() {
    return Map.of(
        WebhookFactory.ID,
        PluginConfig.of(
            Map.of(
                "url",
                "https://hooks.shop.test/kameng",
                "signingSecret",
                WebhookNotifierTest.SECRET)));
  }
}
