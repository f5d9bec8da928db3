package org.kameng.server.adminapp;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;

/**
 * Answers every request under {@code /admin}: the app's files as they are, with caching and a
 * content security policy, and its page for any path that is not a file, so a reloaded or shared
 * deep link ({@code /admin/orders/…}) opens the app at that screen instead of a 404.
 */
@WebFilter("/admin/*")
public class AdminAppFilter extends HttpFilter {

  static final String PAGE = "/admin/index.html";

  @Inject AdminAppConfig config;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("Content-Security-Policy", config.contentSecurityPolicy());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (path.startsWith("/admin/assets/")) {
      // Vite names every asset after a hash of its content: a changed file is a new URL.
      response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      chain.doFilter(request, response);
      return;
    }
    // The page, the config and unhashed files must be asked for again after each deployment.
    response.setHeader("Cache-Control", "no-cache");
    if (path.equals(AdminAppConfigServlet.PATH) || isFile(request, path)) {
      chain.doFilter(request, response);
    } else if (lastSegment(path).contains(".")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } else {
      request.getRequestDispatcher(PAGE).forward(request, response);
    }
  }

  private static boolean isFile(HttpServletRequest request, String path)
      throws MalformedURLException {
    return !path.endsWith("/") && request.getServletContext().getResource(path) != null;
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
