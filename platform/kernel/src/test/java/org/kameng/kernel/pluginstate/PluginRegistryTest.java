package org.kameng.kernel.pluginstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.pluginstate.PluginRegistry.Entry;
import org.kameng.kernel.pluginstate.PluginRegistry.Loaded;
import org.kameng.kernel.pluginstate.PluginRegistry.Refused;
import org.kameng.kernel.pluginstate.PluginRegistry.Status;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;

class PluginRegistryTest {

  private final Transactions tx = TestDatabase.get().transactions();
  private final String id = "payment-t" + UUID.randomUUID().toString().substring(0, 8);
  private final String a = "a".repeat(64);
  private final String b = "b".repeat(64);

  private void reconcile(List<Loaded> loaded, List<Refused> refused) {
    tx.platform(
        c -> {
          PluginRegistry.reconcile(c, loaded, refused, "test");
          return null;
        });
  }

  private Entry entry() {
    return tx.platform(c -> PluginRegistry.find(c, id)).orElseThrow();
  }

  private List<String> events() {
    return tx.platform(
        c -> {
          List<String> events = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT event || ' ' || coalesce(version, '-') FROM kameng.plugin_registry_event"
                      + " WHERE plugin_id = ? ORDER BY id")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                events.add(rs.getString(1));
              }
            }
          }
          return events;
        });
  }

  @Test
  void aPluginIsInstalledUpgradedRemovedAndStaysKnown() {
    reconcile(List.of(new Loaded(id, "1.0.0", a)), List.of());
    assertEquals(Status.ACTIVE, entry().status());
    // A reload of the same archive is not an event.
    reconcile(List.of(new Loaded(id, "1.0.0", a)), List.of());
    // The same version rebuilt is: its checksum changed.
    reconcile(List.of(new Loaded(id, "1.0.0", b)), List.of());
    reconcile(List.of(new Loaded(id, "1.1.0", b)), List.of());
    assertEquals("1.1.0", entry().version());
    reconcile(List.of(), List.of());
    assertEquals(Status.REMOVED, entry().status());
    assertEquals("1.1.0", entry().version(), "a removed plugin stays known with its last version");
    assertEquals(
        List.of("INSTALLED 1.0.0", "UPGRADED 1.0.0", "UPGRADED 1.1.0", "REMOVED 1.1.0"), events());
  }

  @Test
  void aRefusedPluginIsRecordedWithItsReasonAndKeepsItsLastGoodVersion() {
    reconcile(List.of(new Loaded(id, "1.0.0", a)), List.of());
    reconcile(List.of(), List.of(new Refused(id, "requires plugin API 99.0.0")));
    Entry refused = entry();
    assertEquals(Status.REFUSED, refused.status());
    assertEquals("requires plugin API 99.0.0", refused.reason());
    assertEquals("1.0.0", refused.version());
  }

  @Test
  void disablingSurvivesReloadsAndIsRecordedOnce() {
    reconcile(List.of(new Loaded(id, "1.0.0", a)), List.of());
    tx.platform(c -> PluginRegistry.setDisabled(c, id, true, "admin"));
    tx.platform(c -> PluginRegistry.setDisabled(c, id, true, "admin"));
    reconcile(List.of(new Loaded(id, "1.0.1", a)), List.of());
    assertTrue(entry().disabled());
    assertTrue(tx.platform(PluginRegistry::disabled).contains(id));
    tx.platform(c -> PluginRegistry.setDisabled(c, id, false, "admin"));
    assertFalse(entry().disabled());
    assertEquals(
        List.of("INSTALLED 1.0.0", "DISABLED 1.0.0", "UPGRADED 1.0.1", "ENABLED 1.0.1"), events());
    assertTrue(
        tx.platform(c -> PluginRegistry.setDisabled(c, "payment-nosuch", true, "x")).isEmpty());
  }
}
