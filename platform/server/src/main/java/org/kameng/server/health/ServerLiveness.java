package org.kameng.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live means the JVM still has headroom. A database outage is a readiness matter, not a reason for
 * an orchestrator to restart the process.
 */
@Liveness
@ApplicationScoped
public class ServerLiveness implements HealthCheck {

  // Below this share of the maximum heap still free, the instance is treated as wedged.
  private static final double MIN_FREE_HEAP = 0.05;

  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    double free = 1.0 - (double) used / runtime.maxMemory();
    return HealthCheckResponse.named("heap")
        .status(free > MIN_FREE_HEAP)
        .withData("freePercent", Math.round(free * 100))
        .build();
  }
}
