package org.kameng.server.themes;

import java.time.Duration;

/**
 * What one page render may cost at most, so that a broken or hostile template cannot stall the
 * server: wall time, characters written, loop iterations, and the size of a template's source.
 */
public record RenderLimits(
    Duration time, int outputChars, int iterations, int templateBytes, int snippetDepth) {

  /** Generous for any real shop page (a 1,000-product home page renders in a few milliseconds). */
  public static final RenderLimits DEFAULT =
      new RenderLimits(Duration.ofMillis(1500), 2_000_000, 50_000, 256 * 1024, 8);
}
