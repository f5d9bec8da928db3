package org.kameng.kernel.inventory;

import java.util.UUID;

/** The SKU does not exist in the tenant's shop (another shop's SKU is not found either). */
public class SkuNotFoundException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final UUID skuId;

  public SkuNotFoundException(UUID skuId) {
    super("no SKU " + skuId + " in this shop");
    this.skuId = skuId;
  }

  public UUID skuId() {
    return skuId;
  }
}
