package org.kameng.plugins.example;

import java.util.Map;
import java.util.Set;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.testkit.PluginArchiveContract;

/**
 * The built archive, {@code target/kameng-payment-example-<version>-plugin.zip}, loaded by the real
 * plugin host after {@code package}, as the server loads it: it must declare its id, version and
 * API, bring exactly this factory from its own class loader and bundle no platform classes.
 */
class ExamplePayArchiveIT extends PluginArchiveContract {

  @Override
  protected String pluginId() {
    return ExamplePayChannelFactory.ID;
  }

  @Override
  protected Map<Class<? extends ExtensionFactory<?>>, Set<String>> expectedFactories() {
    return Map.of(PaymentChannelFactory.class, Set.of(ExamplePayChannelFactory.ID));
  }

  @Override
  protected Map<String, PluginConfig> workingConfigs() {
    return Map.of(ExamplePayChannelFactory.ID, TestMerchant.config(Map.of()));
  }
}
