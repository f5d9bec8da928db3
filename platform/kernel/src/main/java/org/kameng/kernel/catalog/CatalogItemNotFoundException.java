package org.kameng.kernel.catalog;

import java.util.UUID;

/**
 * The category, product or SKU does not exist in the current shop. Another shop's item is not found
 * either: nobody learns which ids exist elsewhere.
 */
public class CatalogItemNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CatalogItemNotFoundException(String kind, UUID id) {
    super("No such " + kind + " in this shop: " + id + ".");
  }
}
