package org.kameng.kernel.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/**
 * A notifier that keeps failing is disabled at the limit, with the reason in the audit log; a
 * success in between starts the count again; staff enabling it clears the count and the reason.
 */
class NotifierFailuresTest {

  private static final int LIMIT = 3;

  private final TestDatabase db = TestDatabase.get();
  private final Transactions tx = db.transactions();
  private final TenantId shop = db.newTenant();
  private final UUID id = webhook();

  private UUID webhook() {
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
                    Map.of("signingSecret", "canary-webhook-secret-0123456789"),
                    "owner"))
        .id();
  }

  private boolean fail(String reason) {
    return tx.inTenant(shop, c -> NotifierFailures.failed(c, shop, id, LIMIT, reason));
  }

  private NotifierFailures.State state() {
    return tx.inTenant(shop, c -> NotifierFailures.states(c).get(id));
  }

  private boolean enabled() {
    return tx.inTenant(shop, c -> PluginConfigs.enabled(c, PluginConfigs.NOTIFIER)).stream()
        .anyMatch(e -> e.id().equals(id));
  }

  private int audited() {
    return tx.inTenant(
        shop,
        c -> {
          try (PreparedStatement count =
              c.prepareStatement(
                  "SELECT count(*) FROM kameng.audit_log"
                      + " WHERE action = 'notifier.auto_disabled' AND subject = ?")) {
            count.setString(1, "plugin-config:" + id);
            try (ResultSet rs = count.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  @Test
  void aSuccessBeforeTheLimitStartsTheCountAgain() {
    assertFalse(fail("503"));
    assertFalse(fail("503"));
    assertEquals(2, state().failuresInRow());
    tx.inTenant(
        shop,
        c -> {
          NotifierFailures.succeeded(c, id);
          return null;
        });
    assertEquals(0, state().failuresInRow());
    assertFalse(fail("503"));
    assertFalse(fail("503"));
    assertTrue(enabled(), "never three in a row");
    assertEquals(0, audited());
  }

  @Test
  void theLimitDisablesOnceWithTheLastReasonAndStaffEnablingClearsIt() {
    assertFalse(fail("503"));
    assertFalse(fail("timeout"));
    assertTrue(fail("the receiver answered 410"));

    assertFalse(enabled());
    NotifierFailures.State state = state();
    assertEquals(LIMIT, state.failuresInRow());
    assertTrue(state.autoDisabledAt().isPresent());
    assertEquals(
        "disabled after 3 failed deliveries in a row; last: the receiver answered 410",
        state.autoDisabledReason().orElseThrow());
    assertEquals(1, audited());

    assertFalse(fail("late job of the same outage"), "a disabled configuration counts no more");
    assertEquals(1, audited());

    tx.inTenant(
        shop,
        c ->
            PluginConfigs.update(
                c,
                db.dataKeys().forTenant(c, shop),
                id,
                new SealedSettings.Change(null, true, null, null, null),
                "owner"));
    assertTrue(enabled());
    assertEquals(
        new NotifierFailures.State(0, java.util.Optional.empty(), java.util.Optional.empty()),
        state());
  }

  @Test
  void aLimitOfZeroNeverDisables() {
    for (int i = 0; i < 10; i++) {
      boolean disabled = tx.inTenant(shop, c -> NotifierFailures.failed(c, shop, id, 0, "503"));
      assertFalse(disabled);
    }
    assertTrue(enabled());
    assertEquals(10, state().failuresInRow());
    assertEquals(0, audited());
  }
}
