package org.kameng.kernel.ledger;

/**
 * The accounts of a shop's ledger. Signs: money the buyer paid is a negative entry on {@code
 * BUYER_PAYMENTS}; what it is split into (the shop's revenue, the platform's fee, the upstream's
 * cost) are positive entries, so a posting sums to zero.
 */
public enum Account {
  BUYER_PAYMENTS,
  TENANT_REVENUE,
  PLATFORM_FEES,
  UPSTREAM_COSTS,
  REFUNDS,
  /** Money downstream resellers paid in to top up their balance (negative, like buyer payments). */
  RESELLER_DEPOSITS,
  /** What the shop owes its downstream resellers as prepaid credit; orders draw it down. */
  RESELLER_CREDIT
}
