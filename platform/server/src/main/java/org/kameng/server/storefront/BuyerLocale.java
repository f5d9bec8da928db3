package org.kameng.server.storefront;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The language a buyer reads the storefront in: the one they picked with the switcher (a cookie),
 * else the first of their browser's {@code Accept-Language} the themes translate, else Chinese.
 */
final class BuyerLocale {

  static final String COOKIE = "kameng_lang";
  static final List<String> SUPPORTED = List.of("zh-CN", "en");

  private BuyerLocale() {}

  /** The locale code to render in, from the switcher's cookie or the Accept-Language header. */
  static String of(HttpServletRequest request) {
    String picked = supported(request.getParameter("lang"));
    if (picked != null) {
      return picked;
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName()) && supported(cookie.getValue()) != null) {
          return supported(cookie.getValue());
        }
      }
    }
    return fromAcceptLanguage(request.getHeader("Accept-Language"));
  }

  /** The supported locale code for {@code value}, or null. */
  static String supported(String value) {
    return value != null && SUPPORTED.contains(value) ? value : null;
  }

  /** The first supported language of an {@code Accept-Language} header, by its weights. */
  static String fromAcceptLanguage(String header) {
    if (header != null && header.length() < 500) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
          String tag = range.getRange().toLowerCase(Locale.ROOT);
          if (tag.startsWith("zh")) {
            return "zh-CN";
          }
          if (tag.startsWith("en")) {
            return "en";
          }
        }
      } catch (IllegalArgumentException e) {
        // A malformed header: the default below.
      }
    }
    return "zh-CN";
  }
}
