package org.kameng.server.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.kernel.inventory.SkuNotFoundException;
import org.kameng.kernel.order.InvalidOrderException;
import org.kameng.kernel.order.InvalidPromotionException;
import org.kameng.kernel.order.OrderLookup;
import org.kameng.kernel.order.OrderLookup.BuyerView;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.kernel.order.ShopClosedException;
import org.kameng.kernel.order.SoldOutException;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.payments.PaymentStarter;
import org.kameng.server.plugins.PluginFailureException;
import org.kameng.server.plugins.ShopPriceRules;
import org.kameng.server.throttle.Throttle;

/**
 * The pages around an order: placing it, handing over to the payment channel, the order page with
 * its keys, and the lookup. The order's token never appears in a URL: the browser keeps it in an
 * HttpOnly cookie set when the order is placed (or looked up by token), and a buyer elsewhere types
 * it, or their email and query password, into the lookup form, which is posted.
 */
@ApplicationScoped
public class OrderPages {

  /** The cookie that holds the buyer's latest order token. */
  static final String ORDER_COOKIE = "kameng_order";

  // A pending order's page reloads itself this often until the payment is in.
  private static final int PENDING_REFRESH_SECONDS = 4;

  @Inject Transactions transactions;
  @Inject CurrentLooks currentLooks;
  @Inject PlaceOrder placeOrder;
  @Inject OrderLookup lookup;
  @Inject PaymentStarter starter;
  @Inject Throttle throttle;
  @Inject CatalogPages catalog;
  @Inject ShopPriceRules priceRules;

  @Inject
  @ConfigProperty(name = "kameng.lookup.per-minute", defaultValue = "20")
  int lookupsPerMinute;

  void placeOrder(
      Shop shop, HttpServletRequest request, HttpServletResponse response, PageWriter page)
      throws IOException {
    if (!PageGuard.sameOrigin(request)) {
      refuse(shop, page);
      return;
    }
    Optional<UUID> skuId = StorefrontPages.uuid(request.getParameter("sku"));
    int quantity = CatalogPages.quantity(request.getParameter("quantity"));
    Map<String, String> form = form(request);
    if (skuId.isEmpty()) {
      catalog.notFound(shop, page);
      return;
    }
    if (!shop.active()) {
      page.forShop(shop, currentLooks.of(shop));
      ErrorPages.write(page, 403, "suspended", null);
      return;
    }
    Optional<UUID> channel = StorefrontPages.uuid(request.getParameter("channel"));
    if (channel.isEmpty()) {
      page.forShop(shop, currentLooks.of(shop));
      catalog.checkoutPage(
          shop,
          skuId.get(),
          quantity,
          form,
          Map.of("channelId", page.text("err_channelId")),
          null,
          400,
          page);
      return;
    }
    PlacedOrder placed;
    try {
      placed =
          placeOrder.place(
              shop.tenant(),
              new OrderRequest(
                  skuId.get(),
                  quantity,
                  form.get("email"),
                  blankToNull(form.get("contact")),
                  blankToNull(request.getParameter("query_password")),
                  nonBlank(StorefrontPages.inputs(request)),
                  blankToNull(form.get("coupon"))),
              channel.get(),
              priceRules.forShop(shop.tenant()));
    } catch (InvalidPromotionException e) {
      page.forShop(shop, currentLooks.of(shop));
      String key = e.unavailable() ? "err_couponCode_unavailable" : "err_couponCode";
      catalog.checkoutPage(
          shop,
          skuId.get(),
          quantity,
          form,
          Map.of("couponCode", page.texts().getOrDefault(key, e.getMessage())),
          null,
          e.unavailable() ? 503 : 422,
          page);
      return;
    } catch (InvalidOrderException e) {
      page.forShop(shop, currentLooks.of(shop));
      String key = e.field().startsWith("inputs.") ? "err_input" : "err_" + e.field();
      String message = page.texts().getOrDefault(key, e.getMessage());
      if (e.field().startsWith("inputs.") && "en".equals(page.locale())) {
        message = e.getMessage();
      }
      catalog.checkoutPage(
          shop,
          skuId.get(),
          quantity,
          form,
          Map.of(e.field(), message),
          fieldless(e.field(), message),
          400,
          page);
      return;
    } catch (SoldOutException | SkuNotFoundException e) {
      page.forShop(shop, currentLooks.of(shop));
      catalog.checkoutPage(
          shop, skuId.get(), quantity, form, Map.of(), page.text("error_sold_out"), 409, page);
      return;
    } catch (ShopClosedException e) {
      page.forShop(shop, currentLooks.of(shop));
      ErrorPages.write(page, 403, "suspended", null);
      return;
    }
    keepToken(request, response, placed.token());
    page.forShop(shop, currentLooks.of(shop));
    Map<String, Object> payment = new LinkedHashMap<>();
    String formTarget = null;
    try {
      PaymentStarter.OpenedPayment opened =
          starter.begin(shop.tenant(), shop.name(), placed.paymentId(), buyer(request));
      PaymentStarter.PaymentAction action = opened.action();
      payment.put("kind", action.kind());
      payment.put("channel", opened.channel());
      payment.put("url", action.url() == null ? "" : action.url().toString());
      payment.put("content", action.content() == null ? "" : action.content());
      payment.put("qr_svg", QrCodes.svg(action.content()));
      List<Map<String, Object>> fields = new ArrayList<>();
      if (action.fields() != null) {
        action.fields().forEach((k, v) -> fields.add(Map.of("name", k, "value", v)));
      }
      payment.put("fields", fields);
      if ("FORM".equals(action.kind()) && action.url() != null) {
        formTarget = origin(action.url());
      }
    } catch (PluginFailureException e) {
      payment.put("kind", "FAILED");
    }
    Map<String, Object> order = new HashMap<>();
    order.put("number", placed.displayNumber());
    order.put("total", PageModels.money(placed.total()));
    order.put("reserved_until", PageModels.when(placed.reservedUntil()));
    page.write(
        200,
        "pay",
        "pay",
        page.text("pay_title"),
        Map.of("order", order, "payment", payment),
        true,
        formTarget,
        0);
  }

  /** The order in the browser's order cookie; pending orders refresh themselves. */
  void order(Shop shop, HttpServletRequest request, HttpServletResponse response, PageWriter page)
      throws IOException {
    String token = cookie(request, ORDER_COOKIE);
    if (token == null) {
      response.setHeader("Cache-Control", "no-store");
      response.sendRedirect("/lookup");
      return;
    }
    String ip = request.getRemoteAddr();
    // A pending page reloads itself every few seconds: a generous budget, but still one.
    if (!throttle.allow(
        new Throttle.Budget("order-page-ip:" + ip, Math.max(60, lookupsPerMinute * 3)),
        new Throttle.Budget("order-page:" + Integer.toHexString(token.hashCode()), 40))) {
      page.forShop(shop, currentLooks.of(shop));
      lookupPage(page, 429, page.text("lookup_throttled"));
      return;
    }
    Optional<BuyerView> found =
        transactions.inTenant(shop.tenant(), c -> lookup.byToken(c, shop.tenant(), token, ip));
    if (found.isEmpty()) {
      forget(request, response);
      response.setHeader("Cache-Control", "no-store");
      response.sendRedirect("/lookup");
      return;
    }
    orderPage(shop, found.get(), token, request, page);
  }

  /**
   * The order page. With the token (the browser's cookie) it also shows the order code and a link
   * that carries the code in its fragment, for the buyer to open the order on another device.
   */
  private void orderPage(
      Shop shop, BuyerView order, String token, HttpServletRequest request, PageWriter page)
      throws IOException {
    page.forShop(shop, currentLooks.of(shop));
    Map<String, Object> model = new HashMap<>(PageModels.order(order, page.texts()));
    model.put("code", token == null ? "" : token);
    model.put(
        "link",
        token == null
            ? ""
            : request.getScheme() + "://" + request.getHeader("Host") + "/lookup#token=" + token);
    boolean pending = "pending".equals(model.get("state"));
    boolean waiting = pending || "paid".equals(model.get("state"));
    page.write(
        200,
        "order",
        "order",
        page.text("order_title"),
        Map.of("order", model),
        true,
        null,
        waiting ? PENDING_REFRESH_SECONDS : 0);
  }

  void lookupForm(Shop shop, PageWriter page) throws IOException {
    page.forShop(shop, currentLooks.of(shop));
    lookupPage(page, 200, null);
  }

  /**
   * A lookup by token (kept in the cookie, then the order page) or by email and query password
   * (shown at once: there is no token to keep). The budgets are the JSON lookup's, shared.
   */
  void lookup(Shop shop, HttpServletRequest request, HttpServletResponse response, PageWriter page)
      throws IOException {
    page.forShop(shop, currentLooks.of(shop));
    if (!PageGuard.sameOrigin(request)) {
      ErrorPages.write(page, 403, "forbidden", null);
      return;
    }
    String token = blankToNull(request.getParameter("token"));
    String email = blankToNull(request.getParameter("email"));
    String password = request.getParameter("query_password");
    String subject = token != null ? "t:" + token : "e:" + email;
    String ip = request.getRemoteAddr();
    if (!throttle.allow(
        new Throttle.Budget("lookup-ip:" + ip, lookupsPerMinute),
        new Throttle.Budget("lookup-subject:" + subject, 10))) {
      lookupPage(page, 429, page.text("lookup_throttled"));
      return;
    }
    String cleanToken = token == null ? null : token.strip();
    Optional<BuyerView> found =
        transactions.inTenant(
            shop.tenant(),
            c ->
                cleanToken != null
                    ? lookup.byToken(c, shop.tenant(), cleanToken, ip)
                    : lookup.byEmailAndPassword(c, shop.tenant(), email, password, ip));
    if (found.isEmpty()) {
      lookupPage(page, 404, page.text("lookup_not_found"));
      return;
    }
    if (cleanToken != null) {
      keepToken(request, response, cleanToken);
      response.setHeader("Cache-Control", "no-store");
      response.sendRedirect("/order");
      return;
    }
    orderPage(shop, found.get(), null, request, page);
  }

  private void lookupPage(PageWriter page, int status, String error) throws IOException {
    Map<String, Object> data = new HashMap<>();
    if (error != null) {
      data.put("error", error);
    }
    data.put("form", Map.of());
    page.write(status, "lookup", "lookup", page.text("lookup_title"), data, true, null, 0);
  }

  private void refuse(Shop shop, PageWriter page) throws IOException {
    page.forShop(shop, currentLooks.of(shop));
    ErrorPages.write(page, 403, "forbidden", null);
  }

  private static Map<String, String> form(HttpServletRequest request) {
    Map<String, String> form = new HashMap<>();
    for (String name : List.of("email", "contact", "coupon", "channel")) {
      String value = request.getParameter(name);
      if (value != null) {
        form.put(name, value.length() > 300 ? value.substring(0, 300) : value);
      }
    }
    StorefrontPages.inputs(request).forEach((k, v) -> form.put("input." + k, v));
    return form;
  }

  private static String fieldless(String field, String message) {
    // Faults with no field on the page (the order's SKU) are said above the button.
    return field.equals("skuId") || field.equals("orderId") ? message : null;
  }

  private static Map<String, String> nonBlank(Map<String, String> inputs) {
    Map<String, String> kept = new LinkedHashMap<>();
    inputs.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            kept.put(k, v.strip());
          }
        });
    return kept;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static PaymentStarter.Buyer buyer(HttpServletRequest request) {
    return new PaymentStarter.Buyer(
        URI.create(request.getScheme() + "://" + request.getHeader("Host") + "/"),
        Optional.ofNullable(request.getRemoteAddr()),
        Devices.of(request.getHeader("User-Agent")));
  }

  private static String origin(URI url) {
    if (url.getScheme() == null || url.getHost() == null) {
      return null;
    }
    String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return null;
    }
    return scheme + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  private static void keepToken(
      HttpServletRequest request, HttpServletResponse response, String token) {
    Cookie cookie = new Cookie(ORDER_COOKIE, token);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure() || "https".equals(request.getHeader("X-Forwarded-Proto")));
    cookie.setMaxAge(30 * 24 * 3600);
    // Lax: the cookie comes along when a payment page links the buyer back, never with a
    // cross-site form post.
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  private static void forget(HttpServletRequest request, HttpServletResponse response) {
    Cookie cookie = new Cookie(ORDER_COOKIE, "");
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setMaxAge(0);
    response.addCookie(cookie);
  }

  static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }
}
