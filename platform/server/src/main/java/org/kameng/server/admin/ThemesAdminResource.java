package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.theme.ShopThemes;
import org.kameng.server.storefront.CurrentLooks;
import org.kameng.server.storefront.Shop;
import org.kameng.server.storefront.ShopHosts;
import org.kameng.server.storefront.StorefrontPreview;
import org.kameng.server.themes.InvalidThemeSettingsException;
import org.kameng.server.themes.SettingsCheck;
import org.kameng.server.themes.ShopLooks;
import org.kameng.server.themes.Theme;
import org.kameng.server.themes.ThemeSetting;

/**
 * A shop's storefront theme: which themes there are and what each lets a reseller change, the
 * shop's choice and settings, and a preview of unsaved settings. Members see; only the owner
 * changes or previews. For the tenant-admin app's theme editor (docs/themes/).
 */
@Path("/shops/{slug}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ThemesAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;
  @Inject ShopLooks looks;
  @Inject ShopHosts shops;
  @Inject CurrentLooks currentLooks;
  @Inject StorefrontPreview preview;

  @Context HttpServletRequest request;

  @PathParam("slug")
  String slug;

  /** A theme the platform ships, with the settings it declares (ids, types, bounds, defaults). */
  public record ThemeView(
      String name,
      String version,
      Map<String, String> label,
      Map<String, String> description,
      boolean isDefault,
      List<ThemeSetting> settings) {}

  /**
   * The shop's theme and its effective settings ({@code settings}: every setting, defaults filled
   * in), with what the reseller changed ({@code changed}); {@code version} is 0 until first saved.
   */
  public record ShopThemeView(
      String theme,
      Map<String, Object> settings,
      Map<String, Object> changed,
      long version,
      OffsetDateTime updatedAt,
      String updatedBy) {}

  /** A theme choice: the theme's name and the settings to change (omitted ones use defaults). */
  public record ThemeChoice(String theme, Map<String, Object> settings) {}

  /** A preview: the choice, unsaved, and the page to render ({@link StorefrontPreview#PAGES}). */
  public record PreviewRequest(String theme, Map<String, Object> settings, String page) {}

  @GET
  @Path("/themes")
  @Extension(name = "x-kameng-role", value = "STAFF")
  @Operation(summary = "The storefront themes a shop may choose, with the settings each declares")
  public List<ThemeView> themes() {
    access.require(slug, ShopRole.STAFF);
    List<ThemeView> views = new ArrayList<>();
    for (String name : looks.library().names()) {
      Theme theme = looks.library().theme(name).orElseThrow();
      views.add(
          new ThemeView(
              name,
              theme.version(),
              theme.manifest().label(),
              theme.manifest().description(),
              name.equals(looks.library().names().get(0)),
              theme.manifest().settings()));
    }
    return views;
  }

  @GET
  @Path("/theme")
  @Extension(name = "x-kameng-role", value = "STAFF")
  @Operation(summary = "The shop's theme and settings (defaults filled in), and what was changed")
  public ShopThemeView current() {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    Optional<ShopThemes.Choice> choice =
        transactions.inTenant(member.tenant(), ShopThemes::current);
    ShopLooks.Look look = transactions.inTenant(member.tenant(), looks::of);
    return new ShopThemeView(
        look.theme().name(),
        look.settings(),
        choice.map(c -> ShopLooks.parse(c.settingsJson())).orElse(Map.of()),
        choice.map(ShopThemes.Choice::version).orElse(0L),
        choice.map(ShopThemes.Choice::updatedAt).orElse(null),
        choice.map(ShopThemes.Choice::updatedBy).orElse(null));
  }

  @PUT
  @Path("/theme")
  @Consumes(MediaType.APPLICATION_JSON)
  @Extension(name = "x-kameng-role", value = "OWNER")
  @Operation(
      summary =
          "Choose the shop's theme and change its settings; every setting is checked against the"
              + " theme's declaration, faults are named per field (settings.<id>)")
  public ShopThemeView save(ThemeChoice body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    Theme theme = checkedTheme(body == null ? null : body.theme());
    Map<String, Object> changed = body.settings() == null ? Map.of() : body.settings();
    SettingsCheck.Outcome outcome = SettingsCheck.check(theme.manifest(), changed);
    if (!outcome.valid()) {
      throw new InvalidThemeSettingsException(outcome.faults());
    }
    transactions.inTenant(
        owner.tenant(),
        c ->
            ShopThemes.save(
                c,
                owner.tenant(),
                theme.name(),
                ShopLooks.toJson(withoutNulls(changed)),
                owner.username()));
    // This instance's storefront shows the new look on its next page; others within their
    // cache's age (docs/adr/0011-storefront-themes.md).
    currentLooks.forget(owner.tenant());
    return current();
  }

  @POST
  @Path("/theme/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_HTML)
  @Extension(name = "x-kameng-role", value = "OWNER")
  @Operation(
      summary =
          "A storefront page rendered with a theme and settings that are not saved (home, product,"
              + " order, lookup or error), with the shop's real catalog")
  public Response preview(PreviewRequest body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    Theme theme = checkedTheme(body == null ? null : body.theme());
    String page = body.page() == null ? "home" : body.page();
    if (!StorefrontPreview.PAGES.contains(page)) {
      throw new InvalidThemeSettingsException(
          List.of(new SettingsCheck.Fault("page", "must be one of " + StorefrontPreview.PAGES)));
    }
    SettingsCheck.Outcome outcome = SettingsCheck.check(theme.manifest(), body.settings());
    if (!outcome.valid()) {
      throw new InvalidThemeSettingsException(outcome.faults());
    }
    Shop shop = shops.bySlug(slug).orElseThrow(() -> new BadRequestException("No such shop."));
    StorefrontPreview.Rendered rendered =
        preview.render(
            owner.tenant(),
            shop.slug(),
            shop.name(),
            shop.currency(),
            new ShopLooks.Look(theme, outcome.settings()),
            page,
            request);
    return Response.ok(rendered.html(), "text/html; charset=utf-8")
        .header("Content-Security-Policy", StorefrontPreview.policy(rendered.nonce()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .build();
  }

  private Theme checkedTheme(String name) {
    if (name == null) {
      throw new InvalidThemeSettingsException(
          List.of(new SettingsCheck.Fault("theme", "is required")));
    }
    return looks
        .library()
        .theme(name)
        .orElseThrow(
            () ->
                new InvalidThemeSettingsException(
                    List.of(
                        new SettingsCheck.Fault(
                            "theme", "must be one of " + looks.library().names()))));
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> settings) {
    Map<String, Object> kept = new java.util.LinkedHashMap<>();
    settings.forEach(
        (k, v) -> {
          if (v != null) {
            kept.put(k, v);
          }
        });
    return kept;
  }
}
