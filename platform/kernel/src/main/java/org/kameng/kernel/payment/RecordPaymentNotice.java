package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.kernel.notification.Notifications;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * The kernel's half of a payment notify. The URL names tenant, channel configuration and payment;
 * the channel has verified the signature and parsed the body. Everything that decides whether money
 * arrived happens here, in one transaction, with the payment row locked: concurrent re-sends of one
 * notify serialise on it, and exactly one of them can pay the order.
 */
public final class RecordPaymentNotice {

  private final Transactions transactions;

  public RecordPaymentNotice(Transactions transactions) {
    this.transactions = Objects.requireNonNull(transactions);
  }

  /** Records the notice; only an {@code ACCEPTED} result changed the order. */
  public NoticeResult record(
      TenantId tenant, UUID channelConfigId, UUID paymentId, PaymentNotice notice) {
    return transactions.inTenant(
        tenant, c -> recordIn(c, tenant, channelConfigId, paymentId, notice));
  }

  /** The same, inside the caller's tenant transaction (the manual channel uses it). */
  public static NoticeResult recordIn(
      Connection c, TenantId tenant, UUID channelConfigId, UUID paymentId, PaymentNotice notice)
      throws SQLException {
    Payment payment = Payment.lock(c, paymentId);
    if (payment == null) {
      return NoticeResult.rejected("unknown payment");
    }
    NoticeResult mismatch = bindingMismatch(payment, channelConfigId, paymentId, notice);
    if (mismatch != null) {
      return mismatch;
    }
    Payment.Recorded recorded = payment.record(c, tenant, notice);
    if (!recorded.newEvent()) {
      return NoticeResult.duplicate();
    }
    if (payment.orderId() == null) {
      // A reseller's balance top-up (ADR 0020): every check above applies; only settling differs.
      return TopUpSettlement.settle(c, tenant, paymentId, notice.outcome(), recorded);
    }
    return switch (notice.outcome()) {
      case PENDING -> NoticeResult.notPaid("the provider reports the payment as pending");
      case FAILED -> {
        if (recorded.statusChanged()) {
          Notifications.order(
              c, tenant, Notifications.Event.PAYMENT_FAILED, payment.orderId(), paymentId);
        }
        yield NoticeResult.notPaid("the provider reports the payment as failed");
      }
      case SUCCEEDED -> {
        if (!recorded.statusChanged()) {
          yield NoticeResult.duplicate();
        }
        Ledger.postPayment(
            c, tenant, payment.orderId(), payment.amount(), payment.feeBasisPoints());
        OrderSettlement.settle(c, tenant, payment.orderId(), paymentId);
        yield NoticeResult.accepted();
      }
    };
  }

  private static NoticeResult bindingMismatch(
      Payment payment, UUID channelConfigId, UUID paymentId, PaymentNotice notice) {
    if (!payment.channelConfigId().equals(channelConfigId)) {
      return NoticeResult.rejected("the payment belongs to another channel configuration");
    }
    if (!notice.paymentReference().equals(paymentId.toString())) {
      return NoticeResult.rejected("the notify is for another payment");
    }
    if (notice.outcome() == PaymentNotice.Outcome.SUCCEEDED) {
      Money expected = payment.amount();
      if (!notice.amount().currency().equals(expected.currency())) {
        return NoticeResult.rejected(
            "currency " + notice.amount().currency() + " is not " + expected.currency());
      }
      if (notice.amount().minorUnits() != expected.minorUnits()) {
        return NoticeResult.rejected(
            "amount " + notice.amount() + " is not the payment's " + expected);
      }
    }
    return null;
  }
}
