package org.kameng.kernel.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.ShopFixture;

/** A sale that leaves a SKU at or below its threshold raises one alert, not one per sale. */
class LowStockAlertTest {

  @Test
  void theAlertIsRaisedOnceWhenStockFallsToTheThreshold() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(100);
    shop.addKeys("low", 5);
    Transactions tx = shop.db.transactions();
    tx.inTenant(
        shop.tenant,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE kameng.sku SET low_stock_threshold = 2 WHERE id = ?")) {
            update.setObject(1, shop.skuId);
            return update.executeUpdate();
          }
        });
    PlaceOrder place = new PlaceOrder(tx);
    place.place(shop.tenant, OrderRequest.of(shop.skuId, 2, "a@b.cn"));
    assertEquals(0, alerts(shop), "3 left, above the threshold");
    place.place(shop.tenant, OrderRequest.of(shop.skuId, 1, "a@b.cn"));
    assertEquals(1, alerts(shop), "2 left: alert");
    place.place(shop.tenant, OrderRequest.of(shop.skuId, 1, "a@b.cn"));
    assertEquals(1, alerts(shop), "still pending: no second alert");
  }

  private static int alerts(ShopFixture shop) {
    return shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement count =
                  c.prepareStatement(
                      "SELECT count(*) FROM kameng.job WHERE tenant_id = ? AND kind = ?"
                          + " AND payload ->> 'skuId' = ?")) {
                count.setObject(1, shop.tenant.value());
                count.setString(2, LowStockAlert.JOB);
                count.setString(3, shop.skuId.toString());
                try (ResultSet rs = count.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            });
  }
}
