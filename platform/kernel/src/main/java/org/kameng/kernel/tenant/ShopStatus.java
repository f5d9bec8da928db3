package org.kameng.kernel.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.audit.PlatformAudit;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.text.PlainText;
import org.kameng.plugin.api.TenantId;

/**
 * Platform admins suspend and resume shops. A suspended shop keeps all its data and takes no
 * orders; the change and its reason go into the shop's own audit log.
 */
public final class ShopStatus {

  private ShopStatus() {}

  /**
   * Suspends an active shop, in a transaction of that tenant.
   *
   * @return true if this call suspended it, false if it was not active
   * @throws InvalidSignupException naming {@code reason} if the reason is missing or too long
   */
  public static boolean suspend(Connection c, TenantId tenant, String reason, String admin)
      throws SQLException {
    if (reason == null
        || reason.isBlank()
        || reason.length() > 500
        || !PlainText.isMultiLine(reason)) {
      throw new InvalidSignupException("reason", "between 1 and 500 characters");
    }
    return change(c, tenant, "ACTIVE", "SUSPENDED", reason.strip(), admin);
  }

  /** Resumes a suspended shop; true if this call resumed it. */
  public static boolean resume(Connection c, TenantId tenant, String admin) throws SQLException {
    return change(c, tenant, "SUSPENDED", "ACTIVE", null, admin);
  }

  /** Approves a shop that signed up while sign-ups need approval; true if this call did. */
  public static boolean approve(Connection c, TenantId tenant, String admin) throws SQLException {
    return change(c, tenant, "PENDING", "ACTIVE", null, admin);
  }

  /** Whether a shop with this id exists (a platform-level read). */
  public static boolean exists(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT 1 FROM kameng.tenant WHERE id = ?")) {
      select.setObject(1, tenant.value());
      try (java.sql.ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean change(
      Connection c, TenantId tenant, String from, String to, String reason, String admin)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.tenant SET status = ?, status_reason = ? WHERE id = ? AND status = ?")) {
      update.setString(1, to);
      update.setString(2, reason);
      update.setObject(3, tenant.value());
      update.setString(4, from);
      if (update.executeUpdate() == 0) {
        return false;
      }
    }
    String action =
        to.equals("SUSPENDED")
            ? "shop.suspend"
            : from.equals("PENDING") ? "shop.approve" : "shop.resume";
    String detail = new FlatJson().put("reason", reason == null ? "" : reason).toString();
    AuditLog.record(c, tenant, admin, action, "shop:" + tenant, detail);
    PlatformAudit.record(c, admin, action, "shop:" + tenant, detail);
    return true;
  }
}
