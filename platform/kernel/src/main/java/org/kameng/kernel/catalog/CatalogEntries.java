package org.kameng.kernel.catalog;

import java.util.List;
import java.util.UUID;
import org.kameng.plugin.api.Money;

/** The catalog as the shop's staff see it: hidden items included, with stock counts. */
public final class CatalogEntries {

  private CatalogEntries() {}

  /** A category; {@code parentId} is null for a top-level one. */
  public record Category(UUID id, UUID parentId, String name, int position) {}

  /**
   * The card keys of a SKU by state. A loop key stays available however often it is sold.
   *
   * @param available unsold, free to claim
   * @param reserved held for an order awaiting payment
   * @param sold delivered to an order
   */
  public record Stock(long available, long reserved, long sold) {}

  /** From {@code minQuantity} units on, each unit costs {@code price}. */
  public record Tier(int minQuantity, Money price) {}

  /** An input the buyer fills in; {@code pattern} is null for any value. */
  public record InputField(String name, String label, String pattern, boolean required) {}

  /** A SKU with its stock and wholesale tiers (ascending); {@code cost} is null if unknown. */
  public record Sku(
      UUID id,
      String name,
      Money price,
      Money cost,
      int minQuantity,
      int maxQuantity,
      boolean visible,
      boolean loopKey,
      int lowStockThreshold,
      int position,
      Stock stock,
      List<Tier> tiers) {}

  /** A product with its SKUs and input fields, each in the shop's order. */
  public record Product(
      UUID id,
      UUID categoryId,
      String name,
      String description,
      Fulfilment fulfilment,
      boolean visible,
      int position,
      List<Sku> skus,
      List<InputField> inputFields) {}

  /** The whole catalog of a shop. */
  public record Listing(List<Category> categories, List<Product> products) {}
}
