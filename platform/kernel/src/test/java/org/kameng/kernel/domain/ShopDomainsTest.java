package org.kameng.kernel.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.StorageException;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.ShopStatus;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** Custom domains: the use cases' rules, uniqueness across shops, and row-level security. */
class ShopDomainsTest {

  private static final String PLATFORM = "kameng.shop";

  private final TestDatabase db = TestDatabase.get();
  private final Transactions tx = db.transactions();
  private final TenantId mine = db.newTenant();
  private final TenantId theirs = db.newTenant();
  // The database outlives a test run: every test's hosts are its own.
  private final String host =
      "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";

  @Test
  void anAddedDomainIsPendingWithAnUnguessableToken() {
    ShopDomain added = add(mine, "  " + host.toUpperCase() + ". ");
    assertEquals(host, added.host());
    assertEquals(DomainStatus.PENDING, added.status());
    assertNotNull(added.createdAt());
    assertNull(added.verifiedAt());
    // 256 bits, URL-safe base64: publishable as a file body and a TXT value alike.
    assertTrue(added.verificationToken().matches("[A-Za-z0-9_-]{43}"), added.verificationToken());
    String other = add(mine, "www." + host).verificationToken();
    assertNotEquals(added.verificationToken(), other);
    assertEquals(List.of(added), tx.inTenant(mine, c -> ShopDomains.list(c)).subList(0, 1));
  }

  @Test
  void aPendingDomainServesNothing() {
    add(mine, host);
    assertEquals(Optional.empty(), serving(host));
  }

  @Test
  void aVerifiedDomainServesItsShopInAnySpelling() {
    ShopDomain added = add(mine, host);
    ShopDomain verified =
        tx.inTenant(mine, c -> ShopDomains.markVerified(c, host, added.verificationToken()))
            .orElseThrow();
    assertEquals(DomainStatus.VERIFIED, verified.status());
    assertNotNull(verified.verifiedAt());
    assertEquals(Optional.of(mine), serving(host));
    assertEquals(Optional.of(mine), serving(host.toUpperCase() + "."));
  }

  @Test
  void aSuspendedShopsDomainStillFindsTheShop() throws SQLException {
    verify(mine, host);
    tx.inTenant(mine, c -> ShopStatus.suspend(c, mine, "unpaid invoice", "admin"));
    // The storefront then shows the shop as closed, rather than "no shop here".
    assertEquals(Optional.of(mine), serving(host));
  }

  @Test
  void onlyTheCurrentTokenVerifies() {
    add(mine, host);
    assertEquals(
        Optional.empty(),
        tx.inTenant(mine, c -> ShopDomains.markVerified(c, host, "x".repeat(43))));
    assertEquals(Optional.empty(), serving(host));
  }

  @Test
  void addingTheSameDomainTwiceToOneShopIsAConflict() {
    add(mine, host);
    assertThrows(DomainTakenException.class, () -> add(mine, host.toUpperCase()));
  }

  @Test
  void aDomainAnotherShopServesCannotBeAdded() {
    verify(theirs, host);
    DomainTakenException taken = assertThrows(DomainTakenException.class, () -> add(mine, host));
    assertTrue(taken.getMessage().contains(host), taken.getMessage());
    assertEquals(List.of(), tx.inTenant(mine, c -> ShopDomains.list(c)));
  }

  @Test
  void pendingClaimsDoNotBlockEachOtherAndTheFirstVerificationWins() {
    // A shop that adds a domain it does not control must not hold it hostage.
    ShopDomain theirClaim = add(theirs, host);
    ShopDomain myClaim = add(mine, host);
    assertNotEquals(theirClaim.verificationToken(), myClaim.verificationToken());

    tx.inTenant(mine, c -> ShopDomains.markVerified(c, host, myClaim.verificationToken()));
    assertThrows(
        DomainTakenException.class,
        () ->
            tx.inTenant(
                theirs, c -> ShopDomains.markVerified(c, host, theirClaim.verificationToken())));
    assertEquals(Optional.of(mine), serving(host));
    assertEquals(
        DomainStatus.PENDING,
        tx.inTenant(theirs, c -> ShopDomains.find(c, host)).orElseThrow().status());
  }

  @Test
  void anotherShopNeverSeesOrTouchesTheRow() throws SQLException {
    ShopDomain added = verify(mine, host);

    assertEquals(List.of(), tx.inTenant(theirs, c -> ShopDomains.list(c)));
    assertEquals(Optional.empty(), tx.inTenant(theirs, c -> ShopDomains.find(c, host)));
    boolean removedByThem = tx.inTenant(theirs, c -> ShopDomains.remove(c, host));
    assertFalse(removedByThem);
    assertEquals(
        Optional.empty(),
        tx.inTenant(theirs, c -> ShopDomains.markVerified(c, host, added.verificationToken())));
    // Not by forgetting the tenant either: without one, the table shows no rows at all.
    int seenWithoutTenant = tx.platform(c -> countRows(c, host));
    int seenByMine = tx.inTenant(mine, c -> countRows(c, host));
    assertEquals(0, seenWithoutTenant);
    assertEquals(1, seenByMine);
    StorageException planted =
        assertThrows(
            StorageException.class,
            () ->
                tx.inTenant(
                    theirs,
                    c -> {
                      try (PreparedStatement insert =
                          c.prepareStatement(
                              "INSERT INTO kameng.shop_domain (tenant_id, host,"
                                  + " verification_token) VALUES (?, ?, ?)")) {
                        insert.setObject(1, mine.value());
                        insert.setString(2, "planted." + host);
                        insert.setString(3, "p".repeat(43));
                        return insert.executeUpdate();
                      }
                    }));
    assertTrue(planted.getMessage().contains("row-level security"), planted.getMessage());
  }

  @Test
  void theLookupFunctionIsTheApplicationsOnlyWayAcrossTenants() throws SQLException {
    verify(mine, host);
    try (Connection c = db.appDataSource().getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT p.prosecdef, pg_get_function_result(p.oid),"
                    + " has_function_privilege('public', p.oid, 'EXECUTE')"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname = 'kameng' AND p.proname = 'shop_serving_host'");
        ResultSet rs = select.executeQuery()) {
      assertTrue(rs.next());
      assertTrue(rs.getBoolean(1), "SECURITY DEFINER");
      assertEquals("uuid", rs.getString(2), "answers a tenant id, nothing else");
      assertFalse(rs.getBoolean(3), "PUBLIC may not execute it");
    }
  }

  @Test
  void removingADomainStopsItServing() {
    verify(mine, host);
    boolean removed = tx.inTenant(mine, c -> ShopDomains.remove(c, host + "."));
    boolean removedAgain = tx.inTenant(mine, c -> ShopDomains.remove(c, host));
    assertTrue(removed);
    assertFalse(removedAgain);
    assertEquals(Optional.empty(), serving(host));
    // Freed: another shop may now add it.
    assertEquals(DomainStatus.PENDING, add(theirs, host).status());
  }

  @Test
  void aShopHoldsAtMostTenDomains() {
    for (int i = 0; i < ShopDomains.MAX_PER_SHOP; i++) {
      add(mine, "d" + i + "." + host);
    }
    InvalidDomainException refused =
        assertThrows(InvalidDomainException.class, () -> add(mine, host));
    assertEquals("domain", refused.field());
  }

  @Test
  void verifyingSchedulesTheFirstCheckADayLater() {
    ShopDomain verified = verify(mine, host);
    assertEquals(0, verified.failedChecks());
    assertNotNull(verified.checkedAt());
    List<String> checks = scheduledChecks(mine, host);
    assertEquals(1, checks.size(), checks.toString());
    assertTrue(checks.get(0).matches(".*\"check\":\\s*1\\b.*"), checks.get(0));
    assertTrue(checks.get(0).contains(verified.verificationToken()), checks.get(0));
  }

  @Test
  void aPassingCheckKeepsServingAndResetsTheFailures() {
    ShopDomain verified = verify(mine, host);
    String token = verified.verificationToken();
    tx.inTenant(mine, c -> ShopDomains.recordCheck(c, mine, host, token, "no TXT record", 1));
    ShopDomain passed =
        tx.inTenant(mine, c -> ShopDomains.recordCheck(c, mine, host, token, null, 2))
            .orElseThrow();
    assertEquals(DomainStatus.VERIFIED, passed.status());
    assertEquals(0, passed.failedChecks());
    assertNull(passed.lastProblem());
    assertEquals(Optional.of(mine), serving(host));
    // verification's check 1, the failure's retry 2, the pass's next daily check 3
    assertEquals(3, scheduledChecks(mine, host).size());
  }

  @Test
  void failedChecksInARowTakeTheDomainBackToPendingAndSaySo() {
    ShopDomain verified = verify(mine, host);
    String token = verified.verificationToken();
    for (int check = 1; check < ShopDomains.LAPSE_AFTER_FAILED_CHECKS; check++) {
      int number = check;
      ShopDomain failing =
          tx.inTenant(
                  mine, c -> ShopDomains.recordCheck(c, mine, host, token, "NOT_RESOLVING", number))
              .orElseThrow();
      assertEquals(DomainStatus.VERIFIED, failing.status(), "still serving after " + check);
      assertEquals(check, failing.failedChecks());
      assertEquals("NOT_RESOLVING", failing.lastProblem());
    }
    ShopDomain lapsed =
        tx.inTenant(
                mine,
                c ->
                    ShopDomains.recordCheck(
                        c, mine, host, token, "WRONG_TOKEN", ShopDomains.LAPSE_AFTER_FAILED_CHECKS))
            .orElseThrow();
    assertEquals(DomainStatus.PENDING, lapsed.status());
    assertNull(lapsed.verifiedAt());
    assertEquals(token, lapsed.verificationToken(), "the owner can verify again with the same");
    assertEquals(Optional.empty(), serving(host));
    assertEquals(Optional.empty(), tx.platform(c -> ShopDomains.publishedToken(c, host)));
    // No check after the lapse: verification starts the next run of checks.
    assertEquals(ShopDomains.LAPSE_AFTER_FAILED_CHECKS, scheduledChecks(mine, host).size());
    assertEquals(1, auditEntries(mine, "domain.lapsed", host));
    // Freed for whoever proves control now.
    assertEquals(DomainStatus.PENDING, add(theirs, host).status());
  }

  @Test
  void aCheckOfAnOlderTokenChangesNothing() {
    ShopDomain first = verify(mine, host);
    tx.inTenant(mine, c -> ShopDomains.remove(c, host));
    ShopDomain second = verify(mine, host);
    Optional<ShopDomain> stale =
        tx.inTenant(
            mine,
            c -> ShopDomains.recordCheck(c, mine, host, first.verificationToken(), "gone", 1));
    assertEquals(Optional.empty(), stale);
    ShopDomain now = tx.inTenant(mine, c -> ShopDomains.find(c, host)).orElseThrow();
    assertEquals(0, now.failedChecks());
    assertEquals(second.verificationToken(), now.verificationToken());
    // Nor does a check of another shop's domain, whatever token it names.
    assertEquals(
        Optional.empty(),
        tx.inTenant(
            theirs,
            c -> ShopDomains.recordCheck(c, theirs, host, second.verificationToken(), "x", 1)));
  }

  @Test
  void thePlatformPublishesTheTokenOfVerifiedHostsOnly() {
    ShopDomain added = add(mine, host);
    assertEquals(Optional.empty(), tx.platform(c -> ShopDomains.publishedToken(c, host)));
    tx.inTenant(mine, c -> ShopDomains.markVerified(c, host, added.verificationToken()));
    assertEquals(
        Optional.of(added.verificationToken()),
        tx.platform(c -> ShopDomains.publishedToken(c, host.toUpperCase())));
  }

  @Test
  void concurrentAdditionsCannotPassTheLimitTogether() throws Exception {
    for (int i = 0; i < ShopDomains.MAX_PER_SHOP - 2; i++) {
      add(mine, "d" + i + "." + host);
    }
    // Six additions race for the last two places.
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Boolean>> attempts = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String name = "race" + i + "." + host;
      attempts.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  add(mine, name);
                  return true;
                } catch (InvalidDomainException refused) {
                  return false;
                }
              }));
    }
    start.countDown();
    int added = 0;
    for (java.util.concurrent.Future<Boolean> attempt : attempts) {
      added += attempt.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(2, added);
    assertEquals(ShopDomains.MAX_PER_SHOP, tx.inTenant(mine, c -> ShopDomains.list(c)).size());
  }

  private List<String> scheduledChecks(TenantId tenant, String name) {
    return tx.inTenant(
        tenant,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT payload::text FROM kameng.job WHERE kind = ? AND payload->>'host' = ?"
                      + " ORDER BY id")) {
            select.setString(1, ShopDomains.RECHECK_JOB);
            select.setString(2, name);
            List<String> payloads = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                payloads.add(rs.getString(1));
              }
            }
            return payloads;
          }
        });
  }

  private int auditEntries(TenantId tenant, String action, String name) {
    return tx.inTenant(
        tenant,
        c -> {
          try (PreparedStatement count =
              c.prepareStatement(
                  "SELECT count(*) FROM kameng.audit_log WHERE action = ? AND subject = ?")) {
            count.setString(1, action);
            count.setString(2, "domain:" + name);
            try (ResultSet rs = count.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  @Test
  void invalidNamesAreRefusedBeforeAnythingIsWritten() {
    InvalidDomainException refused =
        assertThrows(InvalidDomainException.class, () -> add(mine, "www." + PLATFORM));
    assertEquals("domain", refused.field());
    assertEquals(List.of(), tx.inTenant(mine, c -> ShopDomains.list(c)));
  }

  private ShopDomain add(TenantId tenant, String name) {
    return tx.inTenant(tenant, c -> ShopDomains.add(c, tenant, name, PLATFORM));
  }

  private ShopDomain verify(TenantId tenant, String name) {
    ShopDomain added = add(tenant, name);
    return tx.inTenant(
            tenant, c -> ShopDomains.markVerified(c, added.host(), added.verificationToken()))
        .orElseThrow();
  }

  private Optional<TenantId> serving(String name) {
    return tx.platform(c -> ShopDomains.shopServing(c, name));
  }

  private static int countRows(Connection c, String host) throws SQLException {
    try (PreparedStatement count =
        c.prepareStatement("SELECT count(*) FROM kameng.shop_domain WHERE host = ?")) {
      count.setString(1, host);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
