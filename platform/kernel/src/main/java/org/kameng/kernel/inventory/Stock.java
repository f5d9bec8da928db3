package org.kameng.kernel.inventory;

import java.util.UUID;

/**
 * The card keys of a SKU by state. A loop key stays AVAILABLE however often it is sold.
 *
 * @param available unsold, free to claim
 * @param reserved held for an order awaiting payment
 * @param sold delivered to an order
 */
public record Stock(UUID skuId, long available, long reserved, long sold) {}
