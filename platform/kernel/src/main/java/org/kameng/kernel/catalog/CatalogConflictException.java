package org.kameng.kernel.catalog;

/**
 * A catalog change clashes with what the shop already holds: a category that is not empty, a SKU
 * with orders or card keys, a fulfilment that can no longer change. The message says what to do
 * instead; nothing was written.
 */
public class CatalogConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CatalogConflictException(String message) {
    super(message);
  }
}
