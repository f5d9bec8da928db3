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

/** Finds the shop a request is for from its host name: {@code <slug>.<platform domain>}. */
@ApplicationScoped
public class ShopHosts {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$");

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

  /** The shop at {@code host}, if any. */
  public Optional<Shop> find(String host) {
    String slug = slugOf(host);
    if (slug == null) {
      return Optional.empty();
    }
    return transactions.platform(
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT id, name, status, default_currency FROM kameng.tenant WHERE slug = ?")) {
            select.setString(1, slug);
            try (ResultSet rs = select.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Shop(
                      new TenantId(rs.getObject(1, UUID.class)),
                      slug,
                      rs.getString(2),
                      "ACTIVE".equals(rs.getString(3)),
                      rs.getString(4)));
            }
          }
        });
  }

  String slugOf(String host) {
    if (host == null) {
      return null;
    }
    String name = host.toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > 0 && !name.endsWith("]")) {
      name = name.substring(0, colon);
    }
    String suffix = "." + platformDomain.toLowerCase(Locale.ROOT);
    if (!name.endsWith(suffix)) {
      return null;
    }
    String slug = name.substring(0, name.length() - suffix.length());
    return SLUG.matcher(slug).matches() ? slug : null;
  }
}
