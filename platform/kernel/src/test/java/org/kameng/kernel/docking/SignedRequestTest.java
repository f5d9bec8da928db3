package org.kameng.kernel.docking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.docking.RefusedRequestException.Reason;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;

/**
 * The shop's checks of a signed request: each forgery is refused for its own reason, and a refused
 * request records nothing (its nonce stays usable).
 */
class SignedRequestTest {

  private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
  private static final String CANONICAL = "POST\n/api/reseller/v1/orders\n%d\n%s\nabc";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void aCorrectlySignedRequestNamesItsReseller() {
    Fixture f = new Fixture(120);
    ResellerApiKeys.Caller caller = f.call(f.signed(NOW, nonce(), f.secret));
    assertEquals(f.d.resellerId, caller.resellerId());
    assertEquals(f.keyId, caller.keyId());
  }

  @Test
  void aWrongSecretOrAnAlteredRequestIsUnauthenticated() {
    Fixture f = new Fixture(120);
    assertRefused(Reason.UNAUTHENTICATED, f, f.signed(NOW, nonce(), "rs_not-the-secret"));
    String nonce = nonce();
    ResellerApiKeys.SignedRequest good = f.signed(NOW, nonce, f.secret);
    ResellerApiKeys.SignedRequest tampered =
        new ResellerApiKeys.SignedRequest(
            good.keyId(),
            good.timestamp(),
            good.nonce(),
            good.signature(),
            good.canonical().replace("abc", "abd"));
    assertRefused(Reason.UNAUTHENTICATED, f, tampered);
    // The refused request recorded nothing: its nonce still works for the genuine request.
    f.call(good);
  }

  @Test
  void aTimestampOutsideFiveMinutesIsRefusedAndOneJustInsideIsAccepted() {
    Fixture f = new Fixture(120);
    assertRefused(Reason.UNAUTHENTICATED, f, f.signed(NOW.minusSeconds(301), nonce(), f.secret));
    assertRefused(Reason.UNAUTHENTICATED, f, f.signed(NOW.plusSeconds(301), nonce(), f.secret));
    f.call(f.signed(NOW.minusSeconds(299), nonce(), f.secret));
    f.call(f.signed(NOW.plusSeconds(299), nonce(), f.secret));
  }

  @Test
  void aReplayedNonceIsRefused() {
    Fixture f = new Fixture(120);
    ResellerApiKeys.SignedRequest request = f.signed(NOW, nonce(), f.secret);
    f.call(request);
    assertRefused(Reason.REPLAYED, f, request);
  }

  @Test
  void aRevokedKeyAndASuspendedResellerAreRefused() {
    Fixture f = new Fixture(120);
    f.tx.inTenant(
        f.d.shop.tenant,
        c -> {
          ResellerApiKeys.revoke(c, f.d.shop.tenant, f.d.resellerId, f.keyId, "owner");
          return null;
        });
    assertRefused(Reason.REVOKED, f, f.signed(NOW, nonce(), f.secret));

    Fixture g = new Fixture(120);
    g.tx.inTenant(
        g.d.shop.tenant,
        c ->
            DownstreamResellers.update(
                c,
                g.d.shop.tenant,
                g.d.resellerId,
                new DownstreamResellers.ResellerDraft(
                    "Suspended", 1, null, null, null, "SUSPENDED"),
                "owner"));
    assertRefused(Reason.SUSPENDED, g, g.signed(NOW, nonce(), g.secret));
  }

  @Test
  void anotherShopsKeyIsUnknownHere() {
    Fixture mine = new Fixture(120);
    Fixture theirs = new Fixture(120);
    ResellerApiKeys.SignedRequest request = theirs.signed(NOW, nonce(), theirs.secret);
    RefusedRequestException e =
        assertThrows(
            RefusedRequestException.class,
            () ->
                mine.tx.inTenant(
                    mine.d.shop.tenant,
                    c -> mine.keys.authenticate(c, mine.d.shop.tenant, request)));
    assertEquals(Reason.UNAUTHENTICATED, e.reason());
  }

  @Test
  void theKeysRateIsEnforcedPerMinute() {
    Fixture f = new Fixture(3);
    for (int i = 0; i < 3; i++) {
      f.call(f.signed(NOW, nonce(), f.secret));
    }
    assertRefused(Reason.RATE_LIMITED, f, f.signed(NOW, nonce(), f.secret));
  }

  @Test
  void theSecretIsStoredSealedNeverInClear() throws Exception {
    Fixture f = new Fixture(120);
    byte[] stored;
    try (var c = f.d.shop.db.ownerDataSource().getConnection()) {
      c.createStatement()
          .execute("SELECT set_config('app.tenant_id', '" + f.d.shop.tenant.value() + "', false)");
      try (PreparedStatement select =
          c.prepareStatement("SELECT secret FROM kameng.reseller_api_key WHERE key_id = ?")) {
        select.setString(1, f.keyId);
        try (ResultSet rs = select.executeQuery()) {
          assertTrue(rs.next());
          stored = rs.getBytes(1);
        }
      }
    }
    String asText = new String(stored, StandardCharsets.ISO_8859_1);
    assertFalse(asText.contains(f.secret.substring(3, 20)), "secret in clear");
    assertTrue(f.secret.startsWith("rs_") && f.secret.length() == 46, f.secret);
  }

  @Test
  void expiredNoncesArePurgedAcrossShopsAndLiveOnesKept() throws Exception {
    Fixture f = new Fixture(120);
    String live = nonce();
    f.call(f.signed(NOW, live, f.secret));
    String old = nonce();
    f.tx.inTenant(
        f.d.shop.tenant,
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO kameng.reseller_nonce (tenant_id, key_id, nonce, expires_at)"
                      + " VALUES (?, ?, ?, now() - interval '1 second')")) {
            insert.setObject(1, f.d.shop.tenant.value());
            insert.setString(2, f.keyId);
            insert.setString(3, old);
            insert.executeUpdate();
          }
          return null;
        });

    int purged = f.tx.platform(c -> ResellerApiKeys.purgeExpiredNonces(c, 100_000));

    assertTrue(purged >= 1, "purged " + purged);
    assertEquals(
        1, f.d.count("SELECT count(*) FROM kameng.reseller_nonce"), "the live nonce stays");
  }

  // --- fixtures ------------------------------------------------------------------------------

  private final class Fixture {
    final Downstream d = Downstream.of(1000, 0, null, null);
    final Transactions tx = TestDatabase.get().transactions();
    final ResellerApiKeys keys = new ResellerApiKeys(d.shop.db.dataKeys(), clock);
    final String keyId;
    final String secret;

    Fixture(int rate) {
      ResellerApiKeys.IssuedKey issued =
          tx.inTenant(
              d.shop.tenant, c -> keys.issue(c, d.shop.tenant, d.resellerId, rate, "owner"));
      keyId = issued.keyId();
      secret = issued.secret();
    }

    ResellerApiKeys.SignedRequest signed(Instant at, String nonce, String withSecret) {
      String canonical = String.format(CANONICAL, at.getEpochSecond(), nonce);
      return new ResellerApiKeys.SignedRequest(
          keyId, Long.toString(at.getEpochSecond()), nonce, hmac(withSecret, canonical), canonical);
    }

    ResellerApiKeys.Caller call(ResellerApiKeys.SignedRequest request) {
      return tx.inTenant(d.shop.tenant, c -> keys.authenticate(c, d.shop.tenant, request));
    }
  }

  private static void assertRefused(
      Reason reason, Fixture f, ResellerApiKeys.SignedRequest request) {
    RefusedRequestException e = assertThrows(RefusedRequestException.class, () -> f.call(request));
    assertEquals(reason, e.reason(), e.getMessage());
  }

  private static String nonce() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  // Written apart from the kernel's own HMAC, as a client would.
  private static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
