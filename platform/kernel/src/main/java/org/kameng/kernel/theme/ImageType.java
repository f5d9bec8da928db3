package org.kameng.kernel.theme;

import java.util.Optional;

/**
 * The raster formats a shop may upload, recognised by their first bytes. What the browser says a
 * file is counts for nothing: an HTML or SVG file sent as {@code image/png} is refused, so nothing
 * served from the shop's host as an image can run script.
 */
public enum ImageType {
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp");

  private final String contentType;
  private final String extension;

  ImageType(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The file name extension of the image's address. */
  public String extension() {
    return extension;
  }

  /** The type of these bytes, if they start like one of the accepted formats. */
  public static Optional<ImageType> sniff(byte[] bytes) {
    if (starts(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (starts(bytes, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(bytes, 0, 'G', 'I', 'F', '8', '7', 'a')
        || starts(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return Optional.of(GIF);
    }
    if (starts(bytes, 0, 'R', 'I', 'F', 'F') && starts(bytes, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /** The type stored with this content type. */
  public static Optional<ImageType> ofContentType(String contentType) {
    for (ImageType type : values()) {
      if (type.contentType.equals(contentType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] bytes, int at, int... expected) {
    if (bytes == null || bytes.length < at + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[at + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
