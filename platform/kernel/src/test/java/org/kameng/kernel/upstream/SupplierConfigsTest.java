package org.kameng.kernel.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** A shop's supplier configurations keep their secrets sealed and apart from payment channels. */
class SupplierConfigsTest {

  private static final String SECRET = "rs_canary-" + UUID.randomUUID();

  private final TestDatabase db = TestDatabase.get();
  private final Transactions tx = db.transactions();
  private final TenantId shop = db.newTenant();

  private SupplierConfigs.SupplierSettings create() {
    return tx.inTenant(
        shop,
        c ->
            SupplierConfigs.create(
                c,
                db.dataKeys().forTenant(c, shop),
                "supplier-kameng",
                " Shop B ",
                Map.of("baseUrl", "https://b.example", "keyId", "rk_x"),
                Map.of("secret", SECRET),
                "owner"));
  }

  @Test
  void theSecretIsSealedAtRestListedOnlyByNameAndResolvedForTheConnector() {
    SupplierConfigs.SupplierSettings created = create();

    assertEquals("Shop B", created.name());
    assertEquals(Set.of("secret"), created.secretsSet());
    assertFalse(created.toString().contains(SECRET));
    String stored =
        tx.inTenant(
            shop,
            c -> {
              try (PreparedStatement select =
                      c.prepareStatement(
                          "SELECT settings::text || encode(secrets, 'escape')"
                              + " FROM kameng.supplier_config");
                  ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertFalse(stored.contains(SECRET), "the secret is not stored in the clear");
    var resolved =
        tx.inTenant(
                shop,
                c -> SupplierConfigs.resolve(c, db.dataKeys().forTenant(c, shop), created.id()))
            .orElseThrow();
    assertEquals(SECRET, resolved.values().get("secret"));
    assertFalse(resolved.toString().contains(SECRET));
    assertEquals(
        0L,
        (long)
            tx.inTenant(
                shop,
                c -> {
                  try (PreparedStatement select =
                          c.prepareStatement("SELECT count(*) FROM kameng.channel_config");
                      ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                  }
                }),
        "a supplier is not a payment channel");
  }

  @Test
  void aChangeWithoutTheSecretKeepsItAndBumpsTheRevision() {
    SupplierConfigs.SupplierSettings created = create();
    var changed =
        tx.inTenant(
                shop,
                c ->
                    SupplierConfigs.update(
                        c,
                        db.dataKeys().forTenant(c, shop),
                        created.id(),
                        new SupplierConfigs.SupplierChange(
                            "Shop B (main)", false, null, Map.of(), Set.of()),
                        "owner"))
            .orElseThrow();
    assertEquals(created.revision() + 1, changed.revision());
    assertFalse(changed.enabled());
    assertEquals(
        SECRET,
        tx.inTenant(
                shop,
                c -> SupplierConfigs.resolve(c, db.dataKeys().forTenant(c, shop), created.id()))
            .orElseThrow()
            .values()
            .get("secret"));
  }

  @Test
  void anotherShopSeesNothingAndBadInputNamesTheField() {
    SupplierConfigs.SupplierSettings created = create();
    TenantId other = db.newTenant();
    assertTrue(tx.inTenant(other, c -> SupplierConfigs.find(c, created.id())).isEmpty());
    assertTrue(tx.inTenant(other, SupplierConfigs::list).isEmpty());

    InvalidSupplierException e =
        assertThrows(
            InvalidSupplierException.class,
            () ->
                tx.inTenant(
                    shop,
                    c ->
                        SupplierConfigs.create(
                            c,
                            db.dataKeys().forTenant(c, shop),
                            "payment-epay",
                            "x",
                            Map.of(),
                            Map.of(),
                            "owner")));
    assertEquals("connector", e.faults().get(0).field());
    assertEquals(1, tx.inTenant(shop, SupplierConfigs::list).size(), "nothing was written");
  }
}
