package org.kameng.plugin.testkit;

/**
 * Mistakes real payment channels make, each of which {@link ReferenceChannel} can be built with to
 * prove that {@link PaymentChannelContract} notices it.
 */
enum Flaw {
  /** Reads the notify without checking its signature. */
  NO_SIGNATURE_CHECK,
  /** Compares signatures ignoring case, although the encoding is case-sensitive. */
  CASE_INSENSITIVE_SIGNATURE,
  /** Picks the key by the merchant the notify names, across all tenants. */
  KEY_BY_NOTIFIED_MERCHANT,
  /** Never checks the timestamp. */
  IGNORES_TIMESTAMP,
  /** Reports every notify as paid. */
  ALWAYS_SUCCEEDED,
  /** Remembers event ids and rejects a notify seen before. */
  REJECTS_REPLAYS,
  /** Takes the payment reference from the notify URL instead of the signed fields. */
  REFERENCE_FROM_URL,
  /** Rounds the amount to whole units, "correcting" a cent. */
  ROUNDS_AMOUNT,
  /** Reports every amount in CNY, whatever the notify says. */
  IGNORES_CURRENCY,
  /** Throws on a repeated parameter instead of rejecting. */
  THROWS_ON_REPEATS,
  /** Logs its key. */
  LOGS_KEY,
  /** Answers refused notifies with the accepted reply. */
  SAME_REPLY,
  /** Accepts any key in its configuration. */
  ACCEPTS_WEAK_KEYS
}
