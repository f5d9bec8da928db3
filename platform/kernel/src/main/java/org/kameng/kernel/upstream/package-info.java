/**
 * Upstream fulfilment (docking, the downstream side): a shop's supplier connector configurations,
 * the links of its UPSTREAM SKUs to upstream items with their markup, and the purchase job that
 * buys a paid line upstream exactly once, delivers what comes back and books the upstream cost.
 */
package org.kameng.kernel.upstream;
