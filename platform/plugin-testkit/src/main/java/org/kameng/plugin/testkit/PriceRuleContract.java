package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.marketing.CartLine;
import org.kameng.plugin.api.marketing.CartSnapshot;
import org.kameng.plugin.api.marketing.PriceAdjustment;
import org.kameng.plugin.api.marketing.PriceRule;
import org.kameng.plugin.api.marketing.PriceRuleFactory;
import org.kameng.plugin.api.marketing.Proposal;
import org.kameng.plugin.api.marketing.Redemption;

/**
 * The contract every {@link PriceRule} plugin passes. The kernel applies a rule's adjustments only
 * within its own rules, but a rule that proposes for lines that do not exist, in another currency,
 * more than a line costs, uses for codes nobody entered, or answers differently for the same cart
 * is a rule a shop cannot trust; and one that writes while pricing a preview consumes what it
 * should only propose. Extend this class in the plugin's tests and supply a working configuration
 * and a cart the configured rule discounts.
 */
public abstract class PriceRuleContract {

  /** The plugin's factory, as the host creates it. */
  protected abstract PriceRuleFactory factory();

  /** A configuration the factory accepts. */
  protected abstract PluginConfig workingConfig();

  /**
   * A cart the rule built from {@link #workingConfig()} discounts, priced at ContractHost.START.
   */
  protected abstract CartSnapshot qualifyingCart();

  private ContractHost host;

  /** The host of the last rule created, to inspect its store, requests and log. */
  protected ContractHost host() {
    return host;
  }

  /** A rule of {@link #workingConfig()} for tenant A on a fresh host. */
  protected PriceRule rule() {
    host = new ContractHost(ContractHost.TENANT_A, factory().id(), workingConfig());
    return factory().create(ContractHost.TENANT_A, workingConfig(), host);
  }

  private static CartSnapshot withCodes(CartSnapshot cart, List<String> codes) {
    return new CartSnapshot(
        cart.currency(), cart.lines(), codes, cart.buyerKey(), cart.locale(), cart.pricedAt());
  }

  @Test
  void theWorkingConfigurationPassesTheSchemaAndTheFactorysCheck() {
    PluginConfig config = workingConfig();
    Map<String, String> values = new HashMap<>();
    config.names().forEach(n -> values.put(n, config.string(n)));
    assertEquals(List.of(), factory().configSchema().problems(values));
    assertEquals(List.of(), factory().validate(config));
  }

  @Test
  void anEmptyConfigurationIsRefusedByFieldOrAcceptedNeverThrown() {
    Set<String> fields =
        factory().configSchema().fields().stream()
            .map(ConfigField::name)
            .collect(Collectors.toSet());
    for (ConfigProblem p : factory().validate(PluginConfig.empty())) {
      assertTrue(fields.contains(p.field()), "problem names no field of the schema: " + p);
    }
  }

  @Test
  void aQualifyingCartGetsADiscountOnItsOwnLinesInItsCurrencyNeverAboveALine() {
    CartSnapshot cart = qualifyingCart();
    Proposal proposal = rule().propose(cart);
    assertFalse(proposal.adjustments().isEmpty(), "the qualifying cart got no adjustment");
    Map<String, Long> offByLine = new HashMap<>();
    for (PriceAdjustment a : proposal.adjustments()) {
      assertTrue(cart.line(a.lineRef()).isPresent(), "adjustment names no line: " + a.lineRef());
      assertEquals(cart.currency(), a.delta().currency(), "adjustment in another currency");
      offByLine.merge(a.lineRef(), -a.delta().minorUnits(), Long::sum);
    }
    for (CartLine line : cart.lines()) {
      assertTrue(
          offByLine.getOrDefault(line.lineRef(), 0L) <= line.lineTotal().minorUnits(),
          "line " + line.lineRef() + " discounted below zero");
    }
  }

  @Test
  void pricingTwiceGivesTheSameAnswerAndWritesNothing() {
    PriceRule rule = rule();
    CartSnapshot cart = qualifyingCart();
    Proposal first = rule.propose(cart);
    Proposal second = rule.propose(cart);
    assertEquals(first, second);
    assertEquals(first.adjustments(), rule.adjust(cart));
    assertEquals(Map.of(), host().stored(), "pricing a cart must not write to the store");
    assertEquals(List.of(), host().requests(), "pricing a cart must not call the network");
  }

  @Test
  void usesAreAskedOnlyForCodesTheBuyerEntered() {
    PriceRule rule = rule();
    CartSnapshot cart = qualifyingCart();
    for (Redemption r : rule.propose(cart).redemptions()) {
      assertTrue(
          cart.promotionCodes().stream().anyMatch(c -> c.equals(r.code())),
          "a use for a code the buyer did not enter: " + r.code());
    }
    assertEquals(
        List.of(), rule.propose(withCodes(cart, List.of())).redemptions(), "no code, no use");
    assertEquals(
        List.of(),
        rule.propose(withCodes(cart, List.of("NO-SUCH-CODE-7f3a"))).redemptions(),
        "an unknown code must not be redeemed");
  }

  @Test
  void theRuleReadsTheCartsTimeNotTheClock() {
    PriceRule rule = rule();
    Proposal now = rule.propose(qualifyingCart());
    host().advance(Duration.ofDays(3650));
    assertEquals(now, rule.propose(qualifyingCart()));
  }

  @Test
  void aCartInAnotherCurrencyIsAdjustedInThatCurrencyOrNotAtAll() {
    CartSnapshot cart = qualifyingCart();
    String other = "CNY".equals(cart.currency()) ? "USD" : "CNY";
    List<CartLine> lines =
        cart.lines().stream()
            .map(
                l ->
                    new CartLine(
                        l.lineRef(),
                        l.productId(),
                        l.skuId(),
                        l.categoryId(),
                        l.quantity(),
                        Money.of(l.unitPrice().minorUnits(), other),
                        Money.of(l.lineTotal().minorUnits(), other)))
            .toList();
    CartSnapshot converted =
        new CartSnapshot(
            other, lines, cart.promotionCodes(), cart.buyerKey(), cart.locale(), cart.pricedAt());
    for (PriceAdjustment a : rule().propose(converted).adjustments()) {
      assertEquals(other, a.delta().currency());
    }
  }
}
