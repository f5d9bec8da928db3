package org.kameng.plugins.sandbox;

import java.util.Map;
import java.util.Set;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.testkit.PluginArchiveContract;

/**
 * The built {@code payment-sandbox} archive, loaded by the real plugin host after {@code package}.
 */
class SandboxArchiveIT extends PluginArchiveContract {

  @Override
  protected String pluginId() {
    return SandboxChannelFactory.ID;
  }

  @Override
  protected Map<Class<? extends ExtensionFactory<?>>, Set<String>> expectedFactories() {
    return Map.of(PaymentChannelFactory.class, Set.of(SandboxChannelFactory.ID));
  }

  @Override
  protected Map<String, PluginConfig> workingConfigs() {
    return Map.of(SandboxChannelFactory.ID, TestShop.config());
  }
}
