package org.kameng.kernel.theme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.kameng.plugin.api.TenantId;

/**
 * The current tenant's choice of storefront theme and the settings its reseller changed. The kernel
 * stores them as given: what a theme's settings may be is the theme's own declaration, which the
 * server reads and checks before it calls {@link #save}.
 */
public final class ShopThemes {

  private ShopThemes() {}

  /**
   * A shop's theme choice.
   *
   * @param theme the theme's folder name
   * @param settingsJson the changed settings, a JSON object
   * @param version increases with every save
   */
  public record Choice(
      String theme,
      String settingsJson,
      long version,
      OffsetDateTime updatedAt,
      String updatedBy) {}

  /** The current tenant's choice, or empty if the shop never chose (the default theme applies). */
  public static Optional<Choice> current(Connection c) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT theme, settings::text, version, updated_at, updated_by"
                    + " FROM kameng.shop_theme");
        ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new Choice(
              rs.getString(1),
              rs.getString(2),
              rs.getLong(3),
              rs.getObject(4, OffsetDateTime.class),
              rs.getString(5)));
    }
  }

  /** Stores the shop's theme and settings, replacing what was there; returns the new choice. */
  public static Choice save(
      Connection c, TenantId tenant, String theme, String settingsJson, String by)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            """
            INSERT INTO kameng.shop_theme (tenant_id, theme, settings, updated_by)
            VALUES (?, ?, ?::jsonb, ?)
            ON CONFLICT (tenant_id) DO UPDATE
               SET theme = EXCLUDED.theme, settings = EXCLUDED.settings,
                   updated_by = EXCLUDED.updated_by, updated_at = now(),
                   version = kameng.shop_theme.version + 1
            RETURNING theme, settings::text, version, updated_at, updated_by
            """)) {
      upsert.setObject(1, tenant.value());
      upsert.setString(2, theme);
      upsert.setString(3, settingsJson);
      upsert.setString(4, by);
      try (ResultSet rs = upsert.executeQuery()) {
        rs.next();
        return new Choice(
            rs.getString(1),
            rs.getString(2),
            rs.getLong(3),
            rs.getObject(4, OffsetDateTime.class),
            rs.getString(5));
      }
    }
  }
}
