package org.kameng.kernel.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.payment.PaymentNotice;
import org.kameng.kernel.payment.RecordPaymentNotice;
import org.kameng.kernel.tenancy.StorageException;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ShopFixture;

/** S6: for every order and currency the ledger sums to zero, and nobody can edit it. */
class LedgerTest {

  @Test
  void platformFeeRoundsHalfUpInMinorUnits() {
    assertEquals(25, Ledger.platformFee(1000, 250));
    assertEquals(0, Ledger.platformFee(1, 250));
    assertEquals(1, Ledger.platformFee(2, 2500));
    assertEquals(1, Ledger.platformFee(3, 2000));
    assertEquals(0, Ledger.platformFee(999_999, 0));
    assertEquals(999_999, Ledger.platformFee(999_999, 10_000));
  }

  @Test
  void everyOrdersEntriesSumToZeroPerCurrency() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1999);
    shop.addKeys("ledger", 5);
    Transactions tx = shop.db.transactions();
    RecordPaymentNotice notices = new RecordPaymentNotice(tx);
    for (int quantity = 1; quantity <= 2; quantity++) {
      Checkout checkout = Checkout.of(shop, tx, quantity);
      notices.record(
          shop.tenant,
          shop.manualChannelId,
          checkout.paymentId(),
          new PaymentNotice(
              checkout.paymentId().toString(),
              "L" + quantity,
              PaymentNotice.Outcome.SUCCEEDED,
              checkout.order().total()));
    }

    List<String> unbalanced =
        tx.inTenant(
            shop.tenant,
            c -> {
              List<String> found = new ArrayList<>();
              try (PreparedStatement sums =
                      c.prepareStatement(
                          "SELECT order_id, currency, sum(amount_minor), count(*)"
                              + " FROM kameng.ledger_entry GROUP BY order_id, currency");
                  ResultSet rs = sums.executeQuery()) {
                while (rs.next()) {
                  if (rs.getLong(3) != 0) {
                    found.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
                  }
                }
              }
              return found;
            });
    assertEquals(List.of(), unbalanced);
    long revenue = tx.inTenant(shop.tenant, c -> Ledger.balance(c, Account.TENANT_REVENUE, "CNY"));
    long fees = tx.inTenant(shop.tenant, c -> Ledger.balance(c, Account.PLATFORM_FEES, "CNY"));
    // 19.99 + 39.98 at a 2.5 % fee: 0.50 + 1.00.
    assertEquals(150, fees);
    assertEquals(1999 + 3998 - 150, revenue);
  }

  @Test
  void theApplicationCannotEditOrDeleteLedgerEntries() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(100);
    Transactions tx = shop.db.transactions();
    assertThrows(
        StorageException.class,
        () ->
            tx.inTenant(
                shop.tenant,
                c ->
                    c.createStatement()
                        .executeUpdate("UPDATE kameng.ledger_entry SET amount_minor = 0")));
    assertThrows(
        StorageException.class,
        () ->
            tx.inTenant(
                shop.tenant,
                c -> c.createStatement().executeUpdate("DELETE FROM kameng.ledger_entry")));
  }
}
