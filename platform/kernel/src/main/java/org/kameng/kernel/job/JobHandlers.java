package org.kameng.kernel.job;

import java.util.Map;
import java.util.Optional;

/** The handlers a runner knows, by job kind. Immutable. */
public final class JobHandlers {

  private final Map<String, JobHandler> byKind;

  private JobHandlers(Map<String, JobHandler> byKind) {
    this.byKind = Map.copyOf(byKind);
  }

  /** The given handlers, keyed by the job kind each one runs. */
  public static JobHandlers of(Map<String, JobHandler> byKind) {
    return new JobHandlers(byKind);
  }

  /** These handlers and one more, for job kinds whose work lives outside the kernel. */
  public JobHandlers with(String kind, JobHandler handler) {
    java.util.Map<String, JobHandler> more = new java.util.HashMap<>(byKind);
    if (more.putIfAbsent(kind, handler) != null) {
      throw new IllegalArgumentException("a handler for " + kind + " is already registered");
    }
    return new JobHandlers(more);
  }

  /** The handler for {@code kind}, if this runner knows the kind. */
  public Optional<JobHandler> find(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }
}
