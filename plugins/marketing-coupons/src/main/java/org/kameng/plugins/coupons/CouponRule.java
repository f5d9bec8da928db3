package org.kameng.plugins.coupons;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.marketing.CartLine;
import org.kameng.plugin.api.marketing.CartSnapshot;
import org.kameng.plugin.api.marketing.PriceAdjustment;
import org.kameng.plugin.api.marketing.PriceRule;
import org.kameng.plugin.api.marketing.Proposal;
import org.kameng.plugin.api.marketing.Redemption;

/**
 * One shop's coupons as a price rule. It applies at most one coupon per cart (the first code the
 * buyer entered that the shop has and that applies), spreads the discount over the lines in
 * proportion to their totals, and asks the kernel for the coupon's use. Pure: no store, no clock
 * (the cart says when it is priced), no network.
 */
final class CouponRule implements PriceRule {

  private final CouponBook book;

  CouponRule(CouponBook book) {
    this.book = book;
  }

  @Override
  public List<PriceAdjustment> adjust(CartSnapshot cart) {
    return propose(cart).adjustments();
  }

  @Override
  public Proposal propose(CartSnapshot cart) {
    for (String entered : cart.promotionCodes()) {
      Optional<Coupon> found = book.find(entered);
      if (found.isEmpty()) {
        continue;
      }
      Coupon coupon = found.get();
      List<CartLine> covered = cart.lines().stream().filter(coupon::covers).toList();
      if (covered.isEmpty()) {
        continue;
      }
      Money subtotal =
          covered.stream()
              .map(CartLine::lineTotal)
              .reduce(Money.of(0, cart.currency()), Money::plus);
      if (!coupon.validAt(cart.pricedAt()) || !coupon.reaches(subtotal)) {
        continue;
      }
      long off;
      try {
        off = coupon.discount(subtotal);
      } catch (IllegalArgumentException notExactInThisCurrency) {
        continue;
      }
      if (off <= 0) {
        continue;
      }
      return new Proposal(
          spread(cart, covered, subtotal.minorUnits(), coupon, off),
          List.of(new Redemption(entered, coupon.code(), coupon.uses(), coupon.perBuyer())));
    }
    return Proposal.of(List.of());
  }

  // Each line gets its share rounded down; what rounding leaves goes to the largest lines first,
  // never beyond a line's total, so the shares add up to the discount exactly.
  private static List<PriceAdjustment> spread(
      CartSnapshot cart, List<CartLine> lines, long subtotal, Coupon coupon, long off) {
    long[] share = new long[lines.size()];
    long given = 0;
    for (int i = 0; i < share.length; i++) {
      long total = lines.get(i).lineTotal().minorUnits();
      share[i] =
          BigInteger.valueOf(off)
              .multiply(BigInteger.valueOf(total))
              .divide(BigInteger.valueOf(Math.max(subtotal, 1)))
              .longValueExact();
      given += share[i];
    }
    for (int i = 0; given < off && i < share.length; i++) {
      long room = lines.get(i).lineTotal().minorUnits() - share[i];
      long more = Math.min(room, off - given);
      share[i] += more;
      given += more;
    }
    String description =
        "zh".equals(cart.locale().getLanguage())
            ? "优惠券 " + coupon.code()
            : "Coupon " + coupon.code();
    List<PriceAdjustment> adjustments = new ArrayList<>();
    for (int i = 0; i < share.length; i++) {
      if (share[i] > 0) {
        adjustments.add(
            new PriceAdjustment(
                lines.get(i).lineRef(),
                Money.of(-share[i], cart.currency()),
                CouponsFactory.ID + ":" + coupon.code(),
                description));
      }
    }
    return adjustments;
  }
}
