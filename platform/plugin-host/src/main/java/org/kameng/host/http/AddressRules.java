package org.kameng.host.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a plugin may never reach, and why: everything that is not a public unicast
 * address. IPv6 forms that carry an IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible {@code
 * ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the IPv4 address
 * they carry, because that is where the packets end up.
 */
final class AddressRules {

  /** An address block and the rule that refuses it; earlier entries name narrower rules. */
  private record Block(byte[] prefix, int bits, String rule) {

    static Block of(String cidr, String rule) {
      int slash = cidr.indexOf('/');
      try {
        byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
        return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), rule);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(cidr, e);
      }
    }

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final List<Block> BLOCKS =
      List.of(
          Block.of("169.254.169.254/32", "metadata"), // AWS, GCP, Azure, Oracle, Huawei
          Block.of("100.100.100.200/32", "metadata"), // Alibaba Cloud
          Block.of("192.0.0.192/32", "metadata"), // Oracle Cloud
          Block.of("fd00:ec2::254/128", "metadata"), // AWS over IPv6
          Block.of("0.0.0.0/8", "unspecified"),
          Block.of("10.0.0.0/8", "private"),
          Block.of("100.64.0.0/10", "carrier-grade-nat"),
          Block.of("127.0.0.0/8", "loopback"),
          Block.of("169.254.0.0/16", "link-local"),
          Block.of("172.16.0.0/12", "private"),
          Block.of("192.0.0.0/24", "reserved"),
          Block.of("192.0.2.0/24", "reserved"),
          Block.of("192.88.99.0/24", "reserved"),
          Block.of("192.168.0.0/16", "private"),
          Block.of("198.18.0.0/15", "reserved"),
          Block.of("198.51.100.0/24", "reserved"),
          Block.of("203.0.113.0/24", "reserved"),
          Block.of("224.0.0.0/4", "multicast"),
          Block.of("255.255.255.255/32", "broadcast"),
          Block.of("240.0.0.0/4", "reserved"),
          Block.of("::/128", "unspecified"),
          Block.of("::1/128", "loopback"),
          Block.of("64:ff9b:1::/48", "private"), // local-use NAT64, RFC 8215
          Block.of("100::/64", "reserved"), // discard-only
          Block.of("2001::/32", "reserved"), // Teredo: the client address is obfuscated
          Block.of("2001:db8::/32", "reserved"),
          Block.of("fc00::/7", "private"),
          Block.of("fe80::/10", "link-local"),
          Block.of("fec0::/10", "private"), // deprecated site-local
          Block.of("ff00::/8", "multicast"));

  private AddressRules() {}

  /**
   * The rule an address breaks.
   *
   * @return the rule's name ({@code loopback}, {@code private}, {@code metadata}, …), or empty for
   *     a public unicast address
   */
  static Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    Optional<byte[]> carried = carriedIpv4(bytes);
    if (carried.isPresent()) {
      Optional<String> rule = refusal(carried.get());
      if (rule.isPresent() || isCompatible(bytes)) {
        // ::a.b.c.d is deprecated and routes nowhere useful, whatever it carries.
        return rule.or(() -> Optional.of("reserved"));
      }
      return Optional.empty();
    }
    return refusal(bytes);
  }

  private static Optional<String> refusal(byte[] bytes) {
    return BLOCKS.stream().filter(b -> b.contains(bytes)).map(Block::rule).findFirst();
  }

  /** The IPv4 address inside an IPv6 form that carries one. */
  private static Optional<byte[]> carriedIpv4(byte[] bytes) {
    if (bytes.length != 16) {
      return Optional.empty();
    }
    boolean zero80 = allZero(bytes, 0, 10);
    boolean mapped = zero80 && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    boolean compatible = isCompatible(bytes);
    boolean nat64 =
        bytes[0] == 0
            && bytes[1] == 0x64
            && bytes[2] == (byte) 0xff
            && bytes[3] == (byte) 0x9b
            && allZero(bytes, 4, 12);
    if (mapped || compatible || nat64) {
      return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
    }
    if (bytes[0] == 0x20 && bytes[1] == 0x02) {
      return Optional.of(Arrays.copyOfRange(bytes, 2, 6)); // 6to4
    }
    return Optional.empty();
  }

  /** {@code ::a.b.c.d} except {@code ::} and {@code ::1}, which the blocks name precisely. */
  private static boolean isCompatible(byte[] bytes) {
    return bytes.length == 16
        && allZero(bytes, 0, 12)
        && !(allZero(bytes, 12, 15) && (bytes[15] == 0 || bytes[15] == 1));
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
