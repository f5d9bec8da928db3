package org.kameng.server.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
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
 *
 * <p>Pages a buyer reads at a platform sub-domain use an answer up to {@code
 * kameng.storefront.cache-seconds} (5) old (docs/adr/0011-storefront-themes.md, "Speed"): a shop
 * suspended on another instance shows there within that time. Custom domains, and hosts no shop
 * answers, are read every time. A suspended shop still takes no order from the moment it is
 * suspended: the order's own transaction reads the shop's status, and opening a payment for an
 * existing order reads the shop again ({@link #requireNow}); the instance that suspends a shop
 * forgets its answers at once.
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

  @Inject
  @ConfigProperty(name = "kameng.storefront.cache-seconds", defaultValue = "5")
  int cacheSeconds;

  private volatile RecentlyRead<String, Optional<Shop>> recent;

  private RecentlyRead<String, Optional<Shop>> recent() {
    RecentlyRead<String, Optional<Shop>> cache = recent;
    if (cache == null) {
      cache = new RecentlyRead<>(Duration.ofSeconds(Math.max(0, cacheSeconds)), 10_000);
      recent = cache;
    }
    return cache;
  }

  /**
   * The shop at {@code host} (a Host header, possibly with a port).
   *
   * @throws NotFoundException if no shop answers at that address
   */
  public Shop require(String host) {
    return find(host).orElseThrow(() -> new NotFoundException("There is no shop at this address."));
  }

  /**
   * The shop at {@code host} as the database says now, for taking orders.
   *
   * @throws NotFoundException if no shop answers at that address
   */
  public Shop requireNow(String host) {
    return findNow(host)
        .orElseThrow(() -> new NotFoundException("There is no shop at this address."));
  }

  /**
   * The shop at {@code host}, if any, as read at most {@code kameng.storefront.cache-seconds} ago:
   * for pages a buyer reads.
   */
  public Optional<Shop> find(String host) {
    String name = hostName(host);
    if (name == null || slugOf(name) == null) {
      // Custom domains are read every time: a removed or lapsed domain stops serving at once.
      return Optional.ofNullable(name).flatMap(this::read);
    }
    // Only shops found are kept: a shop that just signed up is served at once.
    return recent().get(name, this::read, Optional::isPresent);
  }

  /**
   * The shop at {@code host}, if any, read now: a platform sub-domain by its slug, any other host
   * only if a shop verified it as its custom domain (a pending domain serves nothing).
   */
  public Optional<Shop> findNow(String host) {
    String name = hostName(host);
    Optional<Shop> shop = name == null ? Optional.empty() : read(name);
    shop.ifPresent(s -> forget(s.tenant()));
    return shop;
  }

  /** Forgets what this instance read about {@code tenant}'s hosts (its status changed). */
  public void forget(TenantId tenant) {
    recent().forget(s -> s.isPresent() && s.get().tenant().equals(tenant));
  }

  private Optional<Shop> read(String name) {
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
