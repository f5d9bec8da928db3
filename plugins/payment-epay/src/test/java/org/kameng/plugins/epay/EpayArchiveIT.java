package org.kameng.plugins.epay;

import java.util.Map;
import java.util.Set;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.testkit.PluginArchiveContract;

/** The built {@code payment-epay} archive, loaded by the real plugin host after {@code package}. */
class EpayArchiveIT extends PluginArchiveContract {

  @Override
  protected String pluginId() {
    return "payment-epay";
  }

  @Override
  protected Map<Class<? extends ExtensionFactory<?>>, Set<String>> expectedFactories() {
    return Map.of(PaymentChannelFactory.class, Set.of("payment-epay"));
  }

  @Override
  protected Map<String, PluginConfig> workingConfigs() {
    return Map.of("payment-epay", TestMerchant.config(Map.of()));
  }
}
