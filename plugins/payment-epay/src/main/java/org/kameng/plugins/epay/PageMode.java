package org.kameng.plugins.epay;

import java.util.Optional;

/**
 * How the buyer's browser reaches the gateway's {@code submit.php}. The API mode ({@code mapi.php},
 * which answers a pay URL or QR code as JSON) is not offered yet: it needs the host's HTTP client
 * and a JSON reader, and adding an option later keeps every stored configuration valid.
 */
enum PageMode {
  /** An auto-submitting POST form; the gateways' own recommendation, the URL stays clean. */
  SUBMIT("submit"),
  /** A GET redirect with the signed query, for gateways or storefronts that cannot post. */
  REDIRECT("redirect");

  private final String value;

  PageMode(String value) {
    this.value = value;
  }

  /** The stored config value. */
  String value() {
    return value;
  }

  /** The mode stored as {@code value}, if it is one. */
  static Optional<PageMode> of(String value) {
    for (PageMode mode : values()) {
      if (mode.value.equals(value)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
