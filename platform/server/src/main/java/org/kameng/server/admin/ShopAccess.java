package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.identity.Memberships;

/**
 * Decides who may act in which shop, in one place. A user acts in a shop only if their access token
 * names them a member of the shop's Keycloak organisation (alias = the shop's slug); membership in
 * the organisation's {@code owners} group makes them an owner.
 */
@RequestScoped
public class ShopAccess {

  @Inject JsonWebToken token;
  @Inject Transactions transactions;

  /** A signed-in member acting in a shop. */
  public record Member(String username, TenantId tenant, String slug, ShopRole role) {}

  /**
   * The caller as a member of the shop {@code slug}, with at least {@code required}.
   *
   * @throws NotFoundException if the caller is no member of such a shop (not 403: an outsider
   *     learns nothing about which shops exist)
   * @throws ForbiddenException if they are a member but their role is too low
   */
  public Member require(String slug, ShopRole required) {
    ShopRole role = membership(slug).orElseThrow(() -> new NotFoundException("No such shop."));
    if (required == ShopRole.OWNER && role != ShopRole.OWNER) {
      throw new ForbiddenException("Only the shop's owner may do this.");
    }
    TenantId tenant = tenantOf(slug).orElseThrow(() -> new NotFoundException("No such shop."));
    return new Member(token.getClaim("preferred_username"), tenant, slug, role);
  }

  private Optional<ShopRole> membership(String slug) {
    Boolean owner = Memberships.of(token).get(slug);
    if (owner == null) {
      return Optional.empty();
    }
    return Optional.of(owner ? ShopRole.OWNER : ShopRole.STAFF);
  }

  private Optional<TenantId> tenantOf(String slug) {
    return transactions.platform(
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT id FROM kameng.tenant WHERE slug = ?")) {
            select.setString(1, slug);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next()
                  ? Optional.of(new TenantId(rs.getObject(1, UUID.class)))
                  : Optional.empty();
            }
          }
        });
  }
}
