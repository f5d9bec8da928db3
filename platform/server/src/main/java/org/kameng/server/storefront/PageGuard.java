package org.kameng.server.storefront;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * What keeps storefront pages safe in the browser: the security headers of every page, and the
 * check that a form was posted from the shop's own pages (docs/adr/0011-storefront-themes.md).
 */
final class PageGuard {

  // One generator per request thread: the shared default (NativePRNG) takes a lock and a read of
  // /dev/urandom for every nonce, and under load request threads queued on that lock (P4 profile,
  // bench/RESULTS.md). Each DRBG seeds itself from the system's entropy source.
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(PageGuard::newRandom);

  private PageGuard() {}

  /** A fresh nonce for the page's one inline style element. */
  static String nonce() {
    byte[] bytes = new byte[16];
    RANDOM.get().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /**
   * The page's headers. Scripts only from the shop's origin (none inline), styles from it and the
   * one inline element carrying the nonce, forms only to the shop (and to a payment provider's form
   * when the page hands over to one), never framed, referrers only to the shop itself.
   *
   * @param formTarget the origin of a payment provider's form on this page, or null
   * @param keys whether the page may show card keys or an order: nothing may store it then
   */
  static void headers(HttpServletResponse response, String nonce, String formTarget, boolean keys) {
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-"
            + nonce
            + "'; img-src 'self' https: data:; font-src 'self'; connect-src 'self';"
            + " form-action 'self'"
            + (formTarget == null ? "" : " " + formTarget)
            + "; frame-ancestors 'none'; base-uri 'none'");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    response.setHeader("Vary", "Accept-Language, Cookie");
    response.setHeader(
        "Cache-Control", keys ? "no-store, no-cache, private, max-age=0" : "private, no-cache");
    if (keys) {
      response.setHeader("Pragma", "no-cache");
    }
  }

  /**
   * Whether a form post came from a page of this host: its {@code Origin} (or, where a browser sent
   * none, its {@code Referer}) names the host the request was sent to. A page of another site
   * cannot forge either header in a browser. Hosts only, not schemes: behind the TLS-terminating
   * proxy the server sees http while the browser says https.
   */
  static boolean sameOrigin(HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host == null) {
      return false;
    }
    String source = request.getHeader("Origin");
    if (source == null || source.equals("null")) {
      source = request.getHeader("Referer");
    }
    if (source == null) {
      return false;
    }
    try {
      URI uri = new URI(source);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return false;
      }
      String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT))
          || uri.getPort() < 0 && defaultPort(host, uri.getScheme(), uri.getHost());
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  // "shop.example:443" sent by a client for an https origin without a port.
  private static boolean defaultPort(String host, String scheme, String originHost) {
    String expected = originHost + ("https".equals(scheme) ? ":443" : ":80");
    return expected.equalsIgnoreCase(host.strip());
  }
}
