package org.kameng.plugin.api.supplier;

import java.util.Objects;

/** How much of an item the upstream has, as precisely as it says. */
public sealed interface UpstreamStock {

  /**
   * The upstream states a count.
   *
   * @param count the units available, not negative
   */
  record Exact(long count) implements UpstreamStock {
    /** Refuses a negative count. */
    public Exact {
      if (count < 0) {
        throw new IllegalArgumentException("stock count must not be negative: " + count);
      }
    }
  }

  /**
   * The upstream states only a band (many upstreams show "plenty" or "few").
   *
   * @param band the band
   */
  record Banded(Band band) implements UpstreamStock {
    /** Refuses a missing band. */
    public Banded {
      Objects.requireNonNull(band, "band");
    }
  }

  /** The bands an upstream may state. */
  enum Band {
    /** None left; the host closes the local item. */
    OUT,
    /** A few left. */
    LOW,
    /** Enough. */
    PLENTY,
    /** The upstream does not say; unlimited items such as top-ups report this too. */
    UNKNOWN
  }
}
