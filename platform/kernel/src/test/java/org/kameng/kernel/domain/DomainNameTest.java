package org.kameng.kernel.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

  private static final String PLATFORM = "kameng.shop";

  @ParameterizedTest
  @CsvSource({
    "shop.example.com, shop.example.com",
    "  Shop.Example.COM  , shop.example.com",
    "shop.example.com., shop.example.com",
    "a.io, a.io",
    "xn--fiqs8s.xn--fiqz9s, xn--fiqs8s.xn--fiqz9s",
    "my-shop.co.uk, my-shop.co.uk",
    "kameng.shop.example.com, kameng.shop.example.com"
  })
  void publicNamesAreAcceptedInTheirNormalForm(String requested, String normal) {
    assertEquals(normal, DomainName.normalise(requested, PLATFORM));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "com",
        "a.b",
        "localhost",
        "shop.localhost",
        "printer.local",
        "db.internal",
        "x.test",
        "x.example",
        "x.onion",
        "1.0.0.127.in-addr.arpa",
        "127.0.0.1",
        "127.1",
        "2130706433",
        "0x7f.0x1",
        "10.0.0.1",
        "[::1]",
        "::1",
        "http://shop.example.com",
        "shop.example.com/",
        "shop.example.com:8080",
        "user@shop.example.com",
        "shop..example.com",
        ".example.com",
        "-shop.example.com",
        "shop-.example.com",
        "shop_1.example.com",
        "shop example.com",
        "shöp.example.com",
        "shop.example.c0m",
        "kameng.shop",
        "demo.kameng.shop",
        "DEMO.Kameng.Shop."
      })
  void otherNamesAreRefusedNamingTheField(String requested) {
    InvalidDomainException refused =
        assertThrows(InvalidDomainException.class, () -> DomainName.normalise(requested, PLATFORM));
    assertEquals("domain", refused.field());
  }

  @org.junit.jupiter.api.Test
  void lengthIsFourTo253Characters() {
    String label = "a".repeat(63);
    String longest = label + "." + label + "." + label + "." + "a".repeat(58) + ".io";
    assertEquals(253, longest.length());
    assertEquals(longest, DomainName.normalise(longest, PLATFORM));
    assertThrows(InvalidDomainException.class, () -> DomainName.normalise("a" + longest, PLATFORM));
    assertThrows(
        InvalidDomainException.class,
        () -> DomainName.normalise("a".repeat(64) + ".com", PLATFORM));
  }
}
