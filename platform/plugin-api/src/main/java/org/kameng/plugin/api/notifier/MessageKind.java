package org.kameng.plugin.api.notifier;

/**
 * What a {@link Message} is about; each kind documents its template variables. Every kind also has
 * {@code shopName} and {@code shopUrl}. New kinds may be added in minor versions; a notifier
 * returns {@link DeliveryResult.Failed} for a kind it does not handle.
 */
public enum MessageKind {
  /** To the buyer: the order was delivered. {@code orderNumber}, {@code orderUrl}. */
  ORDER_DELIVERED,
  /**
   * To staff: a SKU is at or below its threshold. {@code productName}, {@code skuName}, {@code
   * stock}.
   */
  LOW_STOCK,
  /**
   * To staff: a payment failed at the provider. {@code orderNumber}, {@code amount}, {@code
   * channel}.
   */
  PAYMENT_FAILED,
  /**
   * To staff: an order was paid but cannot be delivered. {@code orderNumber}, {@code amount},
   * {@code reason}.
   */
  PAID_UNDELIVERABLE,
  /**
   * To staff: an upstream order failed for good. {@code orderNumber}, {@code supplier}, {@code
   * reason}.
   */
  UPSTREAM_FAILED,
  /**
   * To the buyer: the order's money was returned. {@code orderNumber}, {@code amount}, {@code
   * orderUrl}.
   */
  ORDER_REFUNDED,
  /**
   * To staff: the upstream price and stock sync took an UPSTREAM SKU off sale. {@code productName},
   * {@code skuName}, {@code reason} (UPSTREAM_SOLD_OUT, UPSTREAM_PRICE_ABOVE_LOCAL or
   * UPSTREAM_ITEM_GONE). The sync puts it back on sale by itself when the upstream recovers.
   */
  UPSTREAM_CLOSED
}
