package org.kameng.kernel.docking;

import org.kameng.plugin.api.Money;

/** The reseller's balance does not cover the order; nothing was placed or drawn. */
public final class InsufficientBalanceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Money needed;

  public InsufficientBalanceException(Money needed) {
    super("the balance does not cover " + needed.toDecimalString() + " " + needed.currency());
    this.needed = needed;
  }

  /** What the order would have cost. */
  public Money needed() {
    return needed;
  }
}
