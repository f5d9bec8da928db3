package org.kameng.kernel.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;

/**
 * A SKU's card keys as staff see them in a list: never the key itself, only what tells keys apart
 * (the id, the start of the keyed fingerprint, the note, the state, the order). Showing one key in
 * the clear is a separate act that is written to the audit log first.
 */
public final class CardKeyListing {

  /** The most keys one page lists. */
  public static final int MAX_PAGE = 200;

  private final Transactions transactions;
  private final DataKeys dataKeys;

  public CardKeyListing(Transactions transactions, DataKeys dataKeys) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.dataKeys = Objects.requireNonNull(dataKeys, "dataKeys");
  }

  /**
   * One key in a list. {@code tag} is the first bytes of the key's HMAC fingerprint: stable, unique
   * enough to tell keys apart, and reveals nothing about the key.
   */
  public record ListedKey(
      long id,
      String tag,
      String note,
      String status,
      UUID orderId,
      OffsetDateTime createdAt,
      OffsetDateTime soldAt) {}

  /** A key shown in the clear. */
  public record RevealedKey(long id, String key, String note) {}

  /**
   * The SKU's keys in {@code status} (all states when null), newest first, after the key {@code
   * beforeId} when given.
   *
   * @throws SkuNotFoundException if the tenant has no such SKU
   */
  public List<ListedKey> page(
      TenantId tenant, UUID skuId, String status, Long beforeId, int limit) {
    return transactions.inTenant(
        tenant,
        c -> {
          InventorySku.require(c, tenant, skuId);
          try (PreparedStatement select =
              c.prepareStatement(
                  """
                  SELECT id, substring(fingerprint FROM 1 FOR 4), note, status, order_id,
                         created_at, sold_at
                    FROM kameng.card_key
                   WHERE tenant_id = ? AND sku_id = ? AND (?::text IS NULL OR status = ?::text)
                     AND (?::bigint IS NULL OR id < ?::bigint)
                   ORDER BY id DESC LIMIT ?
                  """)) {
            select.setObject(1, tenant.value());
            select.setObject(2, skuId);
            select.setString(3, status);
            select.setString(4, status);
            select.setObject(5, beforeId);
            select.setObject(6, beforeId);
            select.setInt(7, Math.max(1, Math.min(limit, MAX_PAGE)));
            List<ListedKey> keys = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                keys.add(
                    new ListedKey(
                        rs.getLong(1),
                        HexFormat.of().formatHex(rs.getBytes(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getObject(7, OffsetDateTime.class)));
              }
            }
            return keys;
          }
        });
  }

  /**
   * One key of the SKU in the clear, for {@code actor}; the reveal is audited in the same
   * transaction, so no key is shown without its record.
   *
   * @throws SkuNotFoundException if the tenant has no such SKU
   */
  public Optional<RevealedKey> reveal(TenantId tenant, UUID skuId, long keyId, String actor) {
    Objects.requireNonNull(actor, "actor");
    return transactions.inTenant(
        tenant,
        c -> {
          InventorySku.require(c, tenant, skuId);
          Optional<Sealed> sealed = sealed(c, tenant, skuId, keyId);
          if (sealed.isEmpty()) {
            return Optional.empty();
          }
          AuditLog.record(
              c,
              tenant,
              actor,
              "card_key.reveal",
              "card_key:" + keyId,
              new FlatJson().put("sku", skuId.toString()).toString());
          String plain = dataKeys.forTenant(c, tenant).open(sealed.get().secret());
          return Optional.of(new RevealedKey(keyId, plain, sealed.get().note()));
        });
  }

  private record Sealed(byte[] secret, String note) {}

  private static Optional<Sealed> sealed(Connection c, TenantId tenant, UUID skuId, long keyId)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT secret, note FROM kameng.card_key WHERE tenant_id = ? AND sku_id = ? AND id = ?")) {
      select.setObject(1, tenant.value());
      select.setObject(2, skuId);
      select.setLong(3, keyId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next()
            ? Optional.of(new Sealed(rs.getBytes(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }
}
