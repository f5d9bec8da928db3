package org.kameng.host.http;

import java.io.IOException;

/** A response body exceeded the operator's limit; the client stopped reading and closed. */
public final class ResponseTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Names the limit, nothing of the body. */
  public ResponseTooLargeException(int limit) {
    super("response body larger than the limit of " + limit + " bytes");
  }
}
