package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.InvalidSignupException;
import org.kameng.kernel.tenant.Invitations;
import org.kameng.kernel.tenant.QuotaExceededException;
import org.kameng.kernel.tenant.ShopPlan;
import org.kameng.server.identity.Credentials;
import org.kameng.server.signup.KeycloakAdmin;

/**
 * A shop's members: owners and staff. Only owners manage them. Accounts and memberships live in
 * Keycloak (the shop's organisation and its owners and staff groups); someone without an account
 * gets an invitation to accept. A change reaches a member's access with their next token.
 */
@Path("/shops/{slug}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class MembersResource {

  @Inject ShopAccess access;
  @Inject KeycloakAdmin keycloak;
  @Inject Transactions transactions;

  @Inject
  @ConfigProperty(name = "kameng.public.url")
  String publicUrl;

  @PathParam("slug")
  String slug;

  /** A member and their role. */
  public record MemberView(String userId, String email, String name, ShopRole role) {}

  /** The members and the open invitations. */
  public record Team(List<MemberView> members, List<Invitations.Pending> invitations) {}

  /** Whom to add, and as what. */
  public record NewMember(String email, ShopRole role) {}

  /** A new role. */
  public record RoleChange(ShopRole role) {}

  /**
   * What adding someone did: {@code ADDED} an existing account, or {@code INVITED} a new one, with
   * the link to pass on (shown this once).
   */
  public record Added(
      String status, String userId, Invitations.Pending invitation, URI acceptUrl) {}

  @GET
  @Path("/members")
  @Operation(summary = "The shop's owners and staff, and open invitations")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Team team() {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    String org = organization();
    Set<String> owners = keycloak.groupMembers(org, "owners");
    List<MemberView> members =
        keycloak.members(org).stream()
            .map(
                u ->
                    new MemberView(
                        u.id(),
                        u.email(),
                        u.name(),
                        owners.contains(u.id()) ? ShopRole.OWNER : ShopRole.STAFF))
            .toList();
    return new Team(members, transactions.inTenant(owner.tenant(), Invitations::pending));
  }

  @POST
  @Path("/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add an account by email, or invite someone without one")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response add(NewMember body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    String email = Credentials.email(body.email());
    ShopRole role = role(body.role());
    String org = organization();
    requireRoomForStaff(owner, org);
    Optional<String> existing = keycloak.userIdByEmail(email);
    if (existing.isPresent()) {
      keycloak.setMember(org, existing.get(), role == ShopRole.OWNER);
      audit(owner, "member.add", existing.get(), role);
      return Response.status(Response.Status.CREATED)
          .entity(new Added("ADDED", existing.get(), null, null))
          .build();
    }
    Invitations.Issued issued =
        transactions.inTenant(
            owner.tenant(),
            c ->
                Invitations.invite(
                    c,
                    owner.tenant(),
                    email,
                    Invitations.Role.valueOf(role.name()),
                    owner.username()));
    URI accept = URI.create(base() + "invitations/accept#" + issued.token());
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.status(Response.Status.CREATED)
        .cacheControl(noStore)
        .entity(new Added("INVITED", null, issued.invitation(), accept))
        .build();
  }

  @PATCH
  @Path("/members/{userId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Make a member an owner or staff; the last owner stays an owner")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public MemberView changeRole(@PathParam("userId") String userId, RoleChange body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    ShopRole role = role(body == null ? null : body.role());
    String org = organization();
    MemberView member = member(org, userId);
    if (role == ShopRole.STAFF && member.role() == ShopRole.OWNER) {
      requireAnotherOwner(org, userId);
    }
    keycloak.setMember(org, userId, role == ShopRole.OWNER);
    audit(owner, "member.role", userId, role);
    return new MemberView(member.userId(), member.email(), member.name(), role);
  }

  @DELETE
  @Path("/members/{userId}")
  @Operation(summary = "Remove a member from the shop; the last owner cannot be removed")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response remove(@PathParam("userId") String userId) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    String org = organization();
    MemberView member = member(org, userId);
    if (member.role() == ShopRole.OWNER) {
      requireAnotherOwner(org, userId);
    }
    keycloak.removeMember(org, userId);
    audit(owner, "member.remove", userId, member.role());
    return Response.noContent().build();
  }

  @DELETE
  @Path("/invitations/{invitationId}")
  @Operation(summary = "Withdraw an open invitation; its link stops working")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response revoke(@PathParam("invitationId") UUID invitationId) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    boolean revoked =
        transactions.inTenant(
            owner.tenant(),
            c -> Invitations.revoke(c, owner.tenant(), invitationId, owner.username()));
    if (!revoked) {
      throw new NotFoundException("No open invitation with this id.");
    }
    return Response.noContent().build();
  }

  private MemberView member(String org, String userId) {
    Set<String> owners = keycloak.groupMembers(org, "owners");
    return keycloak.members(org).stream()
        .filter(u -> u.id().equals(userId))
        .findFirst()
        .map(
            u ->
                new MemberView(
                    u.id(),
                    u.email(),
                    u.name(),
                    owners.contains(u.id()) ? ShopRole.OWNER : ShopRole.STAFF))
        .orElseThrow(() -> new NotFoundException("No such member of this shop."));
  }

  /** Members and open invitations count against the plan's staff limit. */
  private void requireRoomForStaff(ShopAccess.Member owner, String org) {
    Optional<Integer> max = transactions.platform(c -> ShopPlan.maxStaff(c, owner.tenant()));
    if (max.isEmpty()) {
      return;
    }
    int pending = transactions.inTenant(owner.tenant(), Invitations::pending).size();
    if (keycloak.members(org).size() + pending >= max.get()) {
      throw new QuotaExceededException(
          "the shop's plan allows " + max.get() + " members, invitations included");
    }
  }

  private void requireAnotherOwner(String org, String userId) {
    Set<String> owners = keycloak.groupMembers(org, "owners");
    if (owners.size() <= 1 && owners.contains(userId)) {
      throw new InvalidSignupException("role", "a shop keeps at least one owner");
    }
  }

  private String organization() {
    return keycloak.organizationId(slug).orElseThrow(() -> new NotFoundException("No such shop."));
  }

  private static ShopRole role(ShopRole role) {
    if (role == null) {
      throw new InvalidSignupException("role", "OWNER or STAFF is required");
    }
    return role;
  }

  private void audit(ShopAccess.Member owner, String action, String userId, ShopRole role) {
    transactions.inTenant(
        owner.tenant(),
        c -> {
          AuditLog.record(
              c,
              owner.tenant(),
              owner.username(),
              action,
              "user:" + userId,
              new FlatJson().put("role", role.name().toLowerCase(Locale.ROOT)).toString());
          return null;
        });
  }

  private String base() {
    return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
  }
}
