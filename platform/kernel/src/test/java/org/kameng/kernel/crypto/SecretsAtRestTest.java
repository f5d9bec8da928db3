package org.kameng.kernel.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.docking.DownstreamResellers;
import org.kameng.kernel.docking.ResellerApiKeys;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/**
 * T3 canary: known card keys, an order token, a query password and a reseller API secret are
 * written through the kernel; then every column of every table is read back as text and searched
 * for them, in plain, hex and base64 form. None may appear.
 */
class SecretsAtRestTest {

  @Test
  void noSecretIsStoredInAnyReadableForm() throws SQLException {
    String canary = "CANARY-" + UUID.randomUUID();
    ShopFixture shop = ShopFixture.withCardKeyProduct(100);
    shop.addKeys(canary, 3);
    String password = "pw-" + UUID.randomUUID();
    PlacedOrder order =
        new PlaceOrder(shop.db.transactions())
            .place(
                shop.tenant,
                new OrderRequest(shop.skuId, 1, "canary@example.cn", null, password, null));

    List<String> found = new ArrayList<>();
    for (String secret : List.of(canary, order.token(), password)) {
      for (String form : forms(secret)) {
        found.addAll(tablesContaining(shop.tenant, form));
      }
    }
    assertEquals(List.of(), found, "secrets readable at rest");
  }

  @Test
  void noResellerApiSecretIsStoredInAnyReadableForm() throws SQLException {
    ShopFixture shop = ShopFixture.withCardKeyProduct(100);
    ResellerApiKeys keys = new ResellerApiKeys(shop.db.dataKeys(), Clock.systemUTC());
    String secret =
        shop.db
            .transactions()
            .inTenant(
                shop.tenant,
                c -> {
                  UUID reseller =
                      DownstreamResellers.create(
                              c,
                              shop.tenant,
                              new DownstreamResellers.ResellerDraft(
                                  "Canary reseller", 1, null, null, "CNY", null),
                              "owner")
                          .id();
                  return keys.issue(c, shop.tenant, reseller, null, "owner").secret();
                });

    List<String> found = new ArrayList<>();
    for (String form : forms(secret)) {
      found.addAll(tablesContaining(shop.tenant, form));
    }
    assertEquals(List.of(), found, "a reseller API secret readable at rest");
  }

  @Test
  void aSealedKeyOpensOnlyForItsOwnTenant() {
    TestDatabase db = TestDatabase.get();
    TenantId mine = db.newTenant();
    TenantId theirs = db.newTenant();
    DataKeys keys = db.dataKeys();
    byte[] sealed =
        db.transactions().inTenant(mine, c -> keys.forTenant(c, mine).seal("secret-key"));
    TenantCipher other = db.transactions().inTenant(theirs, c -> keys.forTenant(c, theirs));
    assertThrows(TamperedSecretException.class, () -> other.open(sealed));
    TenantCipher own = db.transactions().inTenant(mine, c -> keys.forTenant(c, mine));
    assertEquals("secret-key", own.open(sealed));
    assertNotEquals(
        HexFormat.of().formatHex(own.fingerprint("same")),
        HexFormat.of().formatHex(other.fingerprint("same")),
        "fingerprints must not be comparable across shops");
  }

  @Test
  void twoSealsOfOneSecretDiffer() {
    TestDatabase db = TestDatabase.get();
    TenantId shop = db.newTenant();
    TenantCipher cipher = db.transactions().inTenant(shop, c -> db.dataKeys().forTenant(c, shop));
    assertFalse(
        java.util.Arrays.equals(cipher.seal("k"), cipher.seal("k")), "a fresh nonce per seal");
  }

  private static List<String> forms(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    return List.of(
        secret,
        HexFormat.of().formatHex(bytes),
        Base64.getEncoder().encodeToString(bytes).replace("=", ""));
  }

  // Reads every table as the owner, inside the shop's tenant (RLS is forced on the owner too).
  private static List<String> tablesContaining(TenantId tenant, String needle) throws SQLException {
    List<String> hits = new ArrayList<>();
    try (Connection c = TestDatabase.get().ownerDataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement set =
          c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
        set.setString(1, tenant.value().toString());
        set.execute();
      }
      List<String> tables = new ArrayList<>();
      try (PreparedStatement list =
              c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = 'kameng'");
          ResultSet rs = list.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (PreparedStatement scan =
            c.prepareStatement(
                "SELECT count(*) FROM kameng." + table + " t WHERE strpos(t::text, ?) > 0")) {
          scan.setString(1, needle);
          try (ResultSet rs = scan.executeQuery()) {
            rs.next();
            if (rs.getInt(1) > 0) {
              hits.add(table);
            }
          }
        }
      }
      c.rollback();
    }
    return hits;
  }
}
