package org.kameng.kernel.domain;

/**
 * The domain cannot be this shop's: another shop already serves it, or this shop already added it.
 */
public class DomainTakenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DomainTakenException(String message) {
    super(message);
  }
}
