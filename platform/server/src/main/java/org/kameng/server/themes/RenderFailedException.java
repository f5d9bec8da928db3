package org.kameng.server.themes;

/** A template did not render: it broke a limit or failed. The buyer sees an error page. */
public class RenderFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RenderFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
