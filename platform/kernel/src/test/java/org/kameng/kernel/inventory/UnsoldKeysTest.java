package org.kameng.kernel.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** Deleting unsold keys leaves every key an order holds. */
class UnsoldKeysTest {

  private final TestDatabase db = TestDatabase.get();
  private final InventoryFixtures fixtures = new InventoryFixtures(db);
  private final CardKeyImport importer = new CardKeyImport(db.transactions(), db.dataKeys());
  private final UnsoldKeys unsold = new UnsoldKeys(db.transactions());

  @Test
  void deletesAvailableKeysAndKeepsReservedAndSoldOnes() {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    UUID otherSku = fixtures.cardKeySku(shop);
    importer.importKeys(shop, sku, ImportSource.text("A\nB\nC\nD\nE\n"), ImportProgress.ignored());
    importer.importKeys(shop, otherSku, ImportSource.text("X\n"), ImportProgress.ignored());
    fixtures.markKeys(shop, sku, "SOLD", 1); // A
    fixtures.markKeys(shop, sku, "RESERVED", 1); // B

    long deleted = unsold.delete(shop, sku, "staff:carol");

    assertEquals(3, deleted);
    assertEquals(List.of("A", "B"), fixtures.keys(shop, sku));
    assertEquals(new Stock(sku, 0, 1, 1), new StockLevels(db.transactions()).of(shop, sku));
    assertEquals(List.of("X"), fixtures.keys(shop, otherSku));
    assertEquals(
        3,
        fixtures.scalar(
            shop,
            "SELECT (detail->>'count')::bigint FROM kameng.audit_log"
                + " WHERE actor = 'staff:carol' AND action = 'card_key.delete_unsold'"));
  }

  @Test
  void keepsALoopKeyThatWasDeliveredToAnOrder() {
    TenantId shop = db.newTenant();
    UUID loop = fixtures.sku(shop, "CARD_KEY", true, 0, "Shared account");
    importer.importKeys(shop, loop, ImportSource.text("SHARED\n"), ImportProgress.ignored());
    db.transactions().inTenant(shop, c -> deliverEveryKey(c, shop, loop));

    assertEquals(0, unsold.delete(shop, loop, "staff:carol"));
    assertEquals(List.of("SHARED"), fixtures.keys(shop, loop));
  }

  @Test
  void anotherShopCannotDeleteThisShopsKeys() {
    TenantId mine = db.newTenant();
    UUID sku = fixtures.cardKeySku(mine);
    importer.importKeys(mine, sku, ImportSource.text("K\n"), ImportProgress.ignored());

    assertThrows(SkuNotFoundException.class, () -> unsold.delete(db.newTenant(), sku, "x"));
    assertEquals(List.of("K"), fixtures.keys(mine, sku));
  }

  // A loop key stays AVAILABLE when sold; its deliveries are rows in order_key.
  private static Void deliverEveryKey(Connection c, TenantId shop, UUID sku) throws SQLException {
    UUID order = UUID.randomUUID();
    try (PreparedStatement o =
        c.prepareStatement(
            "INSERT INTO kameng.customer_order (tenant_id, id, token_hash, display_number,"
                + " buyer_email, status, currency, total_minor, reserved_until)"
                + " VALUES (?, ?, '\\x00', 1, 'a@b.c', 'DELIVERED', 'CNY', 1000, now())")) {
      o.setObject(1, shop.value());
      o.setObject(2, order);
      o.executeUpdate();
    }
    try (PreparedStatement line =
        c.prepareStatement(
            "INSERT INTO kameng.order_line (tenant_id, order_id, line_number, sku_id, fulfilment,"
                + " quantity, unit_price_minor, line_total_minor, price_snapshot)"
                + " VALUES (?, ?, 1, ?, 'CARD_KEY', 1, 1000, 1000, '{}')")) {
      line.setObject(1, shop.value());
      line.setObject(2, order);
      line.setObject(3, sku);
      line.executeUpdate();
    }
    try (PreparedStatement key =
        c.prepareStatement(
            "INSERT INTO kameng.order_key (tenant_id, order_id, line_number, card_key_id)"
                + " SELECT tenant_id, ?, 1, id FROM kameng.card_key WHERE sku_id = ?")) {
      key.setObject(1, order);
      key.setObject(2, sku);
      key.executeUpdate();
    }
    return null;
  }
}
