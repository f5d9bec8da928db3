package org.kameng.server.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.kameng.kernel.order.PriceRules;
import org.kameng.kernel.settings.PluginConfigs;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.marketing.PriceRule;
import org.kameng.plugin.api.marketing.Proposal;

/**
 * A shop's enabled price rules as the kernel's {@link PriceRules} port. Each rule is called through
 * {@link PluginCalls} with {@link ShopPlugins#PRICE_RULE_LIMIT}: a rule that throws, overruns,
 * answers nothing or has its circuit open is skipped, logged and named in the order's snapshot, and
 * checkout goes on without it. A buyer's coupon code that only a skipped rule could have checked is
 * refused by the kernel as "cannot be checked right now" rather than silently ignored.
 */
@ApplicationScoped
public class ShopPriceRules {

  private static final Logger LOG = Logger.getLogger(ShopPriceRules.class.getName());

  @Inject ShopPlugins shopPlugins;
  @Inject PluginCalls calls;
  @Inject Transactions transactions;

  /** The shop's rules; {@link PriceRules#NONE} when it has none enabled (one small query). */
  public PriceRules forShop(TenantId tenant) {
    List<PluginConfigs.Enabled> enabled =
        transactions.inTenant(tenant, c -> PluginConfigs.enabled(c, PluginConfigs.MARKETING));
    if (enabled.isEmpty()) {
      return PriceRules.NONE;
    }
    List<String> unbuilt = new ArrayList<>();
    List<ShopPlugins.Open<PriceRule>> rules = shopPlugins.priceRules(tenant, enabled, unbuilt);
    return cart -> {
      List<PriceRules.Proposed> proposals = new ArrayList<>();
      List<String> skipped = new ArrayList<>(unbuilt);
      for (ShopPlugins.Open<PriceRule> rule : rules) {
        try {
          Proposal proposal =
              calls.call(
                  rule.pluginId(),
                  rule.circuit(),
                  rule.pluginId() + " price rule",
                  ShopPlugins.PRICE_RULE_LIMIT,
                  () -> rule.instance().propose(cart));
          proposals.add(new PriceRules.Proposed(rule.pluginId(), proposal));
        } catch (PluginFailureException e) {
          LOG.warning(
              () ->
                  "price rule "
                      + rule.pluginId()
                      + " skipped for tenant "
                      + tenant.value()
                      + ": "
                      + e.getMessage());
          skipped.add(rule.pluginId());
        }
      }
      return new PriceRules.Answer(proposals, skipped);
    };
  }
}
