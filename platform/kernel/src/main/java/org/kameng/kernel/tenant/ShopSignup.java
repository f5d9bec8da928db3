package org.kameng.kernel.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kameng.kernel.text.PlainText;
import org.kameng.plugin.api.TenantId;

/**
 * The kernel's part of a reseller signing up: the rules a new shop's name and address must meet,
 * and opening the shop — its tenant row and the built-in manual payment channel — in one
 * transaction. The new shop has an empty catalogue.
 */
public final class ShopSignup {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{1,28})[a-z0-9]$");

  // Addresses a shop may not take: they name the platform's own hosts or would mislead buyers.
  private static final Set<String> RESERVED =
      Set.of(
          "www",
          "admin",
          "api",
          "app",
          "auth",
          "login",
          "keycloak",
          "mail",
          "smtp",
          "static",
          "assets",
          "cdn",
          "status",
          "help",
          "support",
          "docs",
          "blog",
          "shop",
          "store",
          "platform",
          "kameng",
          "root",
          "system",
          "test",
          "demo",
          "localhost",
          "pay",
          "payment");

  private ShopSignup() {}

  /**
   * Checks a requested shop name and address.
   *
   * @return the normalised slug
   * @throws InvalidSignupException naming {@code shopName} or {@code slug}
   */
  public static String checkShop(String shopName, String slug) {
    if (shopName == null
        || shopName.isBlank()
        || shopName.strip().length() > 100
        || !PlainText.isSingleLine(shopName)) {
      throw new InvalidSignupException(
          "shopName", "between 1 and 100 characters, without control characters");
    }
    String normalised = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
    if (!SLUG.matcher(normalised).matches()) {
      throw new InvalidSignupException(
          "slug",
          "3 to 30 lowercase letters, digits and hyphens, starting and ending with a letter or"
              + " digit");
    }
    if (RESERVED.contains(normalised)) {
      throw new InvalidSignupException("slug", "this address is reserved");
    }
    return normalised;
  }

  /** Whether a shop already has this address (a platform-level read). */
  public static boolean isTaken(Connection c, String slug) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT 1 FROM kameng.tenant WHERE slug = ?")) {
      select.setString(1, slug);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Opens the shop in the caller's transaction, which must run in the new tenant ({@code
   * Transactions.inTenant(tenant, ...)}): the tenant row, then the manual payment channel.
   *
   * @throws SlugTakenException if another shop took the address meanwhile
   */
  public static void open(Connection c, TenantId tenant, String slug, String shopName)
      throws SQLException {
    open(c, tenant, slug, shopName, TenantStatus.ACTIVE);
  }

  /**
   * {@link #open(Connection, TenantId, String, String)} in a given state: {@code PENDING} when the
   * platform approves sign-ups.
   */
  public static void open(
      Connection c, TenantId tenant, String slug, String shopName, TenantStatus status)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.tenant (id, slug, name, status) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (slug) DO NOTHING")) {
      insert.setObject(1, tenant.value());
      insert.setString(2, slug);
      insert.setString(3, shopName.strip());
      insert.setString(4, status.name());
      if (insert.executeUpdate() == 0) {
        throw new SlugTakenException(slug);
      }
    }
    try (PreparedStatement channel =
        c.prepareStatement(
            "INSERT INTO kameng.channel_config (tenant_id, id, channel, name)"
                + " VALUES (?, ?, 'manual', 'Pay the shop directly (staff confirms)')")) {
      channel.setObject(1, tenant.value());
      channel.setObject(2, UUID.randomUUID());
      channel.executeUpdate();
    }
  }
}
