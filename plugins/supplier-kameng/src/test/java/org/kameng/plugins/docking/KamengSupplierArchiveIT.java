package org.kameng.plugins.docking;

import java.util.Map;
import java.util.Set;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.supplier.SupplierConnectorFactory;
import org.kameng.plugin.testkit.PluginArchiveContract;

/**
 * The built {@code supplier-kameng} archive, loaded by the real plugin host after {@code package}.
 */
class KamengSupplierArchiveIT extends PluginArchiveContract {

  @Override
  protected String pluginId() {
    return KamengSupplierFactory.ID;
  }

  @Override
  protected Map<Class<? extends ExtensionFactory<?>>, Set<String>> expectedFactories() {
    return Map.of(SupplierConnectorFactory.class, Set.of(KamengSupplierFactory.ID));
  }

  @Override
  protected Map<String, PluginConfig> workingConfigs() {
    return Map.of(
        KamengSupplierFactory.ID,
        PluginConfig.of(
            Map.of(
                "baseUrl", "https://up.example",
                "keyId", "rk_abcdefghijklmnopqrstuvwx",
                "secret", "rs_" + "A".repeat(43))));
  }
}
