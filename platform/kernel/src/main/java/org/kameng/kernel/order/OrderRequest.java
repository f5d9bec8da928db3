package org.kameng.kernel.order;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A buyer's order for one SKU, as the storefront received it (not yet validated).
 *
 * @param skuId what to buy
 * @param quantity how many units
 * @param buyerEmail where the keys and receipts go
 * @param buyerContact optional other contact (QQ, phone), shown to staff
 * @param queryPassword optional password that, with the email, lets the buyer look the order up
 * @param inputs the values of the product's declared input fields, by field name
 */
public record OrderRequest(
    UUID skuId,
    int quantity,
    String buyerEmail,
    String buyerContact,
    String queryPassword,
    Map<String, String> inputs) {

  public OrderRequest {
    if (inputs == null) {
      inputs = Map.of();
    } else {
      inputs.forEach(
          (name, value) -> {
            if (name == null || value == null) {
              throw new InvalidOrderException("inputs." + name, "must be text");
            }
          });
      inputs = Map.copyOf(inputs);
    }
  }

  /** An order for a card-key SKU with no inputs and no query password. */
  public static OrderRequest of(UUID skuId, int quantity, String buyerEmail) {
    return new OrderRequest(
        Objects.requireNonNull(skuId), quantity, buyerEmail, null, null, Map.of());
  }
}
