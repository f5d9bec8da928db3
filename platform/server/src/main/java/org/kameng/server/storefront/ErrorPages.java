package org.kameng.server.storefront;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The storefront's error pages: unknown shop, suspended shop, not found, refused, failed. */
final class ErrorPages {

  private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

  private ErrorPages() {}

  /**
   * Writes the theme's error page.
   *
   * @param kind {@code not_found}, {@code unknown_shop}, {@code suspended}, {@code forbidden} or
   *     {@code server}: the locale texts {@code error_<kind>_title} and {@code error_<kind>} say it
   */
  static void write(PageWriter page, int status, String kind, String incident) throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("kind", kind);
    error.put("status", status);
    error.put("title", page.text("error_" + kind + "_title"));
    error.put("message", page.text("error_" + kind));
    error.put("incident", incident == null ? "" : incident);
    page.write(
        status, "error", "error", page.text("error_" + kind + "_title"), Map.of("error", error));
  }

  /** The error page, or, if even that fails (a broken theme), a plain line of text. */
  static void writeOrPlain(
      PageWriter page, HttpServletResponse response, int status, String incident)
      throws IOException {
    try {
      write(page, status, "server", incident);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The error page failed too, incident " + incident, e);
      response.resetBuffer();
      response.setStatus(status);
      response.setContentType("text/plain; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      response
          .getOutputStream()
          .write(
              ("Something went wrong (incident " + incident + ").\n")
                  .getBytes(StandardCharsets.UTF_8));
    }
  }
}
