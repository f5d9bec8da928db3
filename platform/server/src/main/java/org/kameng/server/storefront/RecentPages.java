package org.kameng.server.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.server.themes.ShopLooks;

/**
 * Catalog pages (home, category, product) as rendered a moment ago on this server instance, for the
 * next buyers who ask for the same page (docs/adr/0018-rendered-page-cache.md).
 *
 * <p>A page is kept for at most {@code kameng.storefront.cache-seconds} (5), counted from before
 * its catalog rows were read, so a price, visibility or stock-band change shows on every instance
 * within that time, and at once on the instance whose admin API made it ({@link #forget}). The key
 * is everything the HTML is made of: the shop as read ({@link Shop}: tenant, slug, name, status,
 * currency), its look (the very object {@link CurrentLooks} read, itself at most that old), the
 * buyer's locale, the page and what it shows, and the request path. Only pages that are the same
 * for every buyer are kept: nothing a buyer typed, no order, no key, no error; the per-response CSP
 * nonce is not part of the kept HTML but written into it on the way out ({@link Page}).
 */
@ApplicationScoped
public class RecentPages {

  /**
   * What a kept page carries where the response's nonce goes: random per server instance, so no
   * tenant can write it into a product description on purpose; letters and digits only, so escaping
   * leaves it as it is.
   */
  static final String NONCE_MARK = "kn" + HexFormat.of().formatHex(randomBytes(16));

  @Inject
  @ConfigProperty(name = "kameng.storefront.cache-seconds", defaultValue = "5")
  int cacheSeconds;

  /** Room for pages, in MiB of their HTML (a 1,000-product home page is about 0.4 MiB). */
  @Inject
  @ConfigProperty(name = "kameng.storefront.page-cache-mib", defaultValue = "32")
  int capacityMib;

  private final LongSupplier clock;
  private volatile RecentlyRead<Key, Optional<Page>> recent;

  public RecentPages() {
    this.clock = System::nanoTime;
  }

  /** Pages kept for {@code seconds} by {@code clock} (nanoseconds), at most {@code mib} MiB. */
  RecentPages(int seconds, int mib, LongSupplier clock) {
    this.cacheSeconds = seconds;
    this.capacityMib = mib;
    this.clock = clock;
  }

  /**
   * Everything a catalog page's HTML depends on. The look is compared by identity: {@link
   * CurrentLooks} hands out one object per shop until it reads the look again, and comparing themes
   * by value would cost more than the page.
   *
   * @param page the theme page ({@code home}, {@code product})
   * @param subject the category or product shown, or null
   * @param option the SKU the buyer picked ({@code ?sku=}), or null
   * @param path the request's path (the language switcher's links point back to it)
   */
  record Key(
      Shop shop,
      ShopLooks.Look look,
      String locale,
      String page,
      UUID subject,
      UUID option,
      String path) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k
          && look == k.look
          && shop.equals(k.shop)
          && locale.equals(k.locale)
          && page.equals(k.page)
          && Objects.equals(subject, k.subject)
          && Objects.equals(option, k.option)
          && path.equals(k.path);
    }

    @Override
    public int hashCode() {
      return Objects.hash(shop, System.identityHashCode(look), locale, page, subject, option, path);
    }
  }

  /**
   * A kept page: its HTML as UTF-8, cut where the nonce goes, and the shop it belongs to (for
   * {@link #forget}).
   */
  static final class Page {
    private final Shop shop;
    private final byte[][] parts;
    private final int length;

    private Page(Shop shop, byte[][] parts) {
      this.shop = shop;
      this.parts = parts;
      int total = 0;
      for (byte[] part : parts) {
        total += part.length;
      }
      this.length = total;
    }

    /** The page {@code html}, rendered with {@link #NONCE_MARK} as its nonce. */
    static Page of(Shop shop, String html) {
      List<byte[]> parts = new ArrayList<>();
      int from = 0;
      for (int at = html.indexOf(NONCE_MARK); at >= 0; at = html.indexOf(NONCE_MARK, from)) {
        parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
        from = at + NONCE_MARK.length();
      }
      parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
      return new Page(shop, parts.toArray(byte[][]::new));
    }

    Shop shop() {
      return shop;
    }

    /** About what keeping the page costs in memory, in bytes. */
    long weight() {
      return length + 64L * parts.length + 256;
    }

    /** The page's HTML with {@code nonce} where the mark was, as UTF-8. */
    byte[] with(String nonce) {
      byte[] n = nonce.getBytes(StandardCharsets.US_ASCII);
      byte[] out = new byte[length + n.length * (parts.length - 1)];
      int at = 0;
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          System.arraycopy(n, 0, out, at, n.length);
          at += n.length;
        }
        System.arraycopy(parts[i], 0, out, at, parts[i].length);
        at += parts[i].length;
      }
      return out;
    }
  }

  private RecentlyRead<Key, Optional<Page>> recent() {
    RecentlyRead<Key, Optional<Page>> cache = recent;
    if (cache == null) {
      cache =
          new RecentlyRead<>(
              // No room for pages (0) keeps none, whatever the age bound.
              Duration.ofSeconds(capacityMib > 0 ? Math.max(0, cacheSeconds) : 0),
              Math.max(1, capacityMib) * 1024L * 1024L,
              page -> page.map(Page::weight).orElse(0L),
              clock);
      recent = cache;
    }
    return cache;
  }

  /**
   * The page for {@code key} as kept, else as {@code render} makes it now (empty: there is no such
   * page to keep, e.g. the product is hidden; nothing is kept then).
   */
  Optional<Page> get(Key key, Supplier<Optional<Page>> render) {
    return recent().get(key, k -> render.get(), Optional::isPresent);
  }

  /** Forgets the pages of the shop {@code slug}: its reseller just changed something. */
  public void forget(String slug) {
    recent().forget(p -> p.isPresent() && p.get().shop().slug().equals(slug));
  }

  int size() {
    return recent().size();
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
