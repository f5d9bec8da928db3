/**
 * Docking (对接), the upstream side: a shop's downstream resellers, their API keys and the
 * replay-proof checks of signed requests, their prepaid balances, wholesale prices by reseller or
 * level, and orders they place and pay from their balance, once per request id. The reseller API of
 * the server adapts these; docs/docking/reseller-api.md describes the protocol.
 */
package org.kameng.kernel.docking;
