package org.kameng.kernel.catalog;

/**
 * A catalog change is wrong in a way the shop's staff can fix; {@link #field()} names the input at
 * fault, e.g. {@code price} or {@code tiers[1].minQuantity}. Nothing was written.
 */
public class InvalidCatalogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidCatalogException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The input field at fault. */
  public String field() {
    return field;
  }
}
