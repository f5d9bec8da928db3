package org.kameng.plugins.coupons;

import java.util.Map;
import java.util.Set;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.marketing.PriceRuleFactory;
import org.kameng.plugin.testkit.PluginArchiveContract;

/**
 * The built {@code marketing-coupons} archive, loaded by the real plugin host after {@code
 * package}.
 */
class CouponsArchiveIT extends PluginArchiveContract {

  @Override
  protected String pluginId() {
    return CouponsFactory.ID;
  }

  @Override
  protected Map<Class<? extends ExtensionFactory<?>>, Set<String>> expectedFactories() {
    return Map.of(PriceRuleFactory.class, Set.of(CouponsFactory.ID));
  }

  @Override
  protected Map<String, PluginConfig> workingConfigs() {
    return Map.of(CouponsFactory.ID, PluginConfig.of(Map.of("coupons", "SPRING24 off=10%")));
  }
}
