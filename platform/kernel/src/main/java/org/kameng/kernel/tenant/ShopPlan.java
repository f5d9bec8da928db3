package org.kameng.kernel.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.audit.PlatformAudit;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.TenantId;

/**
 * A shop's plan as the platform sets it: a name, limits on products, card keys and staff (none
 * means unlimited), and the platform's fee on each payment. The limits are checked when something
 * is added, inside the transaction that adds it.
 */
public final class ShopPlan {

  private static final Pattern PLAN = Pattern.compile("[a-z][a-z0-9-]{1,31}");

  private ShopPlan() {}

  /** The plan of a shop. */
  public record Plan(
      String plan, Integer maxProducts, Long maxCardKeys, Integer maxStaff, int platformFeeBps) {}

  /** A change; a null part stays, {@code clearLimits} names limits to lift. */
  public record PlanChange(
      String plan,
      Integer maxProducts,
      Long maxCardKeys,
      Integer maxStaff,
      Integer platformFeeBps,
      java.util.Set<String> clearLimits) {}

  /** The current tenant's plan (in a tenant transaction), or any shop's (platform). */
  public static Optional<Plan> of(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT plan, max_products, max_card_keys, max_staff, platform_fee_bps"
                + " FROM kameng.tenant WHERE id = ?")) {
      select.setObject(1, tenant.value());
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Plan(
                rs.getString(1),
                rs.getObject(2, Integer.class),
                rs.getObject(3, Long.class),
                rs.getObject(4, Integer.class),
                rs.getInt(5)));
      }
    }
  }

  /**
   * Changes a shop's plan, recorded in the platform's and the shop's audit logs.
   *
   * @throws InvalidSignupException naming the field if a value is out of range
   */
  public static Optional<Plan> change(
      Connection c, TenantId tenant, PlanChange change, String admin) throws SQLException {
    Plan current = of(c, tenant).orElse(null);
    if (current == null) {
      return Optional.empty();
    }
    if (change.plan() != null && !PLAN.matcher(change.plan()).matches()) {
      throw new InvalidSignupException("plan", "2 to 32 of a-z, 0-9 and -, starting with a letter");
    }
    nonNegative("maxProducts", change.maxProducts());
    nonNegative("maxCardKeys", change.maxCardKeys());
    nonNegative("maxStaff", change.maxStaff());
    if (change.platformFeeBps() != null
        && (change.platformFeeBps() < 0 || change.platformFeeBps() > 10_000)) {
      throw new InvalidSignupException("platformFeeBps", "0 to 10000 (hundredths of a percent)");
    }
    java.util.Set<String> clear =
        change.clearLimits() == null ? java.util.Set.of() : change.clearLimits();
    for (String name : clear) {
      if (!java.util.Set.of("maxProducts", "maxCardKeys", "maxStaff").contains(name)) {
        throw new InvalidSignupException("clearLimits", "unknown limit " + name);
      }
    }
    Plan next =
        new Plan(
            change.plan() == null ? current.plan() : change.plan(),
            clear.contains("maxProducts")
                ? null
                : change.maxProducts() == null ? current.maxProducts() : change.maxProducts(),
            clear.contains("maxCardKeys")
                ? null
                : change.maxCardKeys() == null ? current.maxCardKeys() : change.maxCardKeys(),
            clear.contains("maxStaff")
                ? null
                : change.maxStaff() == null ? current.maxStaff() : change.maxStaff(),
            change.platformFeeBps() == null ? current.platformFeeBps() : change.platformFeeBps());
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.tenant SET plan = ?, max_products = ?, max_card_keys = ?,"
                + " max_staff = ?, platform_fee_bps = ? WHERE id = ?")) {
      update.setString(1, next.plan());
      update.setObject(2, next.maxProducts());
      update.setObject(3, next.maxCardKeys());
      update.setObject(4, next.maxStaff());
      update.setInt(5, next.platformFeeBps());
      update.setObject(6, tenant.value());
      update.executeUpdate();
    }
    String detail =
        new FlatJson()
            .put("plan", next.plan())
            .put("maxProducts", String.valueOf(next.maxProducts()))
            .put("maxCardKeys", String.valueOf(next.maxCardKeys()))
            .put("maxStaff", String.valueOf(next.maxStaff()))
            .put("platformFeeBps", next.platformFeeBps())
            .toString();
    PlatformAudit.record(c, admin, "shop.plan", "shop:" + tenant, detail);
    AuditLog.record(c, tenant, admin, "shop.plan", "shop:" + tenant, detail);
    return Optional.of(next);
  }

  /**
   * Refuses a new product past the plan's limit, in the transaction that creates it.
   *
   * @throws QuotaExceededException if the shop already has as many products as it may
   */
  public static void requireRoomForProduct(Connection c, TenantId tenant) throws SQLException {
    Plan plan = locked(c, tenant);
    if (plan.maxProducts() != null
        && count(c, "SELECT count(*) FROM kameng.product") >= plan.maxProducts()) {
      throw new QuotaExceededException(
          "the shop's plan allows " + plan.maxProducts() + " products");
    }
  }

  /**
   * Refuses a key import when the shop already holds as many card keys as its plan allows; checked
   * when an import starts, so one import may end past the limit by its own size.
   */
  public static void requireRoomForKeys(Connection c, TenantId tenant) throws SQLException {
    Plan plan = locked(c, tenant);
    if (plan.maxCardKeys() != null
        && count(c, "SELECT count(*) FROM kameng.card_key") >= plan.maxCardKeys()) {
      throw new QuotaExceededException(
          "the shop's plan allows " + plan.maxCardKeys() + " card keys");
    }
  }

  /** The plan's staff limit, if any: members and open invitations count against it. */
  public static Optional<Integer> maxStaff(Connection c, TenantId tenant) throws SQLException {
    return of(c, tenant).map(Plan::maxStaff);
  }

  /**
   * The plan, with the shop's row locked against a concurrent addition's check until the caller's
   * transaction ends; NO KEY UPDATE, so orders referencing the shop are not held up.
   */
  private static Plan locked(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement("SELECT 1 FROM kameng.tenant WHERE id = ? FOR NO KEY UPDATE")) {
      lock.setObject(1, tenant.value());
      lock.executeQuery().close();
    }
    return of(c, tenant).orElseThrow();
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql);
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void nonNegative(String field, Number value) {
    if (value != null && value.longValue() < 0) {
      throw new InvalidSignupException(field, "must not be negative");
    }
  }
}
