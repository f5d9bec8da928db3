package org.kameng.kernel.docking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An order placed with a callback URL gets one signed callback job once it is final. */
class ResellerCallbacksTest {

  @Test
  void aDeliveredOrderWithACallbackUrlIsDueAtOnceSignedWithThePlacingKey() {
    Downstream d = Downstream.of(1000, 2, null, null);
    d.topUp("10.00");
    var tx = d.shop.db.transactions();
    ResellerApiKeys keys = new ResellerApiKeys(d.shop.db.dataKeys(), Clock.systemUTC());
    ResellerApiKeys.IssuedKey key =
        tx.inTenant(d.shop.tenant, c -> keys.issue(c, d.shop.tenant, d.resellerId, null, "owner"));
    UUID orderId =
        d.placing(tx)
            .place(
                d.shop.tenant,
                new ResellerApiKeys.Caller(d.resellerId, key.keyId()),
                new PlaceResellerOrder.ResellerOrderRequest(
                    "cb-1", d.shop.skuId, 1, null, "https://downstream.example/hooks/kameng?x=1"))
            .orderId();

    assertEquals(1, callbackJobs(d), "one callback job");
    ResellerCallbacks.Due due =
        tx.inTenant(d.shop.tenant, c -> ResellerCallbacks.due(c, orderId)).orElseThrow();
    assertTrue(due.ready());
    assertEquals(key.keyId(), due.keyId());
    assertEquals("https://downstream.example/hooks/kameng?x=1", due.url().toString());
    assertTrue(due.body().contains("\"requestId\":\"cb-1\""), due.body());
    assertTrue(due.body().contains("\"status\":\"DELIVERED\""), due.body());
    assertFalse(due.body().contains("dock-"), "no card key in a callback");
    String signature =
        tx.inTenant(d.shop.tenant, c -> keys.signAs(c, d.shop.tenant, key.keyId(), "canonical"))
            .orElseThrow();
    assertEquals(ResellerApiKeys.hmacHex(key.secret(), "canonical"), signature);

    tx.inTenant(
        d.shop.tenant,
        c -> {
          ResellerApiKeys.revoke(c, d.shop.tenant, d.resellerId, key.keyId(), "owner");
          return null;
        });
    assertTrue(
        tx.inTenant(d.shop.tenant, c -> ResellerCallbacks.due(c, orderId)).isEmpty(),
        "a revoked key's callbacks are not sent");
  }

  @Test
  void anOrderWithoutACallbackUrlSchedulesNothing() {
    Downstream d = Downstream.of(1000, 1, null, null);
    d.topUp("10.00");
    d.placing(d.shop.db.transactions()).place(d.shop.tenant, d.resellerId, d.request("no-cb", 1));
    assertEquals(0, callbackJobs(d));
  }

  @Test
  void aCallbackJobLooksAgainLaterAndGivesUpAfterTwoDays() {
    Downstream d = Downstream.of(1000, 0, null, null);
    var tx = d.shop.db.transactions();
    UUID orderId = UUID.randomUUID();
    String payload = "{\"orderId\":\"" + orderId + "\",\"waits\":3}";
    boolean again =
        tx.inTenant(
            d.shop.tenant,
            c -> ResellerCallbacks.lookAgainLater(c, d.shop.tenant, payload, Instant.now()));
    assertTrue(again);
    assertEquals(1, callbackJobs(d));
    String last = "{\"orderId\":\"" + orderId + "\",\"waits\":" + ResellerCallbacks.MAX_WAITS + "}";
    boolean afterTwoDays =
        tx.inTenant(
            d.shop.tenant,
            c -> ResellerCallbacks.lookAgainLater(c, d.shop.tenant, last, Instant.now()));
    assertFalse(afterTwoDays);
  }

  @Test
  void aCallbackUrlMustBeAnAbsoluteHttpUrlWithoutCredentials() {
    for (String bad :
        List.of(
            "ftp://downstream.example/x",
            "/relative",
            "https://user:pw@downstream.example/x",
            "https://downstream.example/x#frag",
            "https://" + "a".repeat(500) + ".example/")) {
      InvalidDockingException e =
          assertThrows(InvalidDockingException.class, () -> ResellerCallbacks.checkUrl(bad), bad);
      assertEquals("callbackUrl", e.field());
    }
    ResellerCallbacks.checkUrl("http://downstream.example:8080/cb?x=1");
  }

  private static long callbackJobs(Downstream d) {
    return d.shop
        .db
        .transactions()
        .platform(
            c -> {
              try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT count(*) FROM kameng.job WHERE tenant_id = ? AND kind = ?")) {
                select.setObject(1, d.shop.tenant.value());
                select.setString(2, ResellerCallbacks.JOB);
                try (ResultSet rs = select.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }
}
