package org.kameng.kernel.catalog;

/**
 * A SKU as the shop's staff enter it (not yet validated). Amounts are decimal strings in the
 * currency's precision, e.g. {@code "48.50"}; absent numbers take their defaults.
 *
 * @param name the denomination shown to buyers, 1 to 100 characters
 * @param price the retail price per unit, at least 0
 * @param currency the shop's default currency; null means that currency
 * @param cost what a unit costs the shop, or null if unknown
 * @param minQuantity the smallest quantity per order, default 1
 * @param maxQuantity the largest quantity per order, default 100, at most 10,000
 * @param loopKey whether one card key is sold any number of times, default false
 * @param lowStockThreshold available keys at or below which the shop is alerted, default 0
 */
public record SkuDraft(
    String name,
    String price,
    String currency,
    String cost,
    Integer minQuantity,
    Integer maxQuantity,
    Boolean loopKey,
    Integer lowStockThreshold) {}
