/**
 * The ledger: append-only, double-entry, per currency. Every posting's entries sum to zero;
 * balances are sums of entries, never numbers edited in place.
 */
package org.kameng.kernel.ledger;
