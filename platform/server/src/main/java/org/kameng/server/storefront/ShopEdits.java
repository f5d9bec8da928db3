package org.kameng.server.storefront;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Forgets a shop's kept storefront pages ({@link RecentPages}) on this instance when its admin API
 * changed something: any request under {@code /api/shops/<slug>/} other than a read (failed ones
 * too: a refused change may have committed part of its work). Catalog, prices, stock, channels,
 * theme: the reseller who changes them sees the change on the next page served by this instance,
 * without every resource having to say what it touched. Other instances, and changes made elsewhere
 * (sales, imports, jobs), show within the pages' age bound.
 */
// Async-capable, or no resource under it could go asynchronous; for one that does, the pages are
// forgotten when the chain returns, perhaps before its change commits (then the 5 s bound holds).
@WebFilter(urlPatterns = "/api/shops/*", asyncSupported = true)
public class ShopEdits extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient RecentPages pages;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      String method = request.getMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
        String slug = slugOf(request.getRequestURI().substring(request.getContextPath().length()));
        if (slug != null) {
          pages.forget(slug);
        }
      }
    }
  }

  /** The shop's slug in {@code /api/shops/<slug>/...}, or null. */
  static String slugOf(String path) {
    String prefix = "/api/shops/";
    if (!path.startsWith(prefix)) {
      return null;
    }
    int end = path.indexOf('/', prefix.length());
    String slug = end < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), end);
    return slug.isEmpty() ? null : slug;
  }
}
