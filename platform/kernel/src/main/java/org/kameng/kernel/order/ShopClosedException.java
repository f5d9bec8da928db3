package org.kameng.kernel.order;

/** The shop does not take orders: it is suspended, or does not exist. */
public class ShopClosedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ShopClosedException(String message) {
    super(message);
  }
}
