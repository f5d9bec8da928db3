package org.kameng.server.storefront;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kameng.server.themes.ShopLooks;

/**
 * The storefront's HTML pages, at the root of each shop's host
 * (docs/adr/0011-storefront-themes.md): {@code /} home, {@code /c/<id>} category, {@code /p/<id>}
 * product, {@code /checkout}, {@code /order}, {@code /lookup}; and the not-found page of the whole
 * host. The pages call the same kernel use cases as the JSON API under {@code /api/public}; every
 * failure ends in a themed error page, never a stack trace.
 */
@WebServlet(
    name = "storefront",
    urlPatterns = {
      "",
      "/c/*",
      "/p/*",
      "/checkout",
      "/order",
      "/orders/paid",
      "/lookup",
      StorefrontPages.NOT_FOUND
    })
public class StorefrontPages extends HttpServlet {

  /** Where web.xml sends every 404 of the host: a page for browsers, a problem for the rest. */
  static final String NOT_FOUND = "/storefront-not-found";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(StorefrontPages.class.getName());

  @Inject transient ShopHosts shops;
  @Inject transient ShopLooks looks;
  @Inject transient CatalogPages catalog;
  @Inject transient OrderPages orders;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    handle(request, response, false);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    handle(request, response, true);
  }

  private void handle(HttpServletRequest request, HttpServletResponse response, boolean post)
      throws IOException {
    request.setCharacterEncoding("UTF-8");
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (NOT_FOUND.equals(request.getServletPath()) && !acceptsHtml(request)) {
      problem(response);
      return;
    }
    PageWriter page = new PageWriter(request, response, looks);
    try {
      // Reading pages may use an answer a few seconds old; a posted form (an order, a lookup)
      // reads the shop now, so a suspended shop takes no order from the moment it is suspended.
      String host = request.getHeader("Host");
      Optional<Shop> shop = post ? shops.findNow(host) : shops.find(host);
      if (shop.isEmpty()) {
        ErrorPages.write(page, 404, "unknown_shop", null);
        return;
      }
      route(path, post, shop.get(), request, response, page);
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Storefront page failed, incident " + incident, e);
      if (!response.isCommitted()) {
        response.resetBuffer();
        ErrorPages.writeOrPlain(page, response, 500, incident);
      }
    }
  }

  private void route(
      String path,
      boolean post,
      Shop shop,
      HttpServletRequest request,
      HttpServletResponse response,
      PageWriter page)
      throws IOException {
    if (path.equals("") || path.equals("/")) {
      if (!post) {
        catalog.home(shop, null, page);
        return;
      }
    } else if (path.startsWith("/c/") && !post) {
      Optional<UUID> id = uuid(path.substring(3));
      if (id.isPresent()) {
        catalog.home(shop, id.get(), page);
        return;
      }
    } else if (path.startsWith("/p/") && !post) {
      Optional<UUID> id = uuid(path.substring(3));
      if (id.isPresent()) {
        catalog.product(shop, id.get(), request, page);
        return;
      }
    } else if (path.equals("/checkout")) {
      if (post) {
        orders.placeOrder(shop, request, response, page);
      } else {
        catalog.checkout(shop, request, response, page);
      }
      return;
    } else if (path.equals("/order") && !post) {
      orders.order(shop, request, response, page);
      return;
    } else if (path.equals("/orders/paid") && !post) {
      // Where payment pages send the buyer back: the browser's order cookie says which order.
      response.setHeader("Cache-Control", "no-store");
      response.sendRedirect("/order");
      return;
    } else if (path.equals("/lookup")) {
      if (post) {
        orders.lookup(shop, request, response, page);
      } else {
        orders.lookupForm(shop, page);
      }
      return;
    }
    catalog.notFound(shop, page);
  }

  static Optional<UUID> uuid(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean acceptsHtml(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  private static void problem(HttpServletResponse response) throws IOException {
    response.setStatus(404);
    response.setContentType("application/problem+json");
    response
        .getOutputStream()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Nothing is at this address.\",\"errors\":[]}"
                .getBytes(StandardCharsets.UTF_8));
  }

  /** Form fields as the kernel reads them: {@code input.<name>} become the order's inputs. */
  static Map<String, String> inputs(HttpServletRequest request) {
    Map<String, String> inputs = new java.util.LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (name.startsWith("input.") && values.length > 0) {
                inputs.put(name.substring(6), values[0]);
              }
            });
    return inputs;
  }
}
