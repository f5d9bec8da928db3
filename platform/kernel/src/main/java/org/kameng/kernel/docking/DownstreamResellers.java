package org.kameng.kernel.docking;

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
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.text.PlainText;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * A shop's downstream resellers and the wholesale rules of its reseller levels, as the shop's owner
 * manages them. All in the caller's tenant transaction; every change is audited.
 */
public final class DownstreamResellers {

  private DownstreamResellers() {}

  /** A downstream reseller as the shop's staff see it. */
  public record Reseller(
      UUID id,
      String name,
      int level,
      String discountKind,
      String discountValue,
      String status,
      Money balance,
      OffsetDateTime createdAt) {}

  /**
   * A reseller as the owner enters it. On creation {@code currency} (default: the shop's) fixes the
   * balance's currency for good; {@code status} is ACTIVE or SUSPENDED. A discount of its own (both
   * fields, or neither) overrides its level's.
   */
  public record ResellerDraft(
      String name,
      Integer level,
      String discountKind,
      String discountValue,
      String currency,
      String status) {}

  /** The wholesale rule of a reseller level. */
  public record LevelRule(int level, String discountKind, String discountValue) {}

  /** Adds a reseller with an empty balance. */
  public static Reseller create(Connection c, TenantId tenant, ResellerDraft draft, String actor)
      throws SQLException {
    if (draft == null) {
      throw new InvalidDockingException("name", "required");
    }
    String currency = draft.currency() == null ? shopCurrency(c) : draft.currency();
    if (!currency.matches("^[A-Z]{3}$")) {
      throw new InvalidDockingException("currency", "an ISO currency code such as CNY");
    }
    UUID id = UUID.randomUUID();
    Discount discount = Discount.parse(draft.discountKind(), draft.discountValue(), currency);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.downstream_reseller (tenant_id, id, name, level, discount_kind,"
                + " discount_value, status, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.setString(3, name(draft.name()));
      insert.setInt(4, level(draft.level()));
      insert.setString(5, discount == null ? null : discount.kind().name());
      insert.setObject(6, discount == null ? null : discount.value());
      insert.setString(7, status(draft.status()));
      insert.setString(8, currency);
      insert.executeUpdate();
    }
    AuditLog.record(
        c, tenant, actor, "reseller.create", "reseller:" + id, new FlatJson().toString());
    return find(c, id).orElseThrow();
  }

  /** Changes a reseller's name, level, discount and status (its currency never changes). */
  public static Reseller update(
      Connection c, TenantId tenant, UUID id, ResellerDraft draft, String actor)
      throws SQLException {
    Reseller current =
        find(c, id).orElseThrow(() -> new ResellerNotFoundException("No such reseller."));
    if (draft == null) {
      throw new InvalidDockingException("name", "required");
    }
    if (draft.currency() != null && !draft.currency().equals(current.balance().currency())) {
      throw new InvalidDockingException("currency", "a reseller's currency cannot change");
    }
    Discount discount =
        Discount.parse(draft.discountKind(), draft.discountValue(), current.balance().currency());
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.downstream_reseller SET name = ?, level = ?, discount_kind = ?,"
                + " discount_value = ?, status = ?, updated_at = now() WHERE id = ?")) {
      update.setString(1, name(draft.name()));
      update.setInt(2, level(draft.level()));
      update.setString(3, discount == null ? null : discount.kind().name());
      update.setObject(4, discount == null ? null : discount.value());
      update.setString(5, status(draft.status()));
      update.setObject(6, id);
      update.executeUpdate();
    }
    AuditLog.record(
        c,
        tenant,
        actor,
        "reseller.update",
        "reseller:" + id,
        new FlatJson().put("status", status(draft.status())).toString());
    return find(c, id).orElseThrow();
  }

  /** The shop's resellers with their balances, by name. */
  public static List<Reseller> list(Connection c) throws SQLException {
    return select(c, "TRUE ORDER BY name, id", null);
  }

  /** One reseller of the current shop, if it exists. */
  public static Optional<Reseller> find(Connection c, UUID id) throws SQLException {
    List<Reseller> found = select(c, "id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Sets the wholesale rule of a reseller level (replacing the one it had). */
  public static LevelRule setLevelRule(
      Connection c, TenantId tenant, int level, String kind, String value, String actor)
      throws SQLException {
    int checked = level(level);
    String currency = shopCurrency(c);
    Discount discount = Discount.parse(kind, value, currency);
    if (discount == null) {
      throw new InvalidDockingException("discountKind", "required");
    }
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO kameng.reseller_level (tenant_id, level, discount_kind, discount_value)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, level) DO UPDATE"
                + " SET discount_kind = excluded.discount_kind,"
                + " discount_value = excluded.discount_value")) {
      upsert.setObject(1, tenant.value());
      upsert.setInt(2, checked);
      upsert.setString(3, discount.kind().name());
      upsert.setLong(4, discount.value());
      upsert.executeUpdate();
    }
    AuditLog.record(
        c,
        tenant,
        actor,
        "reseller-level.set",
        "reseller-level:" + checked,
        new FlatJson()
            .put("kind", discount.kind().name())
            .put("value", discount.value())
            .toString());
    return new LevelRule(checked, discount.kind().name(), discount.valueText(currency));
  }

  /** The wholesale rules of the shop's levels, by level. */
  public static List<LevelRule> levelRules(Connection c) throws SQLException {
    String currency = shopCurrency(c);
    List<LevelRule> rules = new ArrayList<>();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT level, discount_kind, discount_value FROM kameng.reseller_level"
                    + " ORDER BY level");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        Discount d = new Discount(Discount.Kind.valueOf(rs.getString(2)), rs.getLong(3));
        rules.add(new LevelRule(rs.getInt(1), d.kind().name(), d.valueText(currency)));
      }
    }
    return rules;
  }

  /**
   * The discount that prices this reseller's orders: its own, else its level's, else none; with the
   * name of where it came from.
   */
  static Optional<Sourced> discountOf(Connection c, UUID resellerId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT r.discount_kind, r.discount_value, r.level, l.discount_kind, l.discount_value"
                + " FROM kameng.downstream_reseller r LEFT JOIN kameng.reseller_level l"
                + " ON l.tenant_id = r.tenant_id AND l.level = r.level WHERE r.id = ?")) {
      select.setObject(1, resellerId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        if (rs.getString(1) != null) {
          return Optional.of(
              new Sourced(
                  new Discount(Discount.Kind.valueOf(rs.getString(1)), rs.getLong(2)), "reseller"));
        }
        if (rs.getString(4) != null) {
          return Optional.of(
              new Sourced(
                  new Discount(Discount.Kind.valueOf(rs.getString(4)), rs.getLong(5)),
                  "level-" + rs.getInt(3)));
        }
        return Optional.empty();
      }
    }
  }

  /** A discount and the rule it came from (the reseller's own or its level's). */
  record Sourced(Discount discount, String source) {}

  private static List<Reseller> select(Connection c, String where, UUID id) throws SQLException {
    List<Reseller> found = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, name, level, discount_kind, discount_value, status, balance_minor,"
                + " currency, created_at FROM kameng.downstream_reseller WHERE "
                + where)) {
      if (id != null) {
        select.setObject(1, id);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String currency = rs.getString(8);
          String kind = rs.getString(4);
          found.add(
              new Reseller(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getInt(3),
                  kind,
                  kind == null
                      ? null
                      : new Discount(Discount.Kind.valueOf(kind), rs.getLong(5))
                          .valueText(currency),
                  rs.getString(6),
                  Money.of(rs.getLong(7), currency),
                  rs.getObject(9, OffsetDateTime.class)));
        }
      }
    }
    return found;
  }

  static String shopCurrency(Connection c) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT default_currency FROM kameng.tenant WHERE id = kameng.current_tenant()");
        ResultSet rs = select.executeQuery()) {
      return rs.next() ? rs.getString(1) : "CNY";
    }
  }

  private static String name(String name) {
    if (name == null
        || name.isBlank()
        || name.strip().length() > 100
        || !PlainText.isSingleLine(name)) {
      throw new InvalidDockingException(
          "name", "required, at most 100 characters, without control characters");
    }
    return name.strip();
  }

  private static int level(Integer level) {
    if (level == null) {
      return 1;
    }
    if (level < 1 || level > 9) {
      throw new InvalidDockingException("level", "from 1 to 9");
    }
    return level;
  }

  private static String status(String status) {
    if (status == null) {
      return "ACTIVE";
    }
    String s = status.toUpperCase(Locale.ROOT);
    if (!s.equals("ACTIVE") && !s.equals("SUSPENDED")) {
      throw new InvalidDockingException("status", "ACTIVE or SUSPENDED");
    }
    return s;
  }
}
