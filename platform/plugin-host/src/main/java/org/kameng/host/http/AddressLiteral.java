package org.kameng.host.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.kameng.plugin.api.http.DestinationRefusedException;

/**
 * Reads a host that is a number rather than a name, the way C resolvers ({@code inet_aton}) do: one
 * to four dot-separated parts, each decimal, octal ({@code 0177}) or hexadecimal ({@code 0x7f}),
 * the last part filling the remaining bytes ({@code 127.1}, {@code 2130706433}); and IPv6 literals
 * with or without brackets and zone id.
 *
 * <p>Why not {@link InetAddress#getByName}: the JDK reads {@code 0177.0.0.1} as 177.0.0.1 and hands
 * {@code 0x7f.1} to the system resolver, which reads it as 127.0.0.1. The guard must judge the
 * address that would really be reached, so it parses with the most permissive common rules and then
 * connects to the address it parsed.
 */
final class AddressLiteral {

  private AddressLiteral() {}

  /**
   * The address a host denotes, if it is a literal.
   *
   * @param host lower case, brackets and a trailing dot allowed
   * @return empty for a name
   * @throws DestinationRefusedException for something that looks numeric but is not a valid
   *     address: resolvers disagree on such hosts, so none is allowed
   */
  static Optional<InetAddress> parse(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.contains(":")) {
      return Optional.of(ipv6(bare));
    }
    String dotless = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    String lastLabel = dotless.substring(dotless.lastIndexOf('.') + 1);
    // No top-level domain starts with a digit, so such a host can only be meant as a number.
    if (lastLabel.isEmpty() || !Character.isDigit(lastLabel.charAt(0))) {
      return Optional.empty();
    }
    return Optional.of(ipv4(dotless));
  }

  private static InetAddress ipv6(String literal) {
    int zone = literal.indexOf('%');
    // The zone id only picks an interface; the address is what the rules judge.
    String address = zone < 0 ? literal : literal.substring(0, zone);
    if (address.isEmpty() || !address.matches("[0-9a-f:.]+")) {
      throw malformed();
    }
    try {
      // Only hex digits, colons and dots with a colon present: the JDK parses this as an IPv6
      // literal and never asks DNS.
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw malformed();
    }
  }

  private static InetAddress ipv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length > 4) {
      throw malformed();
    }
    long value = 0;
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      long part = number(parts[i]);
      long max = last ? (1L << (8 * (5 - parts.length))) - 1 : 255;
      if (part > max) {
        throw malformed();
      }
      value = last ? (value << (8 * (5 - parts.length))) | part : (value << 8) | part;
    }
    byte[] bytes = {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an address", e);
    }
  }

  private static long number(String part) {
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x")) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() > 1 && part.startsWith("0")) {
      radix = 8;
      digits = part.substring(1);
    }
    // Twelve digits exceed 32 bits in every radix; longer ones could only overflow.
    if (digits.isEmpty() || digits.length() > 12) {
      throw malformed();
    }
    // parseLong would also take a sign, which no resolver accepts.
    for (char c : digits.toCharArray()) {
      if (Character.digit(c, radix) < 0) {
        throw malformed();
      }
    }
    try {
      return Long.parseLong(digits, radix);
    } catch (NumberFormatException e) {
      throw malformed();
    }
  }

  private static DestinationRefusedException malformed() {
    return new DestinationRefusedException("destination refused [malformed-address]");
  }
}
