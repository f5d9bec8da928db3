package org.kameng.kernel.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.kernel.testing.TestDatabase;

class PaymentHealthTest {

  private long manual(List<PaymentHealth.ChannelHealth> health, int column) {
    return health.stream()
        .filter(h -> h.channel().equals("manual"))
        .mapToLong(h -> column == 0 ? h.succeeded() : h.pending())
        .sum();
  }

  @Test
  void outcomesAreCountedAcrossShopsWhileNoShopsRowsBecomeReadable() throws Exception {
    TestDatabase db = TestDatabase.get();
    Instant since = Instant.now().minusSeconds(1);
    List<PaymentHealth.ChannelHealth> before =
        db.transactions().platform(c -> PaymentHealth.since(c, since));
    ShopFixture first = ShopFixture.withCardKeyProduct(500);
    first.addKeys("health-a", 2);
    ShopFixture second = ShopFixture.withCardKeyProduct(700);
    second.addKeys("health-b", 2);
    Checkout.of(first, first.db.transactions(), 1).pay(first, "H-1");
    Checkout.of(second, second.db.transactions(), 1);

    List<PaymentHealth.ChannelHealth> after =
        db.transactions().platform(c -> PaymentHealth.since(c, since));
    assertEquals(manual(before, 0) + 1, manual(after, 0), "one more paid");
    assertEquals(manual(before, 2) + 1, manual(after, 2), "one more pending");

    // The aggregate opened nothing else: without a tenant the application still reads no payment.
    try (Connection c = db.appDataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM kameng.payment")) {
      rs.next();
      assertEquals(0, rs.getLong(1));
    }
    // Nor does the owner role outside the function.
    try (Connection c = db.ownerDataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM kameng.payment")) {
      rs.next();
      assertEquals(0, rs.getLong(1));
    }
  }
}
