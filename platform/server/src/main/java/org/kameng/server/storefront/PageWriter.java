package org.kameng.server.storefront;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kameng.server.themes.ShopLooks;
import org.kameng.server.themes.Theme;

/**
 * One storefront response: the buyer's locale, the shop's look, the page's nonce, and the data
 * every page shares; renders a page of the theme and writes it with its headers.
 */
final class PageWriter {

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final ShopLooks looks;
  private final String locale;
  private final String nonce = PageGuard.nonce();
  private ShopLooks.Look look;
  private Map<String, Object> shop;

  PageWriter(HttpServletRequest request, HttpServletResponse response, ShopLooks looks) {
    this.request = request;
    this.response = response;
    this.looks = looks;
    this.locale = BuyerLocale.of(request);
    this.look = looks.defaultLook();
    this.shop = shopModel("Kameng", "", false, "CNY");
  }

  /** The shop the page is for and the look it chose. */
  PageWriter forShop(Shop shop, ShopLooks.Look look) {
    this.shop = shopModel(shop.name(), shop.slug(), shop.active(), shop.currency());
    this.look = look;
    return this;
  }

  String locale() {
    return locale;
  }

  Map<String, String> texts() {
    return look.theme().texts(locale);
  }

  String text(String key) {
    return texts().getOrDefault(key, key);
  }

  /** Renders {@code page} with {@code data} and writes it with status and headers. */
  void write(int status, String page, String kind, String title, Map<String, Object> data)
      throws IOException {
    write(status, page, kind, title, data, false, null, 0);
  }

  void write(
      int status,
      String page,
      String kind,
      String title,
      Map<String, Object> data,
      boolean keys,
      String formTarget,
      int refreshSeconds)
      throws IOException {
    respond(
        status,
        render(page, kind, title, data, refreshSeconds).getBytes(StandardCharsets.UTF_8),
        keys,
        formTarget);
  }

  String nonce() {
    return nonce;
  }

  /** The page as HTML, not written anywhere (the admin API's preview returns it). */
  String render(String page, String kind, String title, Map<String, Object> data, int refresh) {
    return render(page, kind, title, data, refresh, nonce);
  }

  /**
   * Whether this response may be a page kept for other buyers ({@link RecentPages}): a plain GET (a
   * HEAD, a form's answer or a redirect target is never kept).
   */
  boolean sharable() {
    return "GET".equals(request.getMethod());
  }

  /** The request's path, as the page's links to itself use it (part of a kept page's key). */
  String path() {
    return request.getRequestURI();
  }

  /** A page any buyer may be shown: rendered with the nonce's mark, to keep (RecentPages). */
  RecentPages.Page renderShared(
      Shop shop, String page, String kind, String title, Map<String, Object> data) {
    return RecentPages.Page.of(shop, render(page, kind, title, data, 0, RecentPages.NONCE_MARK));
  }

  /** Writes a kept page with status 200, this response's nonce and headers. */
  void writeShared(RecentPages.Page page) throws IOException {
    respond(200, page.with(nonce), false, null);
  }

  private String render(
      String page, String kind, String title, Map<String, Object> data, int refresh, String nonce) {
    Theme theme = look.theme();
    Map<String, Object> context = new HashMap<>(data);
    context.put("shop", shop);
    context.put("settings", look.settings());
    context.put(
        "theme",
        Map.of(
            "name",
            theme.name(),
            "assets",
            "/assets/" + theme.name() + "/" + theme.version(),
            "shared",
            "/assets/shared/" + theme.version()));
    context.put("locale", localeModel());
    Map<String, Object> pageModel = new LinkedHashMap<>();
    pageModel.put("kind", kind);
    pageModel.put("title", title == null ? "" : title);
    pageModel.put("nonce", nonce);
    pageModel.put("refresh", refresh);
    pageModel.put("path", request.getRequestURI());
    context.put("page", pageModel);
    return looks.renderer().render(theme, page, locale, context);
  }

  private void respond(int status, byte[] bytes, boolean keys, String formTarget)
      throws IOException {
    if (request.getParameter("lang") != null
        && BuyerLocale.supported(request.getParameter("lang")) != null) {
      Cookie cookie = new Cookie(BuyerLocale.COOKIE, locale);
      cookie.setPath("/");
      cookie.setMaxAge(365 * 24 * 3600);
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }
    PageGuard.headers(response, nonce, formTarget, keys);
    response.setStatus(status);
    response.setContentType("text/html; charset=utf-8");
    response.setContentLength(bytes.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(bytes);
    }
  }

  private Map<String, Object> localeModel() {
    List<Map<String, Object>> choices = new ArrayList<>();
    for (String code : BuyerLocale.SUPPORTED) {
      choices.add(
          Map.of(
              "code",
              code,
              "label",
              code.equals("en") ? "English" : "中文",
              "url",
              // The switcher stays on the page; a page reached by a form post goes home instead.
              ("GET".equals(request.getMethod()) ? request.getRequestURI() : "/") + "?lang=" + code,
              "current",
              code.equals(locale)));
    }
    return Map.of("code", locale, "lang", locale, "choices", choices);
  }

  private static Map<String, Object> shopModel(
      String name, String slug, boolean takingOrders, String currency) {
    Map<String, Object> shop = new LinkedHashMap<>();
    shop.put("name", name);
    shop.put("slug", slug);
    shop.put("taking_orders", takingOrders);
    shop.put("currency", currency);
    shop.put("initial", name.isEmpty() ? "K" : new String(Character.toChars(name.codePointAt(0))));
    return shop;
  }
}
