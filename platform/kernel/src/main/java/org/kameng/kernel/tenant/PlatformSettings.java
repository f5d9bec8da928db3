package org.kameng.kernel.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.kameng.kernel.audit.PlatformAudit;
import org.kameng.kernel.json.FlatJson;

/** The platform's own settings that admins change at run time, such as how sign-up works. */
public final class PlatformSettings {

  private static final String SIGNUP_APPROVAL = "signup.approval";

  private PlatformSettings() {}

  /** The settings, as the admin API shows them. */
  public record Settings(boolean signupApproval) {}

  /** The current settings (a platform-level read). */
  public static Settings read(Connection c) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT value FROM kameng.platform_setting WHERE name = ?")) {
      select.setString(1, SIGNUP_APPROVAL);
      try (ResultSet rs = select.executeQuery()) {
        return new Settings(rs.next() && Boolean.parseBoolean(rs.getString(1)));
      }
    }
  }

  /** Whether new shops wait for approval; recorded in the platform audit log. */
  public static Settings setSignupApproval(Connection c, boolean approval, String admin)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO kameng.platform_setting (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()")) {
      upsert.setString(1, SIGNUP_APPROVAL);
      upsert.setString(2, Boolean.toString(approval));
      upsert.executeUpdate();
    }
    PlatformAudit.record(
        c,
        admin,
        "platform.settings",
        "setting:" + SIGNUP_APPROVAL,
        new FlatJson().put("value", Boolean.toString(approval)).toString());
    return read(c);
  }
}
