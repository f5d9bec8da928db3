package org.kameng.server.storefront;

import java.util.Map;
import java.util.UUID;

/** The JSON bodies the storefront API reads. */
public final class StorefrontBodies {

  private StorefrontBodies() {}

  /**
   * A buyer's order for one SKU, with the payment channel chosen at checkout and a coupon code
   * (both optional).
   */
  public record PlaceOrderBody(
      UUID skuId,
      UUID channelId,
      Integer quantity,
      String buyerEmail,
      String buyerContact,
      String queryPassword,
      Map<String, String> inputs,
      String couponCode) {}

  /** Pay an order (named by its token) through one of the shop's channels. */
  public record PayBody(String token, UUID channelId) {}

  /** Ask the payment providers about an order's pending payments, by the order's token. */
  public record RefreshBody(String token) {}

  /** Look an order up by its token, or by email and query password. */
  public record LookupBody(String token, String email, String queryPassword) {}
}
