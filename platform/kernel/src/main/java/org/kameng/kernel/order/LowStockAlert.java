package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.TenantId;

/**
 * Raises the shop's low-stock alert for a SKU when a sale leaves it at or below its threshold. The
 * alert is a job (deduplicated per SKU while pending), so notifiers pick it up and a busy product
 * raises one alert, not one per sale.
 */
public final class LowStockAlert {

  /** Job kind of the alert. */
  public static final String JOB = "stock.low";

  private LowStockAlert() {}

  /** Checks the SKU's remaining stock, counting no further than the threshold. */
  static void raiseIfLow(Connection c, TenantId tenant, UUID skuId, int threshold)
      throws SQLException {
    if (threshold <= 0) {
      return;
    }
    int remaining;
    // Bounded count: a SKU with a million keys costs threshold + 1 index entries, not a million.
    try (PreparedStatement count =
        c.prepareStatement(
            "SELECT count(*) FROM (SELECT 1 FROM kameng.card_key WHERE sku_id = ?"
                + " AND status = 'AVAILABLE' LIMIT ?) available")) {
      count.setObject(1, skuId);
      count.setInt(2, threshold + 1);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        remaining = rs.getInt(1);
      }
    }
    if (remaining <= threshold) {
      Jobs.enqueue(
          c,
          tenant,
          JOB,
          new FlatJson().put("skuId", skuId.toString()).put("remaining", remaining).toString(),
          skuId.toString(),
          Instant.EPOCH);
    }
  }
}
