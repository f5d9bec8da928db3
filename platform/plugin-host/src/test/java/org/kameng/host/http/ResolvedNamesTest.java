package org.kameng.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kameng.plugin.api.http.DestinationRefusedException;

/** Names are judged by every address they resolve to; the allow-list is exact and narrow. */
class ResolvedNamesTest {

  private final TableResolver resolver =
      new TableResolver()
          .with("public.example", "93.184.216.34")
          .with("internal.example", "10.0.0.5")
          .with("mixed.example", "93.184.216.34", "10.0.0.5")
          .with("mixed-last.example", "93.184.216.34", "8.8.8.8", "169.254.169.254")
          .with("loop6.example", "::1")
          .with("mapped.example", "::ffff:127.0.0.1")
          .with("nat64.example", "64:ff9b::a9fe:a9fe")
          .with("cgnat.example", "100.100.100.100")
          .with("upstream.corp", "10.20.30.40")
          .with("sub.upstream.corp", "10.20.30.41");

  private DestinationPolicy policy(String... allowed) {
    return new DestinationPolicy(
        OutboundSettings.defaults().withAllowedHosts(Set.of(allowed)), resolver);
  }

  @ParameterizedTest(name = "{0} refused as {1}")
  @CsvSource({
    "internal.example, private",
    "mixed.example, private",
    "mixed-last.example, metadata",
    "loop6.example, loopback",
    "mapped.example, loopback",
    "nat64.example, metadata",
    "cgnat.example, carrier-grade-nat",
    "upstream.corp, private",
  })
  void refusesNamesResolvingToRefusedAddresses(String name, String rule) {
    DestinationRefusedException refused =
        assertThrows(
            DestinationRefusedException.class,
            () -> policy().check(URI.create("https://" + name + "/api")));
    assertEquals("destination refused [" + rule + "]: " + name, refused.getMessage());
  }

  @Test
  void aRefusedNameNamesNoResolvedAddress() {
    DestinationRefusedException refused =
        assertThrows(
            DestinationRefusedException.class,
            () -> policy().check(URI.create("https://internal.example/")));
    // The tenant learns which rule, not the internal address behind its name.
    assertTrue(!refused.getMessage().contains("10.0.0.5"), refused.getMessage());
  }

  @Test
  void resolvesOnceAndConnectsToAnAddressItChecked() throws UnknownHostException {
    Destination destination = policy().check(URI.create("https://public.example/"));
    assertEquals(1, resolver.lookups.get());
    assertEquals(InetAddress.getByName("93.184.216.34"), destination.address());
  }

  @Test
  void anUnknownNameIsANetworkFailureNotARefusal() {
    assertThrows(
        UnknownHostException.class, () -> policy().check(URI.create("https://nowhere.example/")));
    assertThrows(
        UnknownHostException.class,
        () ->
            new DestinationPolicy(OutboundSettings.defaults(), host -> List.of())
                .check(URI.create("https://empty.example/")));
  }

  @Test
  void anAllowListedNameSkipsTheAddressRules() throws UnknownHostException {
    Destination destination = policy("Upstream.Corp").check(URI.create("http://UPSTREAM.corp./x"));
    assertTrue(destination.allowListed());
    assertEquals("10.20.30.40", destination.address().getHostAddress());
  }

  @Test
  void theAllowListIsExact() {
    DestinationPolicy policy = policy("upstream.corp");
    assertThrows(
        DestinationRefusedException.class,
        () -> policy.check(URI.create("http://sub.upstream.corp/")));
    // An allow-listed name is not an allow-listed address: the literal stays refused.
    assertThrows(
        DestinationRefusedException.class, () -> policy.check(URI.create("http://10.20.30.40/")));
  }

  @Test
  void theAllowListSkipsNothingButTheAddressRules() {
    DestinationPolicy policy = policy("upstream.corp");
    for (String url :
        List.of(
            "ftp://upstream.corp/",
            "http://user:pw@upstream.corp/",
            "http://upstream.corp:22/",
            "http://upstream.corp:6379/")) {
      assertThrows(DestinationRefusedException.class, () -> policy.check(URI.create(url)), url);
    }
  }

  @Test
  void anAllowListedMetadataNameIsTheOperatorsChoice() throws UnknownHostException {
    resolver.with("metadata.google.internal", "169.254.169.254");
    assertThrows(
        DestinationRefusedException.class,
        () -> policy().check(URI.create("http://metadata.google.internal/")));
    assertTrue(
        policy("metadata.google.internal")
            .check(URI.create("http://metadata.google.internal/"))
            .allowListed());
  }
}
