package org.kameng.kernel.theme;

/** An upload the shop cannot use as a storefront image; the message says why. */
public final class InvalidImageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public InvalidImageException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** 400 for a file that is not an accepted image, 409 when the shop has too many, 413 too big. */
  public int status() {
    return status;
  }
}
