package org.kameng.kernel.inventory;

/**
 * An import that cannot start: the SKU sells no card keys, or the input is not text this import
 * reads. Thrown before anything is written.
 */
public class InvalidImportException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidImportException(String message) {
    super(message);
  }
}
