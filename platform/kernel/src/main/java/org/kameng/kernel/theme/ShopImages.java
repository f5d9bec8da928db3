package org.kameng.kernel.theme;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.TenantId;

/**
 * The current tenant's uploaded storefront images (logo, banner). Stored in the database with the
 * shop's other data (row-level security, backups, no shared disk between instances); small enough
 * for that by the size limit. An image is immutable under its id.
 */
public final class ShopImages {

  /** The largest image accepted, in bytes. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  /** How many images one shop may keep. */
  public static final int MAX_PER_SHOP = 50;

  private ShopImages() {}

  /** An image as the admin API lists it. */
  public record Image(
      UUID id, String contentType, String extension, int size, OffsetDateTime createdAt) {}

  /** An image's bytes, for serving. */
  public record Content(ImageType type, byte[] bytes) {}

  /**
   * Stores an upload after checking it is an accepted image; the same bytes uploaded again give the
   * image already stored.
   *
   * @throws InvalidImageException if the bytes are empty, too many, not an accepted format, or the
   *     shop has {@link #MAX_PER_SHOP} images already
   */
  public static Image store(Connection c, TenantId tenant, byte[] bytes, String actor)
      throws SQLException {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidImageException(400, "The upload is empty.");
    }
    if (bytes.length > MAX_BYTES) {
      throw new InvalidImageException(413, "An image may be at most 2 MB.");
    }
    ImageType type =
        ImageType.sniff(bytes)
            .orElseThrow(
                () ->
                    new InvalidImageException(
                        400, "The file is not a PNG, JPEG, GIF or WebP image."));
    String sha = sha256(bytes);
    Optional<Image> same = select(c, "sha256 = ?", sha).stream().findFirst();
    if (same.isPresent()) {
      return same.get();
    }
    // Serialises this shop's uploads, so two at once cannot both pass the count below.
    try (PreparedStatement lock =
        c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
      lock.setString(1, "shop_image:" + tenant.value());
      lock.executeQuery().close();
    }
    if (count(c) >= MAX_PER_SHOP) {
      throw new InvalidImageException(
          409, "The shop has " + MAX_PER_SHOP + " images; delete one it no longer uses first.");
    }
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.shop_image (tenant_id, id, content_type, bytes, sha256, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, sha256) DO NOTHING")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.setString(3, type.contentType());
      insert.setBytes(4, bytes);
      insert.setString(5, sha);
      insert.setString(6, actor);
      insert.executeUpdate();
    }
    Image stored = select(c, "sha256 = ?", sha).stream().findFirst().orElseThrow();
    if (stored.id().equals(id)) {
      AuditLog.record(
          c,
          tenant,
          actor,
          "storefront.image.upload",
          id.toString(),
          new FlatJson()
              .put("contentType", type.contentType())
              .put("size", bytes.length)
              .put("sha256", sha)
              .toString());
    }
    return stored;
  }

  /** The shop's images, newest first. */
  public static List<Image> list(Connection c) throws SQLException {
    return select(c, "true", null);
  }

  /** An image's bytes, if the current tenant has an image with this id. */
  public static Optional<Content> content(Connection c, UUID id) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT content_type, bytes FROM kameng.shop_image WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Content(ImageType.ofContentType(rs.getString(1)).orElseThrow(), rs.getBytes(2)));
      }
    }
  }

  /** Deletes an image; false if the shop has none with this id. */
  public static boolean delete(Connection c, TenantId tenant, UUID id, String actor)
      throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM kameng.shop_image WHERE id = ?")) {
      delete.setObject(1, id);
      if (delete.executeUpdate() == 0) {
        return false;
      }
    }
    AuditLog.record(c, tenant, actor, "storefront.image.delete", id.toString(), "{}");
    return true;
  }

  private static int count(Connection c) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM kameng.shop_image");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<Image> select(Connection c, String where, String parameter)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, content_type, octet_length(bytes), created_at FROM kameng.shop_image"
                + " WHERE "
                + where
                + " ORDER BY created_at DESC, id")) {
      if (parameter != null) {
        select.setString(1, parameter);
      }
      List<Image> images = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ImageType type = ImageType.ofContentType(rs.getString(2)).orElseThrow();
          images.add(
              new Image(
                  rs.getObject(1, UUID.class),
                  type.contentType(),
                  type.extension(),
                  rs.getInt(3),
                  rs.getObject(4, OffsetDateTime.class)));
        }
      }
      return images;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
