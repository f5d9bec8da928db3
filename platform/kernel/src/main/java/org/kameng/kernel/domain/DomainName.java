package org.kameng.kernel.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a custom domain must meet: a public DNS name a buyer can type, that the platform may
 * later connect to for verification. Everything else is refused here, before any lookup, so a shop
 * cannot point the platform at an address literal, a name that only resolves inside a network, or
 * one of the platform's own hosts.
 */
public final class DomainName {

  /** The request field every refusal names. */
  public static final String FIELD = "domain";

  private static final Pattern LABEL = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

  // A top-level domain is letters, or an internationalised one in its xn-- form. Requiring this
  // also refuses every address literal, whatever the encoding (127.1, 0x7f.1, 2130706433).
  private static final Pattern TOP_LEVEL = Pattern.compile("^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$");

  // Names that never resolve publicly (RFC 2606, 6761, 6762, 7686; ICANN's .internal), so a shop
  // cannot own them and any answer for them comes from somebody's private network.
  private static final Set<String> SPECIAL_USE =
      Set.of(
          "localhost",
          "localdomain",
          "local",
          "test",
          "invalid",
          "example",
          "internal",
          "intranet",
          "lan",
          "home",
          "corp",
          "onion",
          "arpa");

  private DomainName() {}

  /**
   * Checks a requested domain and returns it normalised: lower case, without one trailing dot.
   *
   * @param platformDomain the platform's own domain; it and its sub-domains are refused
   * @throws InvalidDomainException naming {@value #FIELD}
   */
  public static String normalise(String requested, String platformDomain) {
    if (requested == null || requested.isBlank()) {
      throw invalid("a domain name is required, like shop.example.com");
    }
    String host = requested.strip().toLowerCase(Locale.ROOT);
    if (host.contains("/") || host.contains(":") || host.contains("@")) {
      throw invalid("only the host name, like shop.example.com: no http://, port or path");
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.length() < 4 || host.length() > 253) {
      throw invalid("between 4 and 253 characters");
    }
    if (!host.matches("[a-z0-9.-]+")) {
      throw invalid(
          "only letters, digits, hyphens and dots; write an internationalised name in its"
              + " xn-- form");
    }
    String[] labels = host.split("\\.", -1);
    if (labels.length < 2) {
      throw invalid("a full domain name with at least one dot, like shop.example.com");
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw invalid(
            "each part between dots must be 1 to 63 letters, digits or hyphens, not starting or"
                + " ending with a hyphen");
      }
    }
    String topLevel = labels[labels.length - 1];
    if (!TOP_LEVEL.matcher(topLevel).matches()) {
      throw invalid("a domain name, not an address; it must end in a real top-level domain");
    }
    if (SPECIAL_USE.contains(topLevel)) {
      throw invalid("." + topLevel + " names are not public; use a domain registered to you");
    }
    String platform = platformDomain.strip().toLowerCase(Locale.ROOT);
    if (host.equals(platform) || host.endsWith("." + platform)) {
      throw invalid("the platform's own addresses cannot be added; every shop already has one");
    }
    return host;
  }

  private static InvalidDomainException invalid(String message) {
    return new InvalidDomainException(FIELD, message);
  }
}
