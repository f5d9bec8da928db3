package org.kameng.server.reseller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.docking.DownstreamResellers;
import org.kameng.kernel.docking.InvalidDockingException;
import org.kameng.kernel.docking.ResellerApiKeys;
import org.kameng.kernel.docking.ResellerBalances;
import org.kameng.kernel.docking.ResellerCatalogue;
import org.kameng.kernel.docking.ResellerNotFoundException;
import org.kameng.kernel.docking.ResellerTopUps;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.Money;
import org.kameng.server.admin.ShopAccess;
import org.kameng.server.admin.ShopRole;

/**
 * The shop's downstream resellers, as its owner sets them up: accounts, API keys, top-ups,
 * wholesale rules by level and what resellers see of stock. Staff may look at the resellers and
 * their balances; everything else is the owner's.
 */
@Path("/shops/{slug}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ResellersAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;
  @Inject ResellerApiKeys keys;

  @PathParam("slug")
  String slug;

  /** An API key's settings when it is issued. */
  public record KeyRequest(Integer ratePerMinute) {}

  /** Money a reseller paid in. */
  public record TopUp(String amount, String note) {}

  /** The balance after a top-up. */
  public record TopUpResult(Money balance) {}

  /** A level's wholesale rule. */
  public record LevelBody(String discountKind, String discountValue) {}

  /** What resellers see of stock: EXACT or BANDED. */
  public record StockDisplay(String stock) {}

  @GET
  @Path("/resellers")
  @Operation(summary = "The shop's downstream resellers with their balances (staff)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public List<DownstreamResellers.Reseller> list() {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    return transactions.inTenant(member.tenant(), DownstreamResellers::list);
  }

  @GET
  @Path("/resellers/{id}")
  @Operation(summary = "One downstream reseller with its balance (staff)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public DownstreamResellers.Reseller get(@PathParam("id") String id) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    UUID reseller = id(id);
    return transactions
        .inTenant(member.tenant(), c -> DownstreamResellers.find(c, reseller))
        .orElseThrow(() -> new ResellerNotFoundException("No such reseller."));
  }

  @POST
  @Path("/resellers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a downstream reseller with an empty balance (owner)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response create(DownstreamResellers.ResellerDraft draft) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    DownstreamResellers.Reseller created =
        transactions.inTenant(
            member.tenant(),
            c -> DownstreamResellers.create(c, member.tenant(), draft, member.username()));
    return Response.status(201).entity(created).build();
  }

  @PUT
  @Path("/resellers/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a reseller's name, level, own discount or status (owner)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public DownstreamResellers.Reseller update(
      @PathParam("id") String id, DownstreamResellers.ResellerDraft draft) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    UUID reseller = id(id);
    return transactions.inTenant(
        member.tenant(),
        c -> DownstreamResellers.update(c, member.tenant(), reseller, draft, member.username()));
  }

  @GET
  @Path("/resellers/{id}/keys")
  @Operation(summary = "A reseller's API keys, never their secrets (owner)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<ResellerApiKeys.KeyView> keys(@PathParam("id") String id) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    UUID reseller = id(id);
    return transactions.inTenant(member.tenant(), c -> ResellerApiKeys.list(c, reseller));
  }

  @POST
  @Path("/resellers/{id}/keys")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Issue an API key pair; the secret is in this answer only (owner)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response issue(@PathParam("id") String id, KeyRequest body) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    UUID reseller = id(id);
    Integer rate = body == null ? null : body.ratePerMinute();
    ResellerApiKeys.IssuedKey issued =
        transactions.inTenant(
            member.tenant(),
            c -> keys.issue(c, member.tenant(), reseller, rate, member.username()));
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.status(201).cacheControl(noStore).entity(issued).build();
  }

  @POST
  @Path("/resellers/{id}/keys/{keyId}/revoke")
  @Operation(summary = "Revoke an API key for good (owner)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response revoke(@PathParam("id") String id, @PathParam("keyId") String keyId) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    UUID reseller = id(id);
    transactions.inTenant(
        member.tenant(),
        c -> {
          ResellerApiKeys.revoke(c, member.tenant(), reseller, keyId, member.username());
          return null;
        });
    return Response.noContent().build();
  }

  @POST
  @Path("/resellers/{id}/top-ups")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record money a reseller paid in: ledger and audit (owner)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response topUp(@PathParam("id") String id, TopUp body) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    UUID reseller = id(id);
    TopUp topUp = required(body);
    Money balance =
        transactions.inTenant(
            member.tenant(),
            c ->
                ResellerBalances.topUp(
                    c, member.tenant(), reseller, topUp.amount(), topUp.note(), member.username()));
    return Response.status(201).entity(new TopUpResult(balance)).build();
  }

  @GET
  @Path("/resellers/{id}/top-ups")
  @Operation(
      summary =
          "The reseller's latest 100 top-ups paid through channels, newest first: pending, paid,"
              + " failed or expired (staff)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public List<ResellerTopUps.ChannelTopUp> topUps(@PathParam("id") String id) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    UUID reseller = id(id);
    return transactions.inTenant(
        member.tenant(),
        c -> {
          if (DownstreamResellers.find(c, reseller).isEmpty()) {
            throw new ResellerNotFoundException("No such reseller.");
          }
          return ResellerTopUps.ofReseller(c, reseller, 100);
        });
  }

  @GET
  @Path("/reseller-levels")
  @Operation(summary = "The wholesale rule of each reseller level (owner)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<DownstreamResellers.LevelRule> levels() {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    return transactions.inTenant(member.tenant(), DownstreamResellers::levelRules);
  }

  @PUT
  @Path("/reseller-levels/{level}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the wholesale rule of a reseller level, 1 to 9 (owner)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public DownstreamResellers.LevelRule setLevel(@PathParam("level") String level, LevelBody body) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    int number;
    try {
      number = Integer.parseInt(level);
    } catch (NumberFormatException e) {
      throw new InvalidDockingException("level", "from 1 to 9");
    }
    LevelBody rule = required(body);
    return transactions.inTenant(
        member.tenant(),
        c ->
            DownstreamResellers.setLevelRule(
                c,
                member.tenant(),
                number,
                rule.discountKind(),
                rule.discountValue(),
                member.username()));
  }

  @GET
  @Path("/reseller-api")
  @Operation(summary = "What the shop's resellers see of stock (owner)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public StockDisplay stockDisplay() {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    return new StockDisplay(
        transactions.inTenant(member.tenant(), ResellerCatalogue::stockDisplay));
  }

  @PUT
  @Path("/reseller-api")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Show resellers exact stock (EXACT) or bands (BANDED) (owner)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public StockDisplay setStockDisplay(StockDisplay body) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    StockDisplay display = required(body);
    return new StockDisplay(
        transactions.inTenant(
            member.tenant(), c -> ResellerCatalogue.setStockDisplay(c, display.stock())));
  }

  private static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ResellerNotFoundException("No such reseller.");
    }
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    return body;
  }
}
