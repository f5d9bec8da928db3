package org.kameng.server.storefront;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.theme.ShopImages;

/**
 * A shop's uploaded images at {@code /assets/shop-images/<slug>/<id>.<ext>}, under the theme
 * assets' path so that a theme's link settings accept the address as they accept a theme asset.
 *
 * <p>On a shop's host (its platform sub-domain or a verified custom domain) only that shop's images
 * answer. On any other host (the platform's own, where the admin app shows a preview of unsaved
 * settings) the slug in the path names the shop. Only an active shop's images are served. An image
 * never changes under its id, so it is cached for a year; it is sent with its stored type (checked
 * from its bytes at upload), nosniff and a policy that runs nothing.
 */
@WebServlet(name = "shop-images", urlPatterns = ShopImageFiles.PATH + "/*")
public class ShopImageFiles extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Where the images are served. */
  public static final String PATH = "/assets/shop-images";

  private static final Pattern FILE =
      Pattern.compile(
          "^/([a-z0-9][a-z0-9-]{1,28}[a-z0-9])/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"
              + "-[0-9a-f]{12})\\.([a-z]{3,4})$");

  @Inject transient ShopHosts hosts;
  @Inject transient Transactions transactions;

  /** The address of a shop's image. */
  public static String path(String slug, UUID id, String extension) {
    return PATH + "/" + slug + "/" + id + "." + extension;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher file = FILE.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!file.matches()) {
      response.sendError(404);
      return;
    }
    String slug = file.group(1);
    Optional<Shop> atHost = hosts.find(request.getHeader("Host"));
    Optional<Shop> shop =
        atHost.isPresent()
            ? atHost.filter(s -> s.slug().equals(slug))
            : hosts.bySlug(slug).filter(Shop::active);
    if (shop.isEmpty() || !shop.get().active()) {
      response.sendError(404);
      return;
    }
    UUID id = UUID.fromString(file.group(2));
    Optional<ShopImages.Content> image =
        transactions.inTenant(shop.get().tenant(), c -> ShopImages.content(c, id));
    if (image.isEmpty() || !image.get().type().extension().equals(file.group(3))) {
      response.sendError(404);
      return;
    }
    byte[] bytes = image.get().bytes();
    response.setContentType(image.get().type().contentType());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
