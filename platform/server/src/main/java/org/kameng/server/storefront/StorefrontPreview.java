package org.kameng.server.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.themes.ShopLooks;

/**
 * Renders a shop's pages in a look that is not saved yet, for the admin API's preview: the shop's
 * real catalog, and a made-up order so the order page can be seen without buying.
 */
@ApplicationScoped
public class StorefrontPreview {

  /** The pages a preview can show. */
  public static final List<String> PAGES = List.of("home", "product", "order", "lookup", "error");

  @Inject CatalogPages catalog;
  @Inject ShopLooks looks;

  /** A rendered preview and the nonce its inline style needs in the Content-Security-Policy. */
  public record Rendered(String html, String nonce) {}

  /** The page {@code page} of the shop in {@code look}. */
  public Rendered render(
      TenantId tenant,
      String slug,
      String name,
      String currency,
      ShopLooks.Look look,
      String page,
      HttpServletRequest request) {
    Shop shop = new Shop(tenant, slug, name, true, currency);
    PageWriter writer = new PageWriter(request, null, looks).forShop(shop, look);
    Map<String, Object> data;
    String template = page;
    switch (page) {
      case "product":
        data = catalog.productPreview(shop).orElse(null);
        if (data == null) {
          template = "home";
          data = catalog.homePreview(shop);
        }
        break;
      case "order":
        Map<String, Object> order = new HashMap<>();
        order.put("number", 10001);
        order.put("state", "delivered");
        order.put("status_label", writer.text("status_delivered"));
        order.put("total", "¥48.50");
        order.put("created_at", "2026-01-01 12:00 (UTC+8)");
        order.put("reserved_until", "");
        order.put("keys", List.of("PREVIEW-0000-1111-2222"));
        order.put("deliveries", List.of());
        data = Map.of("order", order);
        break;
      case "lookup":
        data = Map.of("form", Map.of());
        break;
      case "error":
        data =
            Map.of(
                "error",
                Map.of(
                    "kind",
                    "not_found",
                    "status",
                    404,
                    "title",
                    writer.text("error_not_found_title"),
                    "message",
                    writer.text("error_not_found"),
                    "incident",
                    ""));
        break;
      default:
        template = "home";
        data = catalog.homePreview(shop);
    }
    return new Rendered(writer.render(template, template, "", data, 0), writer.nonce());
  }

  /** The Content-Security-Policy of a preview, the storefront's own. */
  public static String policy(String nonce) {
    return "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-"
        + nonce
        + "'; img-src 'self' https: data:; font-src 'self'; form-action 'none';"
        + " frame-ancestors 'self'; base-uri 'none'";
  }
}
