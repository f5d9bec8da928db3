package org.kameng.kernel.inventory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** Catalog rows and key states for inventory tests, written as the application role. */
final class InventoryFixtures {

  private final TestDatabase db;

  InventoryFixtures(TestDatabase db) {
    this.db = db;
  }

  /** A plain card-key SKU. */
  UUID cardKeySku(TenantId tenant) {
    return sku(tenant, "CARD_KEY", false, 0, "Steam 100");
  }

  /** A SKU of a new product with the given fulfilment. */
  UUID sku(
      TenantId tenant, String fulfilment, boolean loopKey, int lowStockThreshold, String name) {
    UUID product = UUID.randomUUID();
    UUID sku = UUID.randomUUID();
    db.transactions()
        .inTenant(
            tenant,
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement(
                      "INSERT INTO kameng.product (tenant_id, id, name, fulfilment)"
                          + " VALUES (?, ?, ?, ?)")) {
                p.setObject(1, tenant.value());
                p.setObject(2, product);
                p.setString(3, name + " product");
                p.setString(4, fulfilment);
                p.executeUpdate();
              }
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO kameng.sku (tenant_id, id, product_id, name, price_minor,"
                          + " currency, loop_key, low_stock_threshold)"
                          + " VALUES (?, ?, ?, ?, 1000, 'CNY', ?, ?)")) {
                s.setObject(1, tenant.value());
                s.setObject(2, sku);
                s.setObject(3, product);
                s.setString(4, name);
                s.setBoolean(5, loopKey);
                s.setInt(6, lowStockThreshold);
                s.executeUpdate();
              }
              return null;
            });
    return sku;
  }

  /** The SKU's keys in id order, decrypted, as {@code key} or {@code key,note}. */
  List<String> keys(TenantId tenant, UUID sku) {
    return db.transactions()
        .inTenant(
            tenant,
            c -> {
              var cipher = db.dataKeys().forTenant(c, tenant);
              List<String> keys = new ArrayList<>();
              try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT secret, note FROM kameng.card_key"
                          + " WHERE tenant_id = ? AND sku_id = ? ORDER BY id")) {
                select.setObject(1, tenant.value());
                select.setObject(2, sku);
                try (ResultSet rs = select.executeQuery()) {
                  while (rs.next()) {
                    String key = cipher.open(rs.getBytes(1));
                    keys.add(rs.getString(2) == null ? key : key + "," + rs.getString(2));
                  }
                }
              }
              return keys;
            });
  }

  /** Moves {@code count} available keys of the SKU to {@code status} for a made-up order. */
  void markKeys(TenantId tenant, UUID sku, String status, int count) {
    db.transactions()
        .inTenant(
            tenant,
            c -> {
              try (PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE kameng.card_key SET status = ?, order_id = ?"
                          + " WHERE tenant_id = ? AND id IN (SELECT id FROM kameng.card_key"
                          + " WHERE tenant_id = ? AND sku_id = ? AND status = 'AVAILABLE'"
                          + " ORDER BY id LIMIT ?)")) {
                update.setString(1, status);
                update.setObject(2, UUID.randomUUID());
                update.setObject(3, tenant.value());
                update.setObject(4, tenant.value());
                update.setObject(5, sku);
                update.setInt(6, count);
                if (update.executeUpdate() != count) {
                  throw new IllegalStateException("not enough available keys to mark");
                }
              }
              return null;
            });
  }

  /** One query as the application role, in the tenant, returning the first column as a long. */
  long scalar(TenantId tenant, String sql, Object... parameters) {
    return db.transactions()
        .inTenant(
            tenant,
            c -> {
              try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                  select.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = select.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  /** The card_key_import row: status, counters and report, as one string per column. */
  List<String> importRecord(TenantId tenant, UUID importId) {
    return db.transactions()
        .inTenant(
            tenant,
            c -> {
              try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT status, total_lines, imported, duplicates, rejected, report::text,"
                          + " finished_at IS NOT NULL FROM kameng.card_key_import"
                          + " WHERE tenant_id = ? AND id = ?")) {
                select.setObject(1, tenant.value());
                select.setObject(2, importId);
                try (ResultSet rs = select.executeQuery()) {
                  List<String> row = new ArrayList<>();
                  if (rs.next()) {
                    for (int i = 1; i <= 7; i++) {
                      row.add(rs.getString(i));
                    }
                  }
                  return row;
                }
              }
            });
  }

  /** Every stored byte of the tenant's card keys, read as the owner role. */
  List<byte[]> storedBytesAsOwner(TenantId tenant) throws SQLException {
    List<byte[]> stored = new ArrayList<>();
    try (Connection c = db.ownerDataSource().getConnection()) {
      // RLS is forced, so even the owner sees a tenant's rows only with the tenant set.
      try (PreparedStatement set =
          c.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
        set.setString(1, tenant.value().toString());
        set.execute();
      }
      try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT secret, fingerprint, coalesce(note, '') FROM kameng.card_key");
          ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getBytes(1));
          stored.add(rs.getBytes(2));
          stored.add(rs.getString(3).getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return stored;
  }
}
