package org.kameng.kernel.inventory;

import java.sql.PreparedStatement;
import java.util.Objects;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;

/** Removes the keys of a SKU that nobody has bought or reserved. */
public final class UnsoldKeys {

  // Only AVAILABLE keys. A claim that reserves a key concurrently wins or loses cleanly: the delete
  // re-checks the status of a row changed under it and skips it. A loop key stays AVAILABLE after
  // its sales, so keys already delivered to an order are kept as that order's record.
  private static final String DELETE =
      """
      DELETE FROM kameng.card_key k
       WHERE k.tenant_id = ? AND k.sku_id = ? AND k.status = 'AVAILABLE'
         AND NOT EXISTS (SELECT 1 FROM kameng.order_key o
                          WHERE o.tenant_id = k.tenant_id AND o.card_key_id = k.id)
      """;

  private final Transactions transactions;

  public UnsoldKeys(Transactions transactions) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /**
   * Deletes the SKU's AVAILABLE keys, never reserved or sold ones, and audits it under {@code
   * actor}.
   *
   * @return how many keys were deleted
   * @throws SkuNotFoundException if the tenant has no such SKU
   */
  public long delete(TenantId tenant, UUID skuId, String actor) {
    Objects.requireNonNull(actor, "actor");
    return transactions.inTenant(
        tenant,
        c -> {
          InventorySku.require(c, tenant, skuId);
          long deleted;
          try (PreparedStatement delete = c.prepareStatement(DELETE)) {
            delete.setObject(1, tenant.value());
            delete.setObject(2, skuId);
            deleted = delete.executeLargeUpdate();
          }
          AuditLog.record(
              c,
              tenant,
              actor,
              "card_key.delete_unsold",
              "sku:" + skuId,
              new FlatJson().put("count", deleted).toString());
          return deleted;
        });
  }
}
