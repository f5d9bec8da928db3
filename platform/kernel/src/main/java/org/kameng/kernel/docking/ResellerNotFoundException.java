package org.kameng.kernel.docking;

/** No such downstream reseller, API key or reseller order in this shop. */
public final class ResellerNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ResellerNotFoundException(String message) {
    super(message);
  }
}
