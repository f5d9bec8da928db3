package org.kameng.plugin.api.supplier;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.kameng.plugin.api.Money;

/**
 * An order the host places with an upstream for one of our order lines. Immutable.
 *
 * @param orderLineId our order line's id: the idempotency key. Send it to the upstream as the
 *     merchant order number where the protocol has one, so the upstream refuses a duplicate too; 1
 *     to 64 characters of {@code [0-9A-Za-z_-]}
 * @param upstreamItemId the item's {@link UpstreamItem#upstreamId()}
 * @param quantity how many units, at least 1
 * @param maxUnitPrice the most we pay per unit; if the upstream now charges more, do not buy and
 *     return a {@link UpstreamResult.FinalFailure}
 * @param buyerInputs the values the buyer entered for the item's {@link BuyerInputField}s
 * @param callbackUrl where the upstream should send its callback for this order, if it supports
 *     callbacks; names tenant, configuration and order line
 */
public record UpstreamOrder(
    String orderLineId,
    String upstreamItemId,
    int quantity,
    Money maxUnitPrice,
    Map<String, String> buyerInputs,
    URI callbackUrl) {

  private static final Pattern KEY = Pattern.compile("[0-9A-Za-z_-]{1,64}");

  /** Checks the key, quantity and price and copies the inputs. */
  public UpstreamOrder {
    if (orderLineId == null || !KEY.matcher(orderLineId).matches()) {
      throw new IllegalArgumentException(
          "orderLineId must be 1 to 64 of [0-9A-Za-z_-]: " + orderLineId);
    }
    if (upstreamItemId == null || upstreamItemId.isBlank()) {
      throw new IllegalArgumentException("upstreamItemId must not be blank");
    }
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
    }
    Objects.requireNonNull(maxUnitPrice, "maxUnitPrice");
    if (maxUnitPrice.minorUnits() < 0) {
      throw new IllegalArgumentException("maxUnitPrice must not be negative: " + maxUnitPrice);
    }
    buyerInputs = Map.copyOf(Objects.requireNonNull(buyerInputs, "buyerInputs"));
    Objects.requireNonNull(callbackUrl, "callbackUrl");
  }
}
