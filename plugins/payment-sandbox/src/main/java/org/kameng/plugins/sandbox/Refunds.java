package org.kameng.plugins.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.host.KeyValueStore;
import org.kameng.plugin.api.payment.RefundRequest;
import org.kameng.plugin.api.payment.RefundResult;

/**
 * Sandbox refunds: a paid payment can be refunded, in parts, up to what was paid. All refunds of a
 * payment live in one store value, {@code refunds:<reference>}, mapping each refund reference to
 * its amount and id, and change only by compare-and-set: whether a reference was refunded and how
 * much is left are then read and written together, so a retried or concurrent refund can never
 * count twice. Nothing is paid back for real.
 */
final class Refunds {

  /**
   * Keeps one payment's value far within the store's 64 KiB per value even with the longest
   * non-ASCII refund references (about 13,000 characters for twenty), and a sandbox needs no more.
   */
  static final int MAXIMUM_PER_PAYMENT = 20;

  /** Compare-and-set rounds before giving up; only a pathological race needs more than two. */
  private static final int ATTEMPTS = 50;

  private final KeyValueStore store;
  private final Payments payments;

  Refunds(KeyValueStore store, Payments payments) {
    this.store = store;
    this.payments = payments;
  }

  RefundResult refund(RefundRequest request) {
    String reference = request.paymentReference();
    if (!StartedPayment.isReference(reference)) {
      return new RefundResult.Failed("the sandbox has no payment with this reference");
    }
    Optional<StartedPayment> payment = payments.find(reference);
    Optional<Decided> decided = payments.decision(reference);
    if (payment.isEmpty()) {
      return new RefundResult.Failed("the sandbox has no payment with this reference");
    }
    if (decided.isEmpty() || decided.get().decision() != Decision.PAY) {
      return new RefundResult.Failed(
          "the sandbox payment was not paid, so there is nothing to refund");
    }
    if (!request.providerReference().equals(decided.get().eventId())) {
      return new RefundResult.Failed(
          "the provider reference is not the one the sandbox reported for this payment");
    }
    Money paid = payment.get().amount();
    if (!request.amount().currency().equals(paid.currency())) {
      return new RefundResult.Failed("the refund is in another currency than the payment");
    }
    String key = "refunds:" + reference;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<String> stored = store.get(key);
      Map<String, String> book = stored.map(FormEncoding::decode).orElse(Map.of());
      Optional<RefundResult> settled = settled(book, request, paid);
      if (settled.isPresent()) {
        return settled.get();
      }
      String refundId = "sandbox-refund-" + UUID.randomUUID();
      Map<String, String> updated = new LinkedHashMap<>(book);
      updated.put(request.refundReference(), request.amount().minorUnits() + " " + refundId);
      String encoded = FormEncoding.encode(updated);
      if (stored.isEmpty()
          ? store.putIfAbsent(key, encoded, Payments.KEEP)
          : store.compareAndSet(key, stored.get(), encoded)) {
        return new RefundResult.Refunded(refundId);
      }
    }
    throw new IllegalStateException("refunds of sandbox payment " + reference + " keep changing");
  }

  /**
   * The answer the payment's refunds so far already give: the earlier result for a reference seen
   * before, or a refusal; empty when the refund may be added.
   */
  private static Optional<RefundResult> settled(
      Map<String, String> book, RefundRequest request, Money paid) {
    String earlier = book.get(request.refundReference());
    if (earlier != null) {
      String[] amountAndId = earlier.split(" ", 2);
      return Optional.of(
          Long.parseLong(amountAndId[0]) == request.amount().minorUnits()
              ? new RefundResult.Refunded(amountAndId[1])
              : new RefundResult.Failed(
                  "this refund reference was already used for another amount"));
    }
    long refunded = book.values().stream().mapToLong(v -> Long.parseLong(v.split(" ")[0])).sum();
    if (request.amount().minorUnits() > paid.minorUnits() - refunded) {
      return Optional.of(
          new RefundResult.Failed(
              "the refund exceeds what is left of the payment: paid "
                  + paid
                  + ", refunded "
                  + Money.of(refunded, paid.currency())));
    }
    if (book.size() >= MAXIMUM_PER_PAYMENT) {
      return Optional.of(
          new RefundResult.Failed(
              "the sandbox takes at most " + MAXIMUM_PER_PAYMENT + " refunds per payment"));
    }
    return Optional.empty();
  }
}
