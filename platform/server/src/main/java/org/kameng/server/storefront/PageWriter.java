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
    respond(status, render(page, kind, title, data, refreshSeconds), keys, formTarget);
  }

  String nonce() {
    return nonce;
  }

  /** The page as HTML, not written anywhere (the admin API's preview returns it). */
  String render(String page, String kind, String title, Map<String, Object> data, int refresh) {
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

  private void respond(int status, String html, boolean keys, String formTarget)
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
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
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
