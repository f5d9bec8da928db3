package org.kameng.server.plugins;

/** An uploaded plugin archive cannot be installed; the message says why, for the admin. */
public class InvalidPluginException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InvalidPluginException(String message) {
    super(message);
  }
}
