package org.kameng.kernel.inventory;

import java.util.UUID;

/**
 * A SKU whose available keys have fallen to its threshold or below.
 *
 * @param available the available keys, counted up to {@code threshold + 1} at most
 */
public record LowStock(UUID skuId, String skuName, long available, int threshold) {}
