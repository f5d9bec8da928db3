package org.kameng.plugin.api.http;

/**
 * Thrown by {@link OutboundHttp#send} when the host refuses to connect to a destination: a
 * loopback, private, link-local or metadata address, or a scheme or port the operator does not
 * allow. It is not an {@link java.io.IOException} on purpose: retrying cannot help, so a plugin
 * should not catch it as a network failure. It usually means the tenant configured a wrong URL.
 */
public class DestinationRefusedException extends SecurityException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which destination was refused and why, without secrets
   */
  public DestinationRefusedException(String message) {
    super(message);
  }
}
