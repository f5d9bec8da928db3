package org.kameng.server.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;

/**
 * Finds the shop a request is for from its host name: {@code <slug>.<platform domain>}, or a custom
 * domain the shop verified.
 */
@ApplicationScoped
public class ShopHosts {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$");
  // Only a name that could have been stored as a custom domain is worth a database query.
  private static final Pattern CUSTOM_HOST = Pattern.compile("^(?=.*[.])[a-z0-9.-]{4,253}$");

  @Inject Transactions transactions;

  @Inject
  @ConfigProperty(name = "kameng.platform.domain")
  String platformDomain;

  /**
   * The shop at {@code host} (a Host header, possibly with a port).
   *
   * @throws NotFoundException if no shop answers at that address
   */
  public Shop require(String host) {
    return find(host).orElseThrow(() -> new NotFoundException("There is no shop at this address."));
  }

  /**
   * The shop at {@code host}, if any: a platform sub-domain by its slug, any other host only if a
   * shop verified it as its custom domain (a pending domain serves nothing).
   */
  public Optional<Shop> find(String host) {
    String name = hostName(host);
    if (name == null) {
      return Optional.empty();
    }
    String slug = slugOf(name);
    if (slug != null) {
      return select("slug = ?", slug);
    }
    if (!CUSTOM_HOST.matcher(name).matches()) {
      return Optional.empty();
    }
    // The storefront has no tenant yet: one database function may read verified domains across
    // shops, and answers only the shop a host serves.
    return select("id = kameng.shop_serving_host(?)", name);
  }

  private Optional<Shop> select(String condition, String value) {
    return transactions.platform(
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT id, slug, name, status, default_currency FROM kameng.tenant WHERE "
                      + condition)) {
            select.setString(1, value);
            try (ResultSet rs = select.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Shop(
                      new TenantId(rs.getObject(1, UUID.class)),
                      rs.getString(2),
                      rs.getString(3),
                      "ACTIVE".equals(rs.getString(4)),
                      rs.getString(5)));
            }
          }
        });
  }

  /** The shop with this slug, whatever its state (for the admin API's preview). */
  public Optional<Shop> bySlug(String slug) {
    return slug == null ? Optional.empty() : select("slug = ?", slug);
  }

  /** The host name of a Host header: lower case, without port or trailing dot; null if none. */
  static String hostName(String host) {
    if (host == null) {
      return null;
    }
    String name = host.strip().toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > 0 && !name.endsWith("]")) {
      name = name.substring(0, colon);
    }
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name.isEmpty() ? null : name;
  }

  /** The slug of a platform sub-domain ({@code <slug>.<platform domain>}), or null. */
  String slugOf(String name) {
    String suffix = "." + platformDomain.toLowerCase(Locale.ROOT);
    if (!name.endsWith(suffix)) {
      return null;
    }
    String slug = name.substring(0, name.length() - suffix.length());
    return SLUG.matcher(slug).matches() ? slug : null;
  }
}
