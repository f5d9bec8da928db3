package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
    if (!recordEvent(c, tenant, channelConfigId, paymentId, notice)) {
      return NoticeResult.duplicate();
    }
    return switch (notice.outcome()) {
      case PENDING -> NoticeResult.notPaid("the provider reports the payment as pending");
      case FAILED -> {
        if (payment.markFailed(c)) {
          Notifications.order(
              c, tenant, Notifications.Event.PAYMENT_FAILED, payment.orderId(), paymentId);
        }
        yield NoticeResult.notPaid("the provider reports the payment as failed");
      }
      case SUCCEEDED -> {
        if (!payment.markSucceeded(c, notice.providerReference())) {
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

  private static boolean recordEvent(
      Connection c, TenantId tenant, UUID channelConfigId, UUID paymentId, PaymentNotice notice)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.payment_event (tenant_id, channel_config_id, provider_event_id,"
                + " payment_id, outcome, amount_minor, currency) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, channelConfigId);
      insert.setString(3, notice.providerEventId());
      insert.setObject(4, paymentId);
      insert.setString(5, notice.outcome().name());
      insert.setLong(6, notice.amount().minorUnits());
      insert.setString(7, notice.amount().currency());
      return insert.executeUpdate() == 1;
    }
  }
}
