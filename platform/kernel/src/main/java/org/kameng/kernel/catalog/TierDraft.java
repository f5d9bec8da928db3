package org.kameng.kernel.catalog;

/**
 * A wholesale tier as entered (not yet validated): from {@code minQuantity} units on, each unit
 * costs {@code price}.
 *
 * @param minQuantity at least 2
 * @param price a decimal string in the SKU's currency, not above the SKU's price
 */
public record TierDraft(Integer minQuantity, String price) {}
