package org.kameng.plugins.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A decision taken on the checkout page, kept under {@code result:<reference>} and written once:
 * the first click wins, and every later notify and query repeats it with the same event id, so the
 * kernel sees one provider event however often it is told.
 *
 * @param decision paid or failed
 * @param eventId the provider event id of the notify, a fresh UUID
 * @param decidedAt when the click was taken, to the second
 */
record Decided(Decision decision, String eventId, Instant decidedAt) {

  /** Refuses missing parts. */
  Decided {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  /** A new decision with a fresh event id, taken at {@code now} (kept to the second). */
  static Decided now(Decision decision, Instant now) {
    return new Decided(decision, UUID.randomUUID().toString(), now.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The store key of a payment's decision. */
  static String key(String reference) {
    return "result:" + reference;
  }

  /** The stored form. */
  String encode() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("status", decision.wireStatus());
    fields.put("event", eventId);
    fields.put("decidedAt", Long.toString(decidedAt.getEpochSecond()));
    return FormEncoding.encode(fields);
  }

  /**
   * The decision stored for a payment.
   *
   * @throws IllegalStateException if the stored text is not what {@link #encode} writes
   */
  static Decided decode(String stored) {
    try {
      Map<String, String> fields = FormEncoding.decode(stored);
      return new Decided(
          Decision.ofWireStatus(fields.get("status")).orElseThrow(),
          Objects.requireNonNull(fields.get("event")),
          Instant.ofEpochSecond(Long.parseLong(fields.get("decidedAt"))));
    } catch (RuntimeException e) {
      // only this plugin writes these keys: a value it cannot read is a bug or a damaged store
      throw new IllegalStateException("stored sandbox decision is unreadable", e);
    }
  }
}
