package org.kameng.server.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.themes.ShopLooks;

/**
 * Kept catalog pages: each response gets its own nonce, a page is kept no longer than its bound,
 * and a page is only ever shown for the very shop, look, locale, page and path it was made for.
 */
class RecentPagesTest {

  private static final UUID PRODUCT = UUID.randomUUID();

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger renders = new AtomicInteger();
  private final RecentPages pages = new RecentPages(5, 1, now::get);
  private final ShopLooks.Look look = new ShopLooks.Look(null, Map.of("accent_color", "#123456"));

  private static Shop shop(String slug) {
    return new Shop(new TenantId(UUID.randomUUID()), slug, "Shop " + slug, true, "CNY");
  }

  private RecentPages.Key key(Shop shop, ShopLooks.Look look, String locale, UUID sku) {
    return new RecentPages.Key(shop, look, locale, "product", PRODUCT, sku, "/p/" + PRODUCT);
  }

  /** Renders a page naming everything it was made from, and counts the renders. */
  private String show(RecentPages.Key key) {
    Optional<RecentPages.Page> page =
        pages.get(
            key,
            () -> {
              renders.incrementAndGet();
              return Optional.of(
                  RecentPages.Page.of(
                      key.shop(),
                      "<style nonce=\""
                          + RecentPages.NONCE_MARK
                          + "\"></style>"
                          + key.shop().name()
                          + "|"
                          + key.locale()
                          + "|"
                          + key.option()
                          + "|"
                          + renders.get()));
            });
    return new String(page.orElseThrow().with("NONCE"), StandardCharsets.UTF_8);
  }

  @Test
  void eachResponseOfAKeptPageCarriesItsOwnNonceWhereverThePageHadIt() {
    String html =
        "<style nonce=\""
            + RecentPages.NONCE_MARK
            + "\">x</style><p>é</p><script nonce=\""
            + RecentPages.NONCE_MARK
            + "\"></script>";
    RecentPages.Page page = RecentPages.Page.of(shop("a"), html);
    String first = new String(page.with("n0nce+/A="), StandardCharsets.UTF_8);
    String second = new String(page.with("other"), StandardCharsets.UTF_8);
    assertEquals(html.replace(RecentPages.NONCE_MARK, "n0nce+/A="), first);
    assertEquals(html.replace(RecentPages.NONCE_MARK, "other"), second);
    assertFalse(first.contains(RecentPages.NONCE_MARK));
    assertEquals(
        "<p>no nonce</p>",
        new String(
            RecentPages.Page.of(shop("a"), "<p>no nonce</p>").with("x"), StandardCharsets.UTF_8));
  }

  @Test
  void theNonceMarkIsNotGuessable() {
    // Letters and digits (escaping keeps them), and 128 random bits per server instance.
    assertTrue(RecentPages.NONCE_MARK.matches("kn[0-9a-f]{32}"), RecentPages.NONCE_MARK);
  }

  @Test
  void aPageIsKeptForFiveSecondsThenRenderedAgain() {
    Shop shop = shop("a");
    assertTrue(show(key(shop, look, "en", null)).endsWith("|1"));
    now.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertTrue(show(key(shop, look, "en", null)).endsWith("|1"));
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertTrue(show(key(shop, look, "en", null)).endsWith("|2"), "a page 5 s old was shown");
  }

  @Test
  void theSameProductAddressInAnotherShopIsNeverAnotherShopsPage() {
    Shop a = shop("a");
    Shop b = shop("b");
    assertTrue(show(key(a, look, "en", null)).startsWith(nonced("Shop a|")));
    // Same product id, path, look and locale: only the shop differs.
    assertTrue(show(key(b, look, "en", null)).startsWith(nonced("Shop b|")));
    // A shop of the same slug and name but another tenant (a deleted and re-created shop).
    Shop aAgain = new Shop(new TenantId(UUID.randomUUID()), "a", "Shop a", true, "CNY");
    assertNotEquals(key(a, look, "en", null), key(aAgain, look, "en", null));
    assertEquals(2, renders.get());
  }

  @Test
  void aChangedShopLookLocaleOrSkuIsAnotherPage() {
    Shop shop = shop("a");
    show(key(shop, look, "en", null));
    show(key(new Shop(shop.tenant(), "a", "Shop a", false, "CNY"), look, "en", null));
    show(key(new Shop(shop.tenant(), "a", "Renamed", true, "CNY"), look, "en", null));
    // A look read again is another object, even with equal settings: a page is never older than
    // the look it was made with.
    show(key(shop, new ShopLooks.Look(null, Map.of("accent_color", "#123456")), "en", null));
    show(key(shop, look, "zh-CN", null));
    show(key(shop, look, "en", UUID.randomUUID()));
    assertEquals(6, renders.get());
    show(key(shop, look, "en", null));
    assertEquals(6, renders.get(), "the first page was not kept");
  }

  @Test
  void forgettingAShopForgetsItsPagesOnly() {
    Shop a = shop("a");
    Shop b = shop("b");
    show(key(a, look, "en", null));
    show(key(b, look, "en", null));
    pages.forget("a");
    show(key(a, look, "en", null));
    show(key(b, look, "en", null));
    assertEquals(3, renders.get());
  }

  @Test
  void aPageThatIsNotThereIsNotKept() {
    RecentPages.Key key = key(shop("a"), look, "en", null);
    for (int i = 0; i < 2; i++) {
      assertTrue(
          pages
              .get(
                  key,
                  () -> {
                    renders.incrementAndGet();
                    return Optional.empty();
                  })
              .isEmpty());
    }
    assertEquals(2, renders.get(), "a hidden product's absence was kept");
  }

  @Test
  void pagesAreKeptWithinTheirRoomInBytes() {
    // 1 MiB of room: three pages of 300 KiB fit, a fourth makes room by forgetting the others.
    Shop shop = shop("a");
    String big = "x".repeat(300 * 1024);
    for (int i = 0; i < 8; i++) {
      UUID sku = UUID.randomUUID();
      pages.get(
          key(shop, look, "en", sku), () -> Optional.of(RecentPages.Page.of(shop, big + sku)));
      assertTrue(pages.size() <= 3, "holds " + pages.size() + " pages of 300 KiB in 1 MiB");
    }
    // A page larger than the whole room is never kept.
    RecentPages.Key huge = key(shop, look, "en", null);
    for (int i = 0; i < 2; i++) {
      pages.get(
          huge,
          () -> {
            renders.incrementAndGet();
            return Optional.of(RecentPages.Page.of(shop, "y".repeat(1024 * 1024)));
          });
    }
    assertEquals(2, renders.get());
  }

  @Test
  void theShopOfAnAdminApiPathIsItsSlug() {
    assertEquals("demo", ShopEdits.slugOf("/api/shops/demo/catalog/products/1"));
    assertEquals("demo", ShopEdits.slugOf("/api/shops/demo"));
    assertNull(ShopEdits.slugOf("/api/shops/"));
    assertNull(ShopEdits.slugOf("/api/platform/tenants"));
  }

  private static String nonced(String rest) {
    return "<style nonce=\"NONCE\"></style>" + rest;
  }
}
