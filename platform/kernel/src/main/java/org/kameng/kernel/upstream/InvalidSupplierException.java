package org.kameng.kernel.upstream;

import java.util.List;
import java.util.Objects;

/**
 * A supplier configuration, link or import is wrong in ways its owner can fix; {@link #faults()}
 * names each field at fault, for example {@code settings.gatewayUrl}. Nothing was written.
 */
public class InvalidSupplierException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** One field at fault, with what is wrong; never the field's value, which may be a secret. */
  public record Fault(String field, String message) {
    public Fault {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }
  }

  private final transient List<Fault> faults;

  public InvalidSupplierException(List<Fault> faults) {
    super(summary(faults));
    this.faults = List.copyOf(faults);
  }

  public InvalidSupplierException(String field, String message) {
    this(List.of(new Fault(field, message)));
  }

  /** The fields at fault, at least one. */
  public List<Fault> faults() {
    return faults;
  }

  private static String summary(List<Fault> faults) {
    if (faults.isEmpty()) {
      throw new IllegalArgumentException("an invalid supplier request has at least one fault");
    }
    Fault first = faults.get(0);
    return first.field()
        + ": "
        + first.message()
        + (faults.size() > 1 ? " (and " + (faults.size() - 1) + " more)" : "");
  }
}
