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
 * @param couponCode a promotion code the buyer entered, or null
 */
public record OrderRequest(
    UUID skuId,
    int quantity,
    String buyerEmail,
    String buyerContact,
    String queryPassword,
    Map<String, String> inputs,
    String couponCode) {

  public OrderRequest {
    if (couponCode != null) {
      couponCode = couponCode.strip();
      if (couponCode.isEmpty()) {
        couponCode = null;
      } else if (couponCode.length() > 100) {
        throw new InvalidOrderException("couponCode", "must be at most 100 characters");
      }
    }
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

  /** An order without a promotion code. */
  public OrderRequest(
      UUID skuId,
      int quantity,
      String buyerEmail,
      String buyerContact,
      String queryPassword,
      Map<String, String> inputs) {
    this(skuId, quantity, buyerEmail, buyerContact, queryPassword, inputs, null);
  }

  /** This order with a promotion code. */
  public OrderRequest withCouponCode(String code) {
    return new OrderRequest(skuId, quantity, buyerEmail, buyerContact, queryPassword, inputs, code);
  }

  /** An order for a card-key SKU with no inputs and no query password. */
  public static OrderRequest of(UUID skuId, int quantity, String buyerEmail) {
    return new OrderRequest(
        Objects.requireNonNull(skuId), quantity, buyerEmail, null, null, Map.of());
  }
}
