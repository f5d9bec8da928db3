package org.kameng.plugin.api.marketing;

/**
 * One tenant's configured listener to order events (counting coupon uses, loyalty points,
 * analytics), created by its {@link OrderEventListenerFactory}. Thread-safe.
 */
public interface OrderEventListener {

  /**
   * Handles one event. Called asynchronously from a job thread, after the transaction that caused
   * the event committed, never on a buyer's request; events of one order may arrive out of order
   * when an earlier delivery is being retried.
   *
   * <p><b>At least once.</b> The host delivers each event until this method returns normally, so
   * the same event (same {@link OrderEvent#eventId()}) may arrive more than once, also concurrently
   * on two server instances: the handling must be idempotent, for example by recording the event id
   * with {@code KeyValueStore.putIfAbsent} before acting.
   *
   * @param event what happened
   * @throws Exception any exception means "not handled": the host retries with backoff and moves
   *     the event to the dead letters after repeated failures, where staff can see and retry it
   */
  void onEvent(OrderEvent event) throws Exception;
}
