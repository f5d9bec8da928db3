package org.kameng.plugins.brokenrule;

import java.util.List;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.EnumOption;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.marketing.PriceRule;
import org.kameng.plugin.api.marketing.PriceRuleFactory;

/**
 * A price rule that fails on purpose, for the server's tests: {@code throw} throws from every call,
 * {@code hang} blocks every call for {@link #HANG} and ignores interrupts, as a plugin stuck in a
 * network call without a timeout would.
 */
public final class BrokenRuleFactory implements PriceRuleFactory {

  /** How long a hanging call blocks: far past the host's limit, but not forever. */
  static final long HANG = 60_000;

  private static final ConfigSchema SCHEMA =
      ConfigSchema.of(
          ConfigField.choice(
              "behaviour",
              LocalizedText.of("故障方式", "How it fails"),
              EnumOption.of("throw", "抛出异常", "Throws"),
              EnumOption.of("hang", "挂起", "Hangs")));

  /** Created by the host when the plugin loads. */
  public BrokenRuleFactory() {}

  @Override
  public PluginDescriptor descriptor() {
    return PluginDescriptor.of("marketing-broken", LocalizedText.of("故障规则", "Broken rule"));
  }

  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  @Override
  public List<ConfigProblem> validate(PluginConfig config) {
    return List.of();
  }

  @Override
  public PriceRule create(TenantId tenant, PluginConfig config, HostContext context) {
    String behaviour = config.string("behaviour");
    return cart -> {
      if ("hang".equals(behaviour)) {
        long until = System.currentTimeMillis() + HANG;
        while (System.currentTimeMillis() < until) {
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException ignored) {
            // Deliberately swallowed: this rule models one that ignores cancellation.
          }
        }
      }
      throw new IllegalStateException("broken on purpose");
    };
  }
}
