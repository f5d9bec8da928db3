package org.kameng.kernel.crypto;

/** A sealed value failed authentication: wrong key, wrong tenant or altered bytes. */
public class TamperedSecretException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TamperedSecretException(String message) {
    super(message);
  }
}
