package org.kameng.server.admin;

import jakarta.ws.rs.BadRequestException;
import java.util.List;
import java.util.UUID;
import org.kameng.kernel.catalog.InputFieldDraft;
import org.kameng.kernel.catalog.InvalidCatalogException;
import org.kameng.kernel.catalog.TierDraft;

/**
 * The JSON bodies of the catalog admin API that are not a kernel draft as is. Categories, products
 * and SKUs are sent as {@link org.kameng.kernel.catalog.CategoryDraft}, {@link
 * org.kameng.kernel.catalog.ProductDraft} and {@link org.kameng.kernel.catalog.SkuDraft}: the
 * kernel checks every field of those and names the one at fault.
 */
public final class CatalogBodies {

  private CatalogBodies() {}

  /** The ids of categories, products or SKUs in the order the shop shows them. */
  public record Positions(List<UUID> ids) {}

  /** Whether buyers see the product or SKU on the storefront. */
  public record Visibility(Boolean visible) {

    /** The flag, required: a missing value must not silently hide or show anything. */
    boolean required() {
      if (visible == null) {
        throw new InvalidCatalogException("visible", "required: true or false");
      }
      return visible;
    }
  }

  /** A SKU's wholesale tiers, replacing the current ones; an empty list removes them all. */
  public record Tiers(List<TierDraft> tiers) {}

  /** A product's input fields in the order buyers fill them in; replaces the current ones. */
  public record InputFields(List<InputFieldDraft> fields) {}

  /** The body itself: an absent body is a 400, never a NullPointerException turned 500. */
  static <T> T required(T body) {
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    return body;
  }
}
