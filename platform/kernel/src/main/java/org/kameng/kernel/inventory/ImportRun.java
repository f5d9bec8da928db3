package org.kameng.kernel.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.plugin.api.TenantId;

/**
 * One import as recorded in {@code kameng.card_key_import}: RUNNING with counters that move with
 * each committed batch, then DONE or FAILED with the report of rejected lines.
 */
record ImportRun(TenantId tenant, UUID id, InventorySku sku, TenantCipher cipher) {

  /**
   * Checks the SKU and records a RUNNING import.
   *
   * @throws SkuNotFoundException if the tenant has no such SKU
   * @throws InvalidImportException if the SKU's product is not fulfilled with card keys
   */
  static ImportRun begin(
      Connection connection, TenantId tenant, UUID skuId, UUID id, DataKeys dataKeys)
      throws SQLException {
    InventorySku sku = InventorySku.require(connection, tenant, skuId);
    if (!sku.sellsCardKeys()) {
      throw new InvalidImportException(
          "SKU "
              + skuId
              + " belongs to a "
              + sku.fulfilment()
              + " product; only CARD_KEY products take card keys");
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO kameng.card_key_import (tenant_id, id, sku_id, status)"
                + " VALUES (?, ?, ?, 'RUNNING')")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.setObject(3, skuId);
      insert.executeUpdate();
    }
    TenantCipher cipher = dataKeys.forTenant(connection, tenant);
    return new ImportRun(tenant, id, sku, cipher);
  }

  /** Records the counters of the batches committed so far, in the batch's own transaction. */
  void recordProgress(Connection connection, ImportCounts counts) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            """
            UPDATE kameng.card_key_import
               SET total_lines = ?, imported = ?, duplicates = ?, rejected = ?
             WHERE tenant_id = ? AND id = ?
            """)) {
      bindCounts(update, counts);
      update.setObject(5, tenant.value());
      update.setObject(6, id);
      update.executeUpdate();
    }
  }

  /** Closes the record as DONE or FAILED with its final counters and report. */
  void finish(Connection connection, boolean done, ImportCounts counts, List<Rejection> rejected)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            """
            UPDATE kameng.card_key_import
               SET total_lines = ?, imported = ?, duplicates = ?, rejected = ?,
                   status = ?, report = ?::jsonb, finished_at = now()
             WHERE tenant_id = ? AND id = ?
            """)) {
      bindCounts(update, counts);
      update.setString(5, done ? "DONE" : "FAILED");
      update.setString(6, reportJson(rejected));
      update.setObject(7, tenant.value());
      update.setObject(8, id);
      update.executeUpdate();
    }
  }

  private static void bindCounts(PreparedStatement update, ImportCounts counts)
      throws SQLException {
    update.setLong(1, counts.lines());
    update.setLong(2, counts.imported());
    update.setLong(3, counts.duplicates());
    update.setLong(4, counts.rejected());
  }

  // Reasons are our own constants, never line content: the report cannot leak a key.
  static String reportJson(List<Rejection> rejected) {
    StringBuilder json = new StringBuilder(rejected.size() * 40 + 2).append('[');
    for (Rejection r : rejected) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("{\"line\":").append(r.line());
      json.append(",\"reason\":\"").append(r.reason().name());
      json.append("\",\"message\":\"").append(r.reason().message()).append("\"}");
    }
    return json.append(']').toString();
  }
}
