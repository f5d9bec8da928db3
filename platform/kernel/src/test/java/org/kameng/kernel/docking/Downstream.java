package org.kameng.kernel.docking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.ShopFixture;

/** A shop with a downstream reseller, set up the way the owner's admin API does it. */
final class Downstream {

  final ShopFixture shop;
  final UUID resellerId;

  private Downstream(ShopFixture shop, UUID resellerId) {
    this.shop = shop;
    this.resellerId = resellerId;
  }

  /** A shop selling one SKU at {@code priceMinor} CNY with {@code keys} keys, and a reseller. */
  static Downstream of(long priceMinor, int keys, String discountKind, String discountValue) {
    ShopFixture shop = ShopFixture.withCardKeyProduct(priceMinor);
    if (keys > 0) {
      shop.addKeys("dock-" + UUID.randomUUID().toString().substring(0, 8), keys);
    }
    UUID id =
        shop.db
            .transactions()
            .inTenant(
                shop.tenant,
                c ->
                    DownstreamResellers.create(
                            c,
                            shop.tenant,
                            new DownstreamResellers.ResellerDraft(
                                "Downstream shop", 1, discountKind, discountValue, "CNY", null),
                            "owner")
                        .id());
    return new Downstream(shop, id);
  }

  void topUp(String amount) {
    shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> ResellerBalances.topUp(c, shop.tenant, resellerId, amount, "bank ref", "owner"));
  }

  PlaceResellerOrder placing(Transactions tx) {
    return new PlaceResellerOrder(new PlaceOrder(tx));
  }

  PlaceResellerOrder.ResellerOrderRequest request(String requestId, int quantity) {
    return new PlaceResellerOrder.ResellerOrderRequest(requestId, shop.skuId, quantity, null, null);
  }

  long balance() {
    return query("SELECT balance_minor FROM kameng.downstream_reseller WHERE id = ?", resellerId);
  }

  long ledgerCredit() {
    return shop.db
        .transactions()
        .inTenant(
            shop.tenant, c -> org.kameng.kernel.ledger.Ledger.resellerCredit(c, resellerId, "CNY"));
  }

  long count(String sql) {
    return query(sql, null);
  }

  private long query(String sql, UUID param) {
    return shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement select = c.prepareStatement(sql)) {
                if (param != null) {
                  select.setObject(1, param);
                }
                try (ResultSet rs = select.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  static long single(Connection c, String sql) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql);
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
