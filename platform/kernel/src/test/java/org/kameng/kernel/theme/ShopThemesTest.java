package org.kameng.kernel.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** A shop's theme choice: one row per shop, replaced on save with a new version, its own only. */
class ShopThemesTest {

  private final TestDatabase db = TestDatabase.get();
  private final Transactions tx = db.transactions();

  @Test
  void aShopThatNeverChoseHasNoChoiceAndTheDefaultApplies() {
    TenantId shop = db.newTenant();
    assertTrue(tx.inTenant(shop, ShopThemes::current).isEmpty());
  }

  @Test
  void savingAgainReplacesTheChoiceAndCountsTheVersionUp() {
    TenantId shop = db.newTenant();
    tx.inTenant(shop, c -> ShopThemes.save(c, shop, "aurora", "{\"columns\": 4}", "owner"));
    ShopThemes.Choice second =
        tx.inTenant(shop, c -> ShopThemes.save(c, shop, "league", "{}", "owner"));
    assertEquals(2, second.version());
    ShopThemes.Choice current = tx.inTenant(shop, ShopThemes::current).orElseThrow();
    assertEquals("league", current.theme());
    assertEquals("{}", current.settingsJson());
  }

  @Test
  void aShopSeesOnlyItsOwnChoice() {
    TenantId mine = db.newTenant();
    TenantId theirs = db.newTenant();
    tx.inTenant(theirs, c -> ShopThemes.save(c, theirs, "league", "{}", "owner"));
    assertTrue(tx.inTenant(mine, ShopThemes::current).isEmpty());
  }
}
