package org.kameng.server.plugins;

/**
 * A plugin call failed: it threw, ran past its time limit, returned nothing usable, or its circuit
 * is open after repeated failures. Only the one operation fails; the caller answers with {@link
 * #status()} and a message that names the channel and the operation but never plugin internals.
 */
public class PluginFailureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public PluginFailureException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** 502 when the plugin failed, 503 when its circuit is open, 504 when it ran out of time. */
  public int status() {
    return status;
  }
}
