package org.kameng.kernel.order;

/** Not enough stock for the quantity asked; nothing was reserved. */
public class SoldOutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SoldOutException(String message) {
    super(message);
  }
}
