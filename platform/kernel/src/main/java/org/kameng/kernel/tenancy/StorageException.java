package org.kameng.kernel.tenancy;

/** The database failed in a way the caller cannot fix by changing its input. */
public class StorageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
