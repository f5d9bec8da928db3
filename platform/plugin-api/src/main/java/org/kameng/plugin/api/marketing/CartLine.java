package org.kameng.plugin.api.marketing;

import java.util.Objects;
import java.util.Optional;
import org.kameng.plugin.api.Money;

/**
 * One line of a {@link CartSnapshot}, priced by the kernel before any rule ran. Immutable.
 *
 * @param lineRef the line's reference within the cart, what a {@link PriceAdjustment} names
 * @param productId the product's id
 * @param skuId the SKU's id
 * @param categoryId the product's category, if it has one
 * @param quantity how many units, at least 1
 * @param unitPrice the list or wholesale price of one unit, not negative
 * @param lineTotal {@code unitPrice × quantity}
 */
public record CartLine(
    String lineRef,
    String productId,
    String skuId,
    Optional<String> categoryId,
    long quantity,
    Money unitPrice,
    Money lineTotal) {

  /** Checks references, quantity and that the total is unit price times quantity. */
  public CartLine {
    requireText(lineRef, "lineRef");
    requireText(productId, "productId");
    requireText(skuId, "skuId");
    Objects.requireNonNull(categoryId, "categoryId");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity of line " + lineRef + " must be at least 1");
    }
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (unitPrice.minorUnits() < 0) {
      throw new IllegalArgumentException("unit price of line " + lineRef + " is negative");
    }
    Objects.requireNonNull(lineTotal, "lineTotal");
    if (!unitPrice.times(quantity).equals(lineTotal)) {
      throw new IllegalArgumentException(
          "line " + lineRef + ": total " + lineTotal + " is not " + quantity + " × " + unitPrice);
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
