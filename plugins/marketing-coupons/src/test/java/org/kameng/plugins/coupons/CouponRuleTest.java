package org.kameng.plugins.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.marketing.CartLine;
import org.kameng.plugin.api.marketing.CartSnapshot;
import org.kameng.plugin.api.marketing.PriceAdjustment;
import org.kameng.plugin.api.marketing.Proposal;
import org.kameng.plugin.api.marketing.Redemption;

class CouponRuleTest {

  private static final Instant MARCH = Instant.parse("2026-03-15T12:00:00Z");

  private static CouponRule rule(String coupons) {
    return new CouponRule(CouponBook.of(coupons));
  }

  private static CartSnapshot cart(Instant at, String code, long... totals) {
    List<CartLine> lines = new java.util.ArrayList<>();
    for (int i = 0; i < totals.length; i++) {
      lines.add(
          new CartLine(
              "l" + i,
              "p" + i,
              "s" + i,
              Optional.empty(),
              1,
              Money.of(totals[i], "CNY"),
              Money.of(totals[i], "CNY")));
    }
    return new CartSnapshot(
        "CNY",
        lines,
        code == null ? List.of() : List.of(code),
        Optional.of("buyer-1"),
        Locale.ENGLISH,
        at);
  }

  private static long off(Proposal p) {
    return -p.adjustments().stream().mapToLong(a -> a.delta().minorUnits()).sum();
  }

  @Test
  void aPercentCouponTakesItsShareRoundedDownAndAsksForItsUse() {
    Proposal p = rule("SPRING24 off=10% uses=10 perBuyer=1").propose(cart(MARCH, "spring24", 999));
    assertEquals(99, off(p));
    assertEquals(List.of(new Redemption("spring24", "SPRING24", 10, 1)), p.redemptions());
    assertEquals("marketing-coupons:SPRING24", p.adjustments().get(0).ruleId());
  }

  @Test
  void aCapLimitsAPercentAndAFixedAmountNeverExceedsTheCart() {
    assertEquals(2000, off(rule("BIG off=50% cap=20.00").propose(cart(MARCH, "BIG", 10000))));
    assertEquals(300, off(rule("FIVE off=5.00").propose(cart(MARCH, "FIVE", 300))));
  }

  @Test
  void theDiscountIsSpreadOverTheLinesAndAddsUpExactly() {
    Proposal p = rule("THIRD off=10.00").propose(cart(MARCH, "THIRD", 333, 333, 334));
    assertEquals(1000, off(p));
    for (PriceAdjustment a : p.adjustments()) {
      assertTrue(a.delta().minorUnits() < 0);
    }
  }

  @Test
  void outsideItsWindowOrBelowTheMinimumOrUnknownTheCouponGivesNothing() {
    CouponRule rule = rule("MARCH off=10% min=50.00 from=2026-03-01 until=2026-03-31");
    assertEquals(0, off(rule.propose(cart(Instant.parse("2026-04-01T00:00:00Z"), "MARCH", 9000))));
    assertEquals(0, off(rule.propose(cart(Instant.parse("2026-02-28T23:59:59Z"), "MARCH", 9000))));
    assertEquals(
        900, off(rule.propose(cart(Instant.parse("2026-03-31T23:59:59Z"), "MARCH", 9000))));
    assertEquals(0, off(rule.propose(cart(MARCH, "MARCH", 4999))));
    assertEquals(0, off(rule.propose(cart(MARCH, "OTHER", 9000))));
    assertTrue(rule.propose(cart(MARCH, null, 9000)).redemptions().isEmpty());
  }

  @Test
  void aScopedCouponDiscountsOnlyItsProductsOrCategoriesAndCountsThemAlone() {
    CartSnapshot cart =
        new CartSnapshot(
            "CNY",
            List.of(
                new CartLine(
                    "a",
                    "P1",
                    "s1",
                    Optional.of("C9"),
                    1,
                    Money.of(4000, "CNY"),
                    Money.of(4000, "CNY")),
                new CartLine(
                    "b",
                    "p2",
                    "s2",
                    Optional.empty(),
                    1,
                    Money.of(6000, "CNY"),
                    Money.of(6000, "CNY"))),
            List.of("ONLY"),
            Optional.empty(),
            Locale.ENGLISH,
            MARCH);
    Proposal byProduct = rule("ONLY off=10% min=50.00 products=p1").propose(cart);
    assertTrue(byProduct.adjustments().isEmpty(), "the minimum counts the covered line alone");
    Proposal byCategory = rule("ONLY off=10% categories=c9").propose(cart);
    assertEquals(1, byCategory.adjustments().size());
    assertEquals("a", byCategory.adjustments().get(0).lineRef());
    assertEquals(400, off(byCategory));
    assertEquals(0, off(rule("ONLY off=10% products=nope").propose(cart)));
  }

  @Test
  void everyUnreadableLineIsNamedWithoutRepeatingIt() {
    var problems =
        new CouponsFactory()
            .validate(
                PluginConfig.of(
                    java.util.Map.of(
                        "coupons",
                        "OKAY off=5\nsecret-ish! off=5\nNOOFF min=3\nOKAY off=1\nBAD off=200%")));
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.get(0).message().startsWith("line 2"));
    assertTrue(problems.stream().allMatch(p -> p.field().equals("coupons")));
    assertTrue(problems.stream().noneMatch(p -> p.message().contains("secret-ish")));
    assertThrows(IllegalArgumentException.class, () -> CouponBook.of("X off=1"));
  }
}
