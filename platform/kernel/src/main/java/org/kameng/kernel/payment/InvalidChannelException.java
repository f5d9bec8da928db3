package org.kameng.kernel.payment;

import java.util.List;
import org.kameng.kernel.settings.InvalidSettingsException;

/**
 * A channel configuration is wrong in ways its owner can fix; {@link #faults()} names each field at
 * fault, for example {@code settings.gatewayUrl}. Nothing was written.
 */
public class InvalidChannelException extends InvalidSettingsException {

  private static final long serialVersionUID = 1L;

  public InvalidChannelException(List<Fault> faults) {
    super(faults);
  }

  public InvalidChannelException(String field, String message) {
    super(field, message);
  }
}
