package org.kameng.kernel.inventory;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;

/**
 * Writes the unsold keys of a SKU, decrypted, in the format {@link CardKeyImport} reads: one {@code
 * key} or {@code key,note} per line, oldest first. Importing the output into the same SKU finds
 * every key a duplicate.
 *
 * <p>Keys are read a page at a time, each page in a short transaction, and written between them: no
 * transaction stays open while a slow client reads, and {@code Transactions} (which may repeat a
 * transaction) never repeats a write to the client.
 */
public final class CardKeyExport {

  private static final int PAGE = 5_000;

  private final Transactions transactions;
  private final DataKeys dataKeys;

  public CardKeyExport(Transactions transactions, DataKeys dataKeys) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.dataKeys = Objects.requireNonNull(dataKeys, "dataKeys");
  }

  /**
   * Writes the SKU's AVAILABLE keys to {@code out} (not closed) and records the reveal in the audit
   * log under {@code actor} first, so a reveal cut short is audited too.
   *
   * @return the number of keys written
   * @throws SkuNotFoundException if the tenant has no such SKU
   */
  public long writeUnsold(TenantId tenant, UUID skuId, String actor, Writer out)
      throws IOException {
    Objects.requireNonNull(actor, "actor");
    TenantCipher cipher =
        transactions.inTenant(
            tenant,
            c -> {
              InventorySku.require(c, tenant, skuId);
              AuditLog.record(
                  c,
                  tenant,
                  actor,
                  "card_key.export",
                  "sku:" + skuId,
                  new FlatJson().put("count", available(c, tenant, skuId)).toString());
              return dataKeys.forTenant(c, tenant);
            });
    long written = 0;
    long after = 0;
    while (true) {
      List<SealedKey> page = page(tenant, skuId, after);
      for (SealedKey key : page) {
        String plain = cipher.open(key.secret());
        out.write(key.note() == null ? plain : plain + ',' + key.note());
        out.write('\n');
        after = key.id();
      }
      written += page.size();
      if (page.size() < PAGE) {
        out.flush();
        return written;
      }
    }
  }

  private record SealedKey(long id, byte[] secret, String note) {}

  private List<SealedKey> page(TenantId tenant, UUID skuId, long afterId) {
    return transactions.inTenant(
        tenant,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  """
                  SELECT id, secret, note FROM kameng.card_key
                   WHERE tenant_id = ? AND sku_id = ? AND status = 'AVAILABLE' AND id > ?
                   ORDER BY id LIMIT ?
                  """)) {
            select.setObject(1, tenant.value());
            select.setObject(2, skuId);
            select.setLong(3, afterId);
            select.setInt(4, PAGE);
            List<SealedKey> keys = new ArrayList<>(PAGE);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                keys.add(new SealedKey(rs.getLong(1), rs.getBytes(2), rs.getString(3)));
              }
            }
            return keys;
          }
        });
  }

  private static long available(Connection c, TenantId tenant, UUID skuId) throws SQLException {
    return StockLevels.count(c, tenant, skuId).available();
  }
}
