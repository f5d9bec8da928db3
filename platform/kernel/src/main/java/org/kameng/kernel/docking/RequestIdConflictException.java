package org.kameng.kernel.docking;

/** A request id already used for an order with a different body. */
public final class RequestIdConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RequestIdConflictException(String requestId) {
    super("requestId " + requestId + " was already used for a different order");
  }
}
