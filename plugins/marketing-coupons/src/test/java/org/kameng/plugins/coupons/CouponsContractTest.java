package org.kameng.plugins.coupons;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.marketing.CartLine;
import org.kameng.plugin.api.marketing.CartSnapshot;
import org.kameng.plugin.api.marketing.PriceRuleFactory;
import org.kameng.plugin.testkit.ContractHost;
import org.kameng.plugin.testkit.PriceRuleContract;

class CouponsContractTest extends PriceRuleContract {

  @Override
  protected PriceRuleFactory factory() {
    return new CouponsFactory();
  }

  @Override
  protected PluginConfig workingConfig() {
    return PluginConfig.of(
        Map.of(
            "coupons",
            "SPRING24 off=10% min=10.00 uses=100 perBuyer=1 from=2026-11-01 until=2026-11-30\n"
                + "FIVE off=5.00"));
  }

  @Override
  protected CartSnapshot qualifyingCart() {
    return new CartSnapshot(
        "CNY",
        List.of(
            new CartLine(
                "1", "p1", "s1", Optional.empty(), 2, Money.of(990, "CNY"), Money.of(1980, "CNY")),
            new CartLine(
                "2", "p2", "s2", Optional.of("c"), 1, Money.of(15, "CNY"), Money.of(15, "CNY"))),
        List.of("spring24"),
        Optional.of("buyer-key"),
        Locale.SIMPLIFIED_CHINESE,
        ContractHost.START);
  }
}
