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
 * network call without a timeout would. {@code relay} is a rule that adjusts nothing, for a shop
 * whose {@link RelayListenerFactory order-event listener} the test observes.
 */
public final class BrokenRuleFactory implements PriceRuleFactory {

  /** How long a hanging call blocks: far past the host's limit, but not forever. */
  static final long HANG = 60_000;

  static final ConfigSchema SCHEMA =
      ConfigSchema.of(
          ConfigField.choice(
              "behaviour",
              LocalizedText.of("故障方式", "How it fails"),
              EnumOption.of("throw", "抛出异常", "Throws"),
              EnumOption.of("hang", "挂起", "Hangs"),
              EnumOption.of("relay", "转发订单事件", "Relays order events")),
          ConfigField.of(
                  "relayUrl",
                  org.kameng.plugin.api.config.FieldType.URL,
                  LocalizedText.of("事件转发地址", "Where order events are posted"))
              .optional());

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
    if ("relay".equals(behaviour)) {
      return cart -> List.of();
    }
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
