package org.kameng.kernel.catalog;

/** How an order line is delivered. */
public enum Fulfilment {
  /** From the shop's own card-key stock, at once on payment. */
  CARD_KEY,
  /** By the shop's staff, who see the buyer's inputs. */
  MANUAL,
  /** By a supplier connector buying upstream. */
  UPSTREAM
}
