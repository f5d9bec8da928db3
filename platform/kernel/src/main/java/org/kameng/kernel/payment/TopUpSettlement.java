package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.docking.ResellerTopUps;
import org.kameng.plugin.api.TenantId;

/**
 * What a recorded notify does to a payment that targets a reseller's top-up instead of an order.
 * {@link RecordPaymentNotice} has already locked the payment, checked the notify's binding, amount
 * and currency, and recorded its provider event as new; a success that moved the payment to
 * SUCCEEDED credits the balance, once. There is no stock to release or buyer to tell, so a failure
 * or pending outcome only stays recorded on the payment.
 */
final class TopUpSettlement {

  private TopUpSettlement() {}

  static NoticeResult settle(
      Connection c,
      TenantId tenant,
      UUID paymentId,
      PaymentNotice.Outcome outcome,
      Payment.Recorded recorded)
      throws SQLException {
    return switch (outcome) {
      case PENDING -> NoticeResult.notPaid("the provider reports the top-up as pending");
      case FAILED -> NoticeResult.notPaid("the provider reports the top-up as failed");
      case SUCCEEDED ->
          recorded.statusChanged() && ResellerTopUps.credit(c, tenant, paymentId)
              ? NoticeResult.accepted()
              : NoticeResult.duplicate();
    };
  }
}
