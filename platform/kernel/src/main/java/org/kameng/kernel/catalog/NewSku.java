package org.kameng.kernel.catalog;

import java.util.Objects;
import org.kameng.plugin.api.Money;

/**
 * What a SKU is created with.
 *
 * @param name the denomination shown to buyers, e.g. "100 points"
 * @param price the retail price per unit
 * @param cost what a unit costs the shop, if known (margin reports, price floors)
 * @param minQuantity the smallest quantity per order
 * @param maxQuantity the largest quantity per order
 * @param loopKey whether one card key is sold any number of times
 * @param lowStockThreshold available keys at or below which the shop is alerted; 0 for never
 */
public record NewSku(
    String name,
    Money price,
    Money cost,
    int minQuantity,
    int maxQuantity,
    boolean loopKey,
    int lowStockThreshold) {

  public NewSku {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(price, "price");
    if (cost != null && !cost.currency().equals(price.currency())) {
      throw new IllegalArgumentException("cost and price must be in one currency");
    }
  }

  /** A plain SKU: quantities 1 to 100, no cost, no loop key, no stock alert. */
  public static NewSku of(String name, Money price) {
    return new NewSku(name, price, null, 1, 100, false, 0);
  }
}
