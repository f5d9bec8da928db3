package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.text.PlainText;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * A buyer looking at their order: only with the order's token, or with the email and the query
 * password they set. Contact details alone never show an order. Each time keys are shown, the
 * reveal is written to the audit log.
 */
public final class OrderLookup {

  private final DataKeys dataKeys;

  public OrderLookup(DataKeys dataKeys) {
    this.dataKeys = dataKeys;
  }

  /** An order as its buyer sees it; {@code keys} is empty until it is delivered. */
  public record BuyerView(
      UUID id,
      long displayNumber,
      OrderStatus status,
      Money total,
      OffsetDateTime createdAt,
      OffsetDateTime reservedUntil,
      List<String> keys,
      List<String> manualDeliveries) {}

  /** The id of the current tenant's order with this token, if there is one. */
  public static Optional<UUID> idOf(Connection c, String token) throws SQLException {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    try (PreparedStatement select =
        c.prepareStatement("SELECT id FROM kameng.customer_order WHERE token_hash = ?")) {
      select.setBytes(1, OrderToken.hash(token));
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
      }
    }
  }

  /** The order whose token this is, with its keys revealed (and audited) once delivered. */
  public Optional<BuyerView> byToken(Connection c, TenantId tenant, String token, String ip)
      throws SQLException {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    return find(c, tenant, "token_hash = ?", ps -> ps.setBytes(1, OrderToken.hash(token)), ip);
  }

  /**
   * The order with this id, with its keys revealed (and audited) once delivered: for a caller that
   * proved by other means that the order is theirs (a downstream reseller's signed request).
   */
  public Optional<BuyerView> byId(Connection c, TenantId tenant, UUID orderId, String ip)
      throws SQLException {
    return find(c, tenant, "id = ?", ps -> ps.setObject(1, orderId), ip);
  }

  /** The buyer's most recent order with this email whose query password matches. */
  public Optional<BuyerView> byEmailAndPassword(
      Connection c, TenantId tenant, String email, String password, String ip) throws SQLException {
    if (email == null
        || password == null
        || email.length() > 254
        || !PlainText.isSingleLine(email)
        || !PlainText.isSingleLine(password)) {
      return Optional.empty();
    }
    String normalised = email.strip().toLowerCase(Locale.ROOT);
    List<UUID> candidates = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, query_password_hash FROM kameng.customer_order"
                + " WHERE buyer_email = ? AND query_password_hash IS NOT NULL"
                + " ORDER BY created_at DESC LIMIT 20")) {
      select.setString(1, normalised);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          if (QueryPassword.matches(password, rs.getString(2))) {
            candidates.add(rs.getObject(1, UUID.class));
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    return find(c, tenant, "id = ?", ps -> ps.setObject(1, candidates.get(0)), ip);
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private Optional<BuyerView> find(
      Connection c, TenantId tenant, String where, Binder binder, String ip) throws SQLException {
    BuyerView order;
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, display_number, status, total_minor, currency, created_at, reserved_until"
                + " FROM kameng.customer_order WHERE "
                + where)) {
      binder.bind(select);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        order =
            new BuyerView(
                rs.getObject(1, UUID.class),
                rs.getLong(2),
                OrderStatus.valueOf(rs.getString(3)),
                Money.of(rs.getLong(4), rs.getString(5)),
                rs.getObject(6, OffsetDateTime.class),
                rs.getObject(7, OffsetDateTime.class),
                new ArrayList<>(),
                new ArrayList<>());
      }
    }
    revealKeys(c, tenant, order, ip);
    return Optional.of(order);
  }

  private void revealKeys(Connection c, TenantId tenant, BuyerView order, String ip)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT k.secret FROM kameng.order_key ok JOIN kameng.card_key k"
                + " ON k.tenant_id = ok.tenant_id AND k.id = ok.card_key_id"
                + " WHERE ok.order_id = ? ORDER BY ok.line_number, k.id")) {
      select.setObject(1, order.id());
      try (ResultSet rs = select.executeQuery()) {
        TenantCipher cipher = null;
        while (rs.next()) {
          if (cipher == null) {
            cipher = dataKeys.forTenant(c, tenant);
          }
          order.keys().add(cipher.open(rs.getBytes(1)));
        }
      }
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT delivery_secret FROM kameng.order_line WHERE order_id = ?"
                + " AND delivery_secret IS NOT NULL ORDER BY line_number")) {
      select.setObject(1, order.id());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          order.manualDeliveries().add(dataKeys.forTenant(c, tenant).open(rs.getBytes(1)));
        }
      }
    }
    if (!order.keys().isEmpty() || !order.manualDeliveries().isEmpty()) {
      AuditLog.record(
          c,
          tenant,
          "buyer",
          "card-key.reveal",
          "order:" + order.id(),
          new FlatJson()
              .put("keys", order.keys().size())
              .put("ip", ip == null ? "" : ip)
              .toString());
    }
  }
}
