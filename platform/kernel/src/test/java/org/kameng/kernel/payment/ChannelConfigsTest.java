package org.kameng.kernel.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.kernel.payment.ChannelConfigs.ChannelChange;
import org.kameng.kernel.payment.ChannelConfigs.ChannelSettings;
import org.kameng.kernel.payment.ChannelConfigs.ResolvedChannel;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

class ChannelConfigsTest {

  private static final String KEY = "canary-merchant-key-" + UUID.randomUUID();

  private final TestDatabase db = TestDatabase.get();
  private final Transactions tx = db.transactions();
  private final TenantId shop = db.newTenant();

  private ChannelSettings epay() {
    return tx.inTenant(
        shop,
        c ->
            ChannelConfigs.create(
                c,
                cipher(c),
                "payment-epay",
                "  Alipay via EPay ",
                Map.of("pid", "1001", "gatewayUrl", "https://pay.example/"),
                Map.of("merchantKey", KEY),
                "owner"));
  }

  /** An owner connection that sees this shop's rows: RLS is forced even for the owner. */
  private Connection ownerSeeingShop() throws java.sql.SQLException {
    Connection c = db.ownerDataSource().getConnection();
    try (PreparedStatement set =
        c.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
      set.setString(1, shop.value().toString());
      set.execute();
    }
    return c;
  }

  private TenantCipher cipher(Connection c) throws java.sql.SQLException {
    return db.dataKeys().forTenant(c, shop);
  }

  @Test
  void staffSeeSettingsAndWhichSecretsAreSetButNeverASecret() {
    ChannelSettings created = epay();
    assertEquals("Alipay via EPay", created.name());
    assertEquals(Map.of("pid", "1001", "gatewayUrl", "https://pay.example/"), created.settings());
    assertEquals(Set.of("merchantKey"), created.secretsSet());
    assertTrue(created.enabled());
    assertEquals(1, created.revision());
    assertFalse(created.toString().contains(KEY));
    assertEquals(
        java.util.List.of(created), tx.inTenant(shop, ChannelConfigs::list).stream().toList());
  }

  @Test
  void theChannelGetsItsSecretsResolved() {
    ChannelSettings created = epay();
    ResolvedChannel resolved =
        tx.inTenant(shop, c -> ChannelConfigs.resolve(c, cipher(c), created.id())).orElseThrow();
    assertEquals(
        Map.of("pid", "1001", "gatewayUrl", "https://pay.example/", "merchantKey", KEY),
        resolved.values());
    assertEquals("payment-epay", resolved.channel());
    assertFalse(resolved.toString().contains(KEY), "toString must not show secrets");
  }

  @Test
  void secretsAreSealedAtRestNotStoredInTheClear() throws Exception {
    ChannelSettings created = epay();
    try (Connection c = ownerSeeingShop();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT secrets, settings::text, secret_names::text"
                    + " FROM kameng.channel_config WHERE id = ?")) {
      select.setObject(1, created.id());
      try (ResultSet rs = select.executeQuery()) {
        assertTrue(rs.next());
        String raw = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(KEY), "the merchant key is in the clear");
        assertFalse(rs.getString(2).contains(KEY));
        assertEquals("{merchantKey}", rs.getString(3));
      }
    }
  }

  @Test
  void anUpdateKeepsSecretsItDoesNotNameAndBumpsTheRevision() {
    ChannelSettings created = epay();
    ChannelSettings updated =
        tx.inTenant(
                shop,
                c ->
                    ChannelConfigs.update(
                        c,
                        cipher(c),
                        created.id(),
                        new ChannelChange("EPay", false, Map.of("pid", "2002"), null, null),
                        "owner"))
            .orElseThrow();
    assertEquals("EPay", updated.name());
    assertFalse(updated.enabled());
    assertEquals(Map.of("pid", "2002"), updated.settings());
    assertEquals(2, updated.revision());
    assertEquals(Set.of("merchantKey"), updated.secretsSet());
    assertEquals(
        KEY,
        tx.inTenant(shop, c -> ChannelConfigs.resolve(c, cipher(c), created.id()))
            .orElseThrow()
            .values()
            .get("merchantKey"));
  }

  @Test
  void secretsAreReplacedOrClearedOnlyWhenNamed() {
    ChannelSettings created = epay();
    tx.inTenant(
        shop,
        c ->
            ChannelConfigs.update(
                c,
                cipher(c),
                created.id(),
                new ChannelChange(null, null, null, Map.of("apiKey", "k2"), Set.of("merchantKey")),
                "owner"));
    ResolvedChannel resolved =
        tx.inTenant(shop, c -> ChannelConfigs.resolve(c, cipher(c), created.id())).orElseThrow();
    assertEquals("k2", resolved.values().get("apiKey"));
    assertFalse(resolved.values().containsKey("merchantKey"));
    assertEquals(
        Set.of("apiKey"),
        tx.inTenant(shop, c -> ChannelConfigs.find(c, created.id())).orElseThrow().secretsSet());
  }

  @Test
  void badInputNamesTheFieldAndWritesNothing() {
    InvalidChannelException badId =
        assertThrows(
            InvalidChannelException.class,
            () ->
                tx.inTenant(
                    shop,
                    c ->
                        ChannelConfigs.create(
                            c, cipher(c), "Payment EPay", "x", Map.of(), Map.of(), "owner")));
    assertEquals("channel", badId.faults().get(0).field());
    InvalidChannelException badField =
        assertThrows(
            InvalidChannelException.class,
            () ->
                tx.inTenant(
                    shop,
                    c ->
                        ChannelConfigs.create(
                            c,
                            cipher(c),
                            "payment-epay",
                            "x",
                            Map.of("pid", "a\0b"),
                            Map.of(),
                            "owner")));
    assertEquals("settings.pid", badField.faults().get(0).field());
    assertThrows(
        InvalidChannelException.class,
        () ->
            tx.inTenant(
                shop,
                c ->
                    ChannelConfigs.create(
                        c, cipher(c), "payment-epay", " ", Map.of(), Map.of(), "owner")));
    assertEquals(0, tx.inTenant(shop, ChannelConfigs::list).size());
  }

  @Test
  void anotherShopSeesNothingAndCannotChangeIt() {
    ChannelSettings created = epay();
    TenantId other = db.newTenant();
    assertTrue(tx.inTenant(other, c -> ChannelConfigs.find(c, created.id())).isEmpty());
    assertTrue(
        tx.inTenant(
                other,
                c ->
                    ChannelConfigs.update(
                        c,
                        db.dataKeys().forTenant(c, other),
                        created.id(),
                        new ChannelChange("hijacked", null, null, null, null),
                        "intruder"))
            .isEmpty());
    assertEquals(
        "Alipay via EPay",
        tx.inTenant(shop, c -> ChannelConfigs.find(c, created.id())).orElseThrow().name());
  }

  @Test
  void changesAreAuditedWithFieldNamesOnly() throws Exception {
    epay();
    try (Connection c = ownerSeeingShop();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT action, actor, detail::text FROM kameng.audit_log WHERE tenant_id = ?")) {
      select.setObject(1, shop.value());
      try (ResultSet rs = select.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("channel.create", rs.getString(1));
        assertEquals("owner", rs.getString(2));
        assertTrue(rs.getString(3).contains("merchantKey"));
        assertFalse(rs.getString(3).contains(KEY));
      }
    }
  }
}
