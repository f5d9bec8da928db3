package org.kameng.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kameng.plugin.api.http.DestinationRefusedException;

/**
 * Literal destinations in every encoding a resolver accepts, refused by the address they denote,
 * and public ones let through. Nothing here connects; names resolve from a table.
 */
class DestinationPolicyTest {

  private final TableResolver resolver =
      new TableResolver()
          .with("example.com", "93.184.216.34")
          .with("api.example.com", "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946");
  private final DestinationPolicy policy =
      new DestinationPolicy(OutboundSettings.defaults(), resolver);

  @ParameterizedTest(name = "{0} refused as {1}")
  @CsvSource({
    // loopback in every IPv4 encoding
    "http://127.0.0.1/, loopback",
    "http://127.0.0.1./, loopback",
    "http://127.1/, loopback",
    "http://127.0.1/, loopback",
    "http://2130706433/, loopback",
    "http://0177.0.0.1/, loopback",
    "http://0177.1/, loopback",
    "http://017700000001/, loopback",
    "http://0x7f.0.0.1/, loopback",
    "http://0x7F.0x0.0x0.0x1/, loopback",
    "http://0x7f000001/, loopback",
    "http://0x7f.1/, loopback",
    "http://127.255.255.254:8080/, loopback",
    // loopback in IPv6, mapped, compatible, NAT64, 6to4
    "http://[::1]/, loopback",
    "http://[0:0:0:0:0:0:0:1]:8443/, loopback",
    "http://[::ffff:127.0.0.1]/, loopback",
    "http://[::ffff:7f00:1]/, loopback",
    "http://[0:0:0:0:0:ffff:7f00:0001]/, loopback",
    "http://[::127.0.0.1]/, loopback",
    "http://[::7f00:1]/, loopback",
    "http://[64:ff9b::7f00:1]/, loopback",
    "http://[64:ff9b::127.0.0.1]/, loopback",
    "http://[2002:7f00:1::]/, loopback",
    "http://localhost/, loopback",
    "http://LocalHost./, loopback",
    "http://shop.localhost:8080/, loopback",
    // private
    "http://10.0.0.1/, private",
    "http://10.1/, private",
    "http://012.0.0.1/, private",
    "http://0xa000001/, private",
    "http://167772161/, private",
    "http://172.16.0.1/, private",
    "http://172.31.255.255/, private",
    "http://192.168.1.1/, private",
    "http://3232235777/, private",
    "http://0300.0250.1.1/, private",
    "http://[fc00::1]/, private",
    "http://[fd12:3456:789a::1]/, private",
    "http://[::ffff:10.0.0.1]/, private",
    "http://[::ffff:c0a8:101]/, private",
    "http://[64:ff9b::10.1.2.3]/, private",
    "http://[64:ff9b:1::1]/, private",
    "http://[fec0::1]/, private",
    // carrier-grade NAT
    "http://100.64.0.1/, carrier-grade-nat",
    "http://100.127.255.255/, carrier-grade-nat",
    // link-local, with zone ids
    "http://169.254.1.1/, link-local",
    "http://[fe80::1]/, link-local",
    "http://[fe80::1%25eth0]/, link-local",
    "http://[FE80::ABCD%25en0]:8080/, link-local",
    // metadata addresses and names
    "http://169.254.169.254/latest/meta-data/, metadata",
    "http://2852039166/, metadata",
    "http://0xa9fea9fe/, metadata",
    "http://0251.0376.0251.0376/, metadata",
    "http://169.254.43518/, metadata",
    "http://[::ffff:169.254.169.254]/, metadata",
    "http://[::ffff:a9fe:a9fe]/, metadata",
    "http://[64:ff9b::a9fe:a9fe]/, metadata",
    "http://[fd00:ec2::254]/, metadata",
    "http://100.100.100.200/, metadata",
    "http://metadata.google.internal/computeMetadata/v1/, metadata",
    "http://METADATA.GOOGLE.INTERNAL./, metadata",
    "http://metadata/, metadata",
    "http://metadata.goog/, metadata",
    "http://instance-data/, metadata",
    "http://instance-data.ec2.internal/, metadata",
    "http://metadata.tencentyun.com/, metadata",
    // unspecified, multicast, broadcast, reserved
    "http://0.0.0.0/, unspecified",
    "http://0/, unspecified",
    "http://0.1.2.3/, unspecified",
    "http://[::]/, unspecified",
    "http://[::ffff:0.0.0.0]/, unspecified",
    "http://224.0.0.1/, multicast",
    "http://239.255.255.250/, multicast",
    "http://[ff02::1]/, multicast",
    "http://255.255.255.255/, broadcast",
    "http://4294967295/, broadcast",
    "http://240.0.0.1/, reserved",
    "http://192.0.2.1/, reserved",
    "http://[2001:db8::1]/, reserved",
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/, reserved",
    "http://[::8.8.8.8]/, reserved",
    // numeric-looking hosts that are not valid addresses: resolvers disagree, so refused
    "http://1.2.3.4.5/, malformed-address",
    "http://08.0.0.1/, malformed-address",
    "http://256.0.0.1/, malformed-address",
    "http://0x100.0.0.1/, malformed-address",
    "http://1.2.3.4294967296/, malformed-address",
    "http://0x/, malformed-address",
    "http://127%2e0%2e0%2e1/, malformed-address",
    // scheme, credentials, ports
    "ftp://example.com/, scheme",
    "file:///etc/passwd, scheme",
    "gopher://example.com:70/, scheme",
    "jar:http://example.com/a.jar!/, scheme",
    "http://user:secret@example.com/, credentials-in-url",
    "http://user@127.0.0.1/, credentials-in-url",
    "http://example.com:22/, port",
    "http://example.com:25/, port",
    "http://example.com:0/, port",
    "http://example.com:1023/, port",
    "https://example.com:6379/, port",
    "http://example.com:11211/, port",
    "http://example.com:65536/, port",
    "http://exa%6dple.com/, malformed-host",
    "http:/relative, no-host",
  })
  void refuses(String url, String rule) {
    DestinationRefusedException refused =
        assertThrows(DestinationRefusedException.class, () -> policy.check(URI.create(url)));
    assertEquals(true, refused.getMessage().contains("[" + rule + "]"), refused.getMessage());
    assertFalse(refused.getMessage().contains("secret"), "no credentials in the message");
  }

  @ParameterizedTest(name = "{0} allowed, connects to {1}")
  @CsvSource({
    "http://93.184.216.34/, 93.184.216.34",
    "http://1572395042/, 93.184.216.34",
    "http://0x5d.0xb8.0xd8.0x22/, 93.184.216.34",
    "http://0135.0270.0330.042/, 93.184.216.34",
    "http://93.12113954/, 93.184.216.34",
    "http://8.8.8.8:8080/, 8.8.8.8",
    "https://[2606:2800:220:1:248:1893:25c8:1946]/, 2606:2800:220:1:248:1893:25c8:1946",
    "http://[::ffff:93.184.216.34]/, 93.184.216.34",
    "http://[64:ff9b::5db8:d822]/, 64:ff9b:0:0:0:0:5db8:d822",
    "https://example.com/, 93.184.216.34",
    "https://EXAMPLE.com./pay?x=1, 93.184.216.34",
    "https://api.example.com:8443/v1, 93.184.216.34",
    "http://example.com:80/, 93.184.216.34",
    "http://example.com:65535/, 93.184.216.34",
  })
  void allows(String url, String address) throws UnknownHostException {
    Destination destination = policy.check(URI.create(url));
    assertEquals(address, destination.address().getHostAddress());
    assertFalse(destination.allowListed());
  }

  @ParameterizedTest(name = "{0} is sent as {1}")
  @CsvSource({
    "http://0177.0.0.1/a?b=c, http://127.0.0.1/a?b=c",
    "http://0x5d.0xb8.0xd8.0x22:8080/x%20y, http://93.184.216.34:8080/x%20y",
    "http://1572395042/, http://93.184.216.34/",
  })
  void numericHostsAreSentAsTheAddressTheyDenote(String url, String sent)
      throws UnknownHostException {
    // 0177.0.0.1 is 177.0.0.1 to the JDK but 127.0.0.1 to C resolvers: the literal sent is the
    // address that was checked.
    DestinationPolicy allowAll =
        new DestinationPolicy(
            OutboundSettings.defaults().withAllowedHosts(Set.of("0177.0.0.1")), resolver);
    assertEquals(URI.create(sent), allowAll.check(URI.create(url)).uri());
  }
}
