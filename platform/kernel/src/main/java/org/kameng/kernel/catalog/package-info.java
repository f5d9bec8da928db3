/**
 * The catalog of a shop: categories (one level of nesting), products with their fulfilment type,
 * SKUs (denominations) with price, quantity limits and wholesale tiers, and the inputs a buyer
 * fills in for manual and upstream goods.
 */
package org.kameng.kernel.catalog;
