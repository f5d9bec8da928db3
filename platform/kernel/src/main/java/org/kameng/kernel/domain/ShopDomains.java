package org.kameng.kernel.domain;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;

/**
 * A shop's custom domains: add, list, remove, mark verified, and the storefront's lookup of the
 * shop a verified host serves. Every method but {@link #shopServing} runs in the caller's
 * transaction of the shop ({@code Transactions.inTenant}); none commits.
 */
public final class ShopDomains {

  /** How many domains one shop may hold, pending ones included. */
  public static final int MAX_PER_SHOP = 10;

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String COLUMNS = "host, status, verification_token, created_at, verified_at";

  private ShopDomains() {}

  /**
   * Adds a domain to the shop, pending, with a fresh verification token.
   *
   * @param platformDomain the platform's own domain, which no shop may add
   * @throws InvalidDomainException if the name is not one a shop may add, or the shop has {@link
   *     #MAX_PER_SHOP} already
   * @throws DomainTakenException if another shop serves it, or this shop added it already
   */
  public static ShopDomain add(
      Connection c, TenantId tenant, String requested, String platformDomain) throws SQLException {
    String host = DomainName.normalise(requested, platformDomain);
    Optional<TenantId> serving = shopServing(c, host);
    if (serving.isPresent() && !serving.get().equals(tenant)) {
      throw new DomainTakenException("another shop already uses " + host);
    }
    if (list(c).size() >= MAX_PER_SHOP) {
      throw new InvalidDomainException(
          DomainName.FIELD, "a shop may have at most " + MAX_PER_SHOP + " domains");
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.shop_domain (tenant_id, host, verification_token)"
                + " VALUES (?, ?, ?) ON CONFLICT (tenant_id, host) DO NOTHING"
                + " RETURNING "
                + COLUMNS)) {
      insert.setObject(1, tenant.value());
      insert.setString(2, host);
      insert.setString(3, newToken());
      try (ResultSet rs = insert.executeQuery()) {
        if (!rs.next()) {
          throw new DomainTakenException("this shop already has " + host);
        }
        return read(rs);
      }
    }
  }

  /** The shop's domains, by name. */
  public static List<ShopDomain> list(Connection c) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM kameng.shop_domain"
                + " WHERE tenant_id = kameng.current_tenant() ORDER BY host")) {
      List<ShopDomain> domains = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          domains.add(read(rs));
        }
      }
      return domains;
    }
  }

  /** One of the shop's domains; {@code host} in any case, with or without a trailing dot. */
  public static Optional<ShopDomain> find(Connection c, String host) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM kameng.shop_domain"
                + " WHERE tenant_id = kameng.current_tenant() AND host = ?")) {
      select.setString(1, lookupForm(host));
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Removes one of the shop's domains; it stops serving the shop at once. True if it existed. */
  public static boolean remove(Connection c, String host) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM kameng.shop_domain"
                + " WHERE tenant_id = kameng.current_tenant() AND host = ?")) {
      delete.setString(1, lookupForm(host));
      return delete.executeUpdate() == 1;
    }
  }

  /**
   * Marks a pending domain verified, provided its token is still {@code token} — the one the check
   * found published; a domain removed and added again meanwhile has a new token and stays pending.
   *
   * @return the domain as it is now, or empty if the shop has no such pending domain with that
   *     token
   * @throws DomainTakenException if another shop got the domain verified first
   */
  public static Optional<ShopDomain> markVerified(Connection c, String host, String token)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.shop_domain SET status = 'VERIFIED', verified_at = now()"
                + " WHERE tenant_id = kameng.current_tenant() AND host = ?"
                + " AND status = 'PENDING' AND verification_token = ?"
                + " RETURNING "
                + COLUMNS)) {
      update.setString(1, lookupForm(host));
      update.setString(2, token);
      try (ResultSet rs = update.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new DomainTakenException("another shop already uses " + lookupForm(host));
      }
      throw e;
    }
  }

  /**
   * The shop a verified host serves (a platform-level read, for the storefront, which has no tenant
   * yet). Pending hosts serve nothing.
   */
  public static Optional<TenantId> shopServing(Connection c, String host) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT kameng.shop_serving_host(?)")) {
      select.setString(1, lookupForm(host));
      try (ResultSet rs = select.executeQuery()) {
        UUID id = rs.next() ? rs.getObject(1, UUID.class) : null;
        return Optional.ofNullable(id).map(TenantId::new);
      }
    }
  }

  // Stored hosts are lower case without a trailing dot; a lookup by any other spelling finds them.
  private static String lookupForm(String host) {
    String lower = host.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  // 256 random bits: nobody can publish a shop's token before the shop was given it.
  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static ShopDomain read(ResultSet rs) throws SQLException {
    return new ShopDomain(
        rs.getString(1),
        DomainStatus.valueOf(rs.getString(2)),
        rs.getString(3),
        rs.getObject(4, OffsetDateTime.class),
        rs.getObject(5, OffsetDateTime.class));
  }
}
