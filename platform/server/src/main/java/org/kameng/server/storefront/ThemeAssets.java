package org.kameng.server.storefront;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.kameng.server.themes.ShopLooks;
import org.kameng.server.themes.Theme;

/**
 * The themes' static files: {@code /assets/<theme>/<version>/<file>}, and the storefront script at
 * {@code /assets/shared/<version>/storefront.js}. The version in the path is the theme's digest, so
 * a file of the current version may be cached for good.
 */
@WebServlet(name = "theme-assets", urlPatterns = "/assets/*")
public class ThemeAssets extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient ShopLooks looks;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] parts =
        request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
    // "", theme, version, file
    if (parts.length != 4 || !parts[3].matches("[A-Za-z0-9_-]{1,60}\\.[a-z0-9]{1,5}")) {
      response.sendError(404);
      return;
    }
    String version = parts[2];
    Optional<Theme.Asset> asset;
    boolean current;
    if (parts[1].equals("shared")) {
      asset = looks.library().shared(parts[3]);
      current = true;
    } else {
      Optional<Theme> theme = looks.library().theme(parts[1]);
      asset = theme.flatMap(t -> t.asset(parts[3]));
      current = theme.isPresent() && theme.get().version().equals(version);
    }
    if (asset.isEmpty()) {
      response.sendError(404);
      return;
    }
    response.setContentType(asset.get().contentType());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(
        "Cache-Control", current ? "public, max-age=31536000, immutable" : "public, max-age=300");
    response.setContentLength(asset.get().bytes().length);
    response.getOutputStream().write(asset.get().bytes());
  }
}
