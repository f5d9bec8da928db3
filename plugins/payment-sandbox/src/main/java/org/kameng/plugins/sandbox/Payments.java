package org.kameng.plugins.sandbox;

import java.util.Objects;
import java.util.Optional;
import org.kameng.plugin.api.host.KeyValueStore;

/**
 * The sandbox's payments and decisions in the host's store. Every write is a put-if-absent, so
 * concurrent clicks and repeated starts on several server instances agree on one value. Keys are
 * never deleted: a decided payment must keep answering queries and refunds.
 */
final class Payments {

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
    if (store.putIfAbsent(key, payment.encode())) {
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
    if (store.putIfAbsent(key, proposed.encode())) {
      return proposed;
    }
    return decision(reference).orElseThrow(() -> vanished(key));
  }

  private static IllegalStateException vanished(String key) {
    // this plugin never deletes these keys
    return new IllegalStateException("store key " + key + " was refused but holds no value");
  }
}
