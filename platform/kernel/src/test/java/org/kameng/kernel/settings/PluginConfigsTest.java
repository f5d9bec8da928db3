package org.kameng.kernel.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

class PluginConfigsTest {

  private static final String SECRET = "canary-webhook-secret-0123456789";

  private final TestDatabase db = TestDatabase.get();
  private final Transactions tx = db.transactions();
  private final TenantId shop = db.newTenant();

  private SealedSettings.Stored webhook() {
    return tx.inTenant(
        shop,
        c ->
            PluginConfigs.create(
                c,
                db.dataKeys().forTenant(c, shop),
                PluginConfigs.NOTIFIER,
                "notifier-webhook",
                "Our webhook",
                Map.of("url", "https://hooks.example/kameng"),
                Map.of("signingSecret", SECRET),
                "owner"));
  }

  @Test
  void aNotifierIsListedUnderItsKindWithItsSecretWriteOnly() {
    SealedSettings.Stored created = webhook();
    assertEquals(Set.of("signingSecret"), created.secretsSet());
    assertFalse(created.settings().containsKey("signingSecret"));
    assertEquals(
        List.of(created.id()),
        tx.inTenant(shop, c -> PluginConfigs.list(c, PluginConfigs.NOTIFIER)).stream()
            .map(SealedSettings.Stored::id)
            .toList());
    assertTrue(tx.inTenant(shop, c -> PluginConfigs.list(c, PluginConfigs.MARKETING)).isEmpty());
    assertTrue(
        tx.inTenant(shop, c -> PluginConfigs.find(c, PluginConfigs.MARKETING, created.id()))
            .isEmpty());
    assertEquals(
        SECRET,
        tx.inTenant(
                shop, c -> PluginConfigs.resolve(c, db.dataKeys().forTenant(c, shop), created.id()))
            .orElseThrow()
            .values()
            .get("signingSecret"));
  }

  @Test
  void disablingBumpsTheRevisionAndDropsItFromTheEnabledList() {
    SealedSettings.Stored created = webhook();
    assertEquals(
        List.of(new PluginConfigs.Enabled(created.id(), "notifier-webhook", 1)),
        tx.inTenant(shop, c -> PluginConfigs.enabled(c, PluginConfigs.NOTIFIER)));
    SealedSettings.Stored disabled =
        tx.inTenant(
                shop,
                c ->
                    PluginConfigs.update(
                        c,
                        db.dataKeys().forTenant(c, shop),
                        created.id(),
                        new SealedSettings.Change(null, false, null, null, null),
                        "owner"))
            .orElseThrow();
    assertEquals(2, disabled.revision());
    assertFalse(disabled.enabled());
    assertEquals(Set.of("signingSecret"), disabled.secretsSet());
    assertTrue(tx.inTenant(shop, c -> PluginConfigs.enabled(c, PluginConfigs.NOTIFIER)).isEmpty());
  }

  @Test
  void aPluginOfAnotherKindIsRefusedNamingThePluginField() {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () ->
                tx.inTenant(
                    shop,
                    c ->
                        PluginConfigs.create(
                            c,
                            db.dataKeys().forTenant(c, shop),
                            PluginConfigs.MARKETING,
                            "payment-epay",
                            "x",
                            Map.of(),
                            Map.of(),
                            "owner")));
    assertEquals("plugin", e.faults().get(0).field());
  }

  @Test
  void theSecretIsNotReadableInTheRow() {
    SealedSettings.Stored created = webhook();
    String row =
        tx.inTenant(
            shop,
            c -> {
              try (var s =
                  c.prepareStatement(
                      "SELECT plugin_config::text FROM kameng.plugin_config WHERE id = ?")) {
                s.setObject(1, created.id());
                try (var rs = s.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
    assertFalse(row.contains(SECRET), row);
    assertFalse(row.contains(java.util.HexFormat.of().formatHex(SECRET.getBytes())), row);
    assertTrue(row.contains("signingSecret"), "the name of the set secret is kept in the clear");
  }

  @Test
  void anotherShopSeesNothing() {
    webhook();
    TenantId other = db.newTenant();
    assertTrue(tx.inTenant(other, c -> PluginConfigs.list(c, PluginConfigs.NOTIFIER)).isEmpty());
  }
}
