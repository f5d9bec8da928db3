package org.kameng.plugins.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.kameng.plugin.api.host.KeyValueStore;

/**
 * The sandbox's payments and decisions in the host's store. Every write is a put-if-absent, so
 * concurrent clicks and repeated starts on several server instances agree on one value. Keys are
 * kept for {@link #KEEP}, long enough for every query and refund of a test payment; then the host
 * forgets them, so a sandbox used for load tests never fills its store.
 */
final class Payments {

  /** How long a sandbox payment, its decision and its refunds stay answerable. */
  static final Duration KEEP = Duration.ofDays(90);

  private final KeyValueStore store;

  Payments(KeyValueStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Records a started payment; starting the same payment again changes nothing.
   *
   * @throws IllegalStateException if the reference was started before with other details, which
   *     would otherwise show the buyer one amount and notify another
   */
  void open(StartedPayment payment) {
    String key = StartedPayment.key(payment.reference());
    if (store.putIfAbsent(key, payment.encode(), KEEP)) {
      return;
    }
    StartedPayment earlier = find(payment.reference()).orElseThrow(() -> vanished(key));
    if (!earlier.equals(payment)) {
      throw new IllegalStateException(
          "sandbox payment "
              + payment.reference()
              + " was already started with other details; start a new payment instead");
    }
  }

  /** The started payment with this reference, if any. */
  Optional<StartedPayment> find(String reference) {
    return store
        .get(StartedPayment.key(reference))
        .map(stored -> StartedPayment.decode(reference, stored));
  }

  /** The decision taken for this payment, if any. */
  Optional<Decided> decision(String reference) {
    return store.get(Decided.key(reference)).map(Decided::decode);
  }

  /**
   * Records a decision unless one was taken already.
   *
   * @return the decision that stands: {@code proposed}, or the one that was there first
   */
  Decided decide(String reference, Decided proposed) {
    String key = Decided.key(reference);
    if (store.putIfAbsent(key, proposed.encode(), KEEP)) {
      return proposed;
    }
    return decision(reference).orElseThrow(() -> vanished(key));
  }

  private static IllegalStateException vanished(String key) {
    // this plugin never deletes these keys, and they outlive any payment that reads them
    return new IllegalStateException("store key " + key + " was refused but holds no value");
  }
}
