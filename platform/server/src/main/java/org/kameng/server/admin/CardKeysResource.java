package org.kameng.server.admin;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.inventory.CardKeyExport;
import org.kameng.kernel.inventory.CardKeyImport;
import org.kameng.kernel.inventory.ImportProgress;
import org.kameng.kernel.inventory.ImportSource;
import org.kameng.kernel.inventory.ImportStatus;
import org.kameng.kernel.inventory.Stock;
import org.kameng.kernel.inventory.StockLevels;
import org.kameng.kernel.inventory.UnsoldKeys;
import org.kameng.kernel.tenancy.Transactions;

/**
 * A SKU's card keys: import (in the background, with progress), stock, export and deletion of
 * unsold keys. Keys never leave except through the owner's audited export.
 */
@Path("/shops/{slug}/skus/{skuId}/keys")
@RequestScoped
@SecurityRequirement(name = "keycloak")
public class CardKeysResource {

  private static final Logger LOG = Logger.getLogger(CardKeysResource.class.getName());

  // An upload larger than this is refused before anything is imported.
  static final long MAX_UPLOAD_BYTES = 256L * 1024 * 1024;

  @Inject ShopAccess access;
  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;

  @Resource(lookup = "concurrent/kameng-imports")
  ManagedExecutorService executor;

  @Context UriInfo uri;

  @PathParam("slug")
  String slug;

  @PathParam("skuId")
  UUID skuId;

  /** Where to follow an import that was accepted. */
  public record ImportAccepted(UUID importId) {}

  @POST
  @Path("/imports")
  @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Import card keys: UTF-8 text, one key or key,note per line (paste or file upload);"
              + " runs in the background, follow it at the Location returned")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public Response startImport(InputStream body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    CardKeyImport importer =
        new CardKeyImport(transactions, dataKeys, executor, 2, CardKeyImport.DEFAULT_BATCH_SIZE);
    java.nio.file.Path upload = receive(body);
    CardKeyImport.Started started;
    try {
      // Checks the SKU and records the run, so its id can be followed from the first poll on.
      started = importer.begin(member.tenant(), skuId);
    } catch (RuntimeException e) {
      deleteQuietly(upload);
      throw e;
    }
    UUID importId = started.importId();
    executor.execute(() -> runImport(importer, started, upload));
    return Response.accepted(new ImportAccepted(importId))
        .location(
            uri.getBaseUriBuilder()
                .path("shops/{slug}/skus/{sku}/keys/imports/{id}")
                .build(slug, skuId, importId))
        .build();
  }

  @GET
  @Path("/imports/{importId}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "An import's progress and, once done, its report")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public ImportStatus importStatus(@PathParam("importId") UUID importId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    return transactions
        .inTenant(member.tenant(), c -> ImportStatus.of(c, importId))
        .filter(status -> status.skuId().equals(skuId))
        .orElseThrow(() -> new NotFoundException("No such import."));
  }

  @GET
  @Path("/stock")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Available, reserved and sold keys of the SKU")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public Stock stock() {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    return new StockLevels(transactions).of(member.tenant(), skuId);
  }

  @GET
  @Path("/export")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "The unsold keys, in the import format (owner only; audited)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response export() {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    StreamingOutput stream =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          new CardKeyExport(transactions, dataKeys)
              .writeUnsold(member.tenant(), skuId, member.username(), writer);
          writer.flush();
        };
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(stream, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
        .cacheControl(noStore)
        .header("Content-Disposition", "attachment; filename=\"unsold-keys-" + skuId + ".txt\"")
        .build();
  }

  /** How many unsold keys were deleted. */
  public record Deleted(long deleted) {}

  @DELETE
  @Path("/unsold")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Delete the SKU's unsold keys; reserved and sold keys stay (owner only)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Deleted deleteUnsold() {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    return new Deleted(
        new UnsoldKeys(transactions).delete(member.tenant(), skuId, member.username()));
  }

  private static java.nio.file.Path receive(InputStream body) {
    try {
      java.nio.file.Path upload = Files.createTempFile("kameng-import-", ".txt");
      try (InputStream in = body) {
        long copied = copyAtMost(in, upload, MAX_UPLOAD_BYTES);
        if (copied > MAX_UPLOAD_BYTES) {
          Files.deleteIfExists(upload);
          throw new WebApplicationException(
              "The upload is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB.", 413);
        }
      }
      return upload;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long copyAtMost(InputStream in, java.nio.file.Path target, long limit)
      throws IOException {
    try (var out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > limit) {
          return total;
        }
        out.write(buffer, 0, n);
      }
      return total;
    }
  }

  private static void runImport(
      CardKeyImport importer, CardKeyImport.Started started, java.nio.file.Path upload) {
    try {
      importer.run(started, ImportSource.file(upload), ImportProgress.ignored());
    } catch (IOException | RuntimeException | LinkageError e) {
      // The run is recorded as FAILED with its committed batches; the client sees it there.
      LOG.log(
          Level.WARNING,
          "card-key import " + started.importId() + " failed: " + e.getClass().getName());
    } finally {
      deleteQuietly(upload);
    }
  }

  private static void deleteQuietly(java.nio.file.Path upload) {
    try {
      Files.deleteIfExists(upload);
    } catch (IOException e) {
      LOG.warning("could not delete the upload " + upload);
    }
  }
}
