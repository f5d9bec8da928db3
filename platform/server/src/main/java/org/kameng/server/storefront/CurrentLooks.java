package org.kameng.server.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.themes.ShopLooks;

/**
 * Each shop's look (theme and checked settings) as the storefront renders it: read, parsed and
 * checked once, then used for up to {@code kameng.storefront.cache-seconds} (5), instead of a
 * query, a JSON parse and a settings check on every page. A reseller who saves settings sees them
 * on this instance's next page (the save forgets the shop's look) and on other instances within
 * that time.
 */
@ApplicationScoped
public class CurrentLooks {

  @Inject Transactions transactions;
  @Inject ShopLooks looks;

  @Inject
  @ConfigProperty(name = "kameng.storefront.cache-seconds", defaultValue = "5")
  int cacheSeconds;

  private volatile RecentlyRead<TenantId, TenantLook> recent;

  private record TenantLook(TenantId tenant, ShopLooks.Look look) {}

  private RecentlyRead<TenantId, TenantLook> recent() {
    RecentlyRead<TenantId, TenantLook> cache = recent;
    if (cache == null) {
      cache = new RecentlyRead<>(Duration.ofSeconds(Math.max(0, cacheSeconds)), 10_000);
      recent = cache;
    }
    return cache;
  }

  /** The look of {@code shop}'s storefront. */
  public ShopLooks.Look of(Shop shop) {
    return of(shop.tenant());
  }

  ShopLooks.Look of(TenantId tenant) {
    return recent().get(tenant, t -> new TenantLook(t, transactions.inTenant(t, looks::of))).look();
  }

  /** Forgets {@code tenant}'s look: its reseller just saved another. */
  public void forget(TenantId tenant) {
    recent().forget(l -> l.tenant().equals(tenant));
  }
}
