package org.kameng.server.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.kernel.order.PriceRules;
import org.kameng.kernel.settings.PluginConfigs;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.marketing.PriceRule;
import org.kameng.plugin.api.marketing.Proposal;
import org.kameng.server.storefront.RecentlyRead;

/**
 * A shop's enabled price rules as the kernel's {@link PriceRules} port. Each rule is called through
 * {@link PluginCalls} with {@link ShopPlugins#PRICE_RULE_LIMIT}: a rule that throws, overruns,
 * answers nothing or has its circuit open is skipped, logged and named in the order's snapshot, and
 * checkout goes on without it. A buyer's coupon code that only a skipped rule could have checked is
 * refused by the kernel as "cannot be checked right now" rather than silently ignored.
 *
 * <p>Which configurations a shop has enabled is read up to {@code
 * kameng.plugins.channel-cache-seconds} (5) ago, as channels are: every order asks and the answer
 * changes only when the shop's staff change it. A change through this instance's admin API is used
 * at once ({@link #forget}); one made on another instance within that time. Keyed by shop.
 */
@ApplicationScoped
public class ShopPriceRules {

  private static final Logger LOG = Logger.getLogger(ShopPriceRules.class.getName());

  @Inject ShopPlugins shopPlugins;
  @Inject PluginCalls calls;
  @Inject Transactions transactions;

  @Inject
  @ConfigProperty(name = "kameng.plugins.channel-cache-seconds", defaultValue = "5")
  int cacheSeconds;

  // The answer names its shop, so one shop's change forgets only that shop's answer.
  private record Enabled(TenantId tenant, List<PluginConfigs.Enabled> configs) {}

  private volatile RecentlyRead<TenantId, Enabled> recent;

  private RecentlyRead<TenantId, Enabled> recent() {
    RecentlyRead<TenantId, Enabled> cache = recent;
    if (cache == null) {
      cache = new RecentlyRead<>(Duration.ofSeconds(Math.max(0, cacheSeconds)), 10_000);
      recent = cache;
    }
    return cache;
  }

  /** Forgets which price rules this instance knows the shop has: its staff changed them. */
  public void forget(TenantId tenant) {
    recent().forget(e -> e.tenant().equals(tenant));
  }

  /** The shop's rules; {@link PriceRules#NONE} when it has none enabled. */
  public PriceRules forShop(TenantId tenant) {
    List<PluginConfigs.Enabled> enabled =
        recent()
            .get(
                tenant,
                t ->
                    new Enabled(
                        t,
                        List.copyOf(
                            transactions.inTenant(
                                t, c -> PluginConfigs.enabled(c, PluginConfigs.MARKETING)))))
            .configs();
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
