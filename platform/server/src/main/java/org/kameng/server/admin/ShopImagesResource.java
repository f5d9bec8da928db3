package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.theme.InvalidImageException;
import org.kameng.kernel.theme.ShopImages;
import org.kameng.server.storefront.ShopImageFiles;

/**
 * The shop's storefront images (logo, banner): upload, list, delete. An uploaded image's {@code
 * url} is what a theme's link settings take (a path on the shop's own host); the storefront serves
 * it from there. Owner only, like the theme.
 */
@Path("/shops/{slug}/images")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ShopImagesResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;

  @PathParam("slug")
  String slug;

  /** An image of the shop and the address its storefront serves it at. */
  public record ImageView(
      UUID id, String url, String contentType, int size, OffsetDateTime createdAt) {}

  @GET
  @Operation(summary = "The shop's uploaded storefront images, newest first")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<ImageView> list() {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    return transactions.inTenant(owner.tenant(), ShopImages::list).stream()
        .map(this::view)
        .toList();
  }

  @POST
  @Consumes({"image/png", "image/jpeg", "image/gif", "image/webp", "application/octet-stream"})
  @Operation(
      summary =
          "Upload a storefront image: PNG, JPEG, GIF or WebP (recognised by its content, not the"
              + " type sent), at most 2 MB; the same file again gives the stored image")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response upload(InputStream body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    byte[] bytes = readAtMost(body, ShopImages.MAX_BYTES);
    ShopImages.Image image =
        transactions.inTenant(
            owner.tenant(), c -> ShopImages.store(c, owner.tenant(), bytes, owner.username()));
    return Response.status(Response.Status.CREATED).entity(view(image)).build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete an image; a theme setting still naming it shows nothing there")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response delete(@PathParam("id") UUID id) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    boolean deleted =
        transactions.inTenant(
            owner.tenant(), c -> ShopImages.delete(c, owner.tenant(), id, owner.username()));
    if (!deleted) {
      throw new NotFoundException("No such image in this shop.");
    }
    return Response.noContent().build();
  }

  private ImageView view(ShopImages.Image image) {
    return new ImageView(
        image.id(),
        ShopImageFiles.path(slug, image.id(), image.extension()),
        image.contentType(),
        image.size(),
        image.createdAt());
  }

  // Reads one byte past the limit so that a larger upload is refused without reading it all.
  private static byte[] readAtMost(InputStream body, int limit) {
    if (body == null) {
      throw new InvalidImageException(400, "The upload is empty.");
    }
    try (InputStream in = body) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new InvalidImageException(413, "An image may be at most 2 MB.");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
