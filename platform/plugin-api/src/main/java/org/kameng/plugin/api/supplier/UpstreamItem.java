package org.kameng.plugin.api.supplier;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.kameng.plugin.api.Money;

/**
 * One item of an upstream supplier's catalogue, as the upstream describes it. The host maps it to a
 * local product, re-prices it when the upstream price moves and closes it when stock runs out.
 * Immutable.
 *
 * @param upstreamId the upstream's id of the item, stable across fetches
 * @param name the upstream's name of the item
 * @param price what the upstream charges this shop for one unit, not negative
 * @param stock how much the upstream has
 * @param buyerInputs what the buyer must enter at checkout, in display order, distinct names; empty
 *     for plain card keys
 */
public record UpstreamItem(
    String upstreamId,
    String name,
    Money price,
    UpstreamStock stock,
    List<BuyerInputField> buyerInputs) {

  /** Refuses blanks, negative prices and duplicate input names. */
  public UpstreamItem {
    if (upstreamId == null || upstreamId.isBlank() || upstreamId.length() > 128) {
      throw new IllegalArgumentException("upstreamId must be 1 to 128 characters");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name of upstream item " + upstreamId + " is blank");
    }
    Objects.requireNonNull(price, "price");
    if (price.minorUnits() < 0) {
      throw new IllegalArgumentException("price of " + upstreamId + " is negative: " + price);
    }
    Objects.requireNonNull(stock, "stock");
    buyerInputs = List.copyOf(Objects.requireNonNull(buyerInputs, "buyerInputs"));
    if (new HashSet<>(buyerInputs.stream().map(BuyerInputField::name).toList()).size()
        != buyerInputs.size()) {
      throw new IllegalArgumentException("buyer input names of " + upstreamId + " repeat");
    }
  }
}
