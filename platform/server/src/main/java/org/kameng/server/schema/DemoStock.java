package org.kameng.server.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.logging.Logger;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;

/**
 * Gives the demo shop card keys to sell, once. The catalog comes from the demo migration; keys are
 * secrets sealed with the shop's data key, which only the running server holds, so they are made
 * here.
 */
@ApplicationScoped
public class DemoStock {

  static final TenantId DEMO_SHOP = TenantId.parse("00000000-0000-4000-8000-00000000d3e0");
  private static final Logger LOG = Logger.getLogger(DemoStock.class.getName());
  private static final int KEYS_PER_SKU = 50;
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;

  void onSchemaReady(@Observes SchemaMigration.SchemaReady ready) {
    if (!ready.demo()) {
      return;
    }
    int added =
        transactions.inTenant(
            DEMO_SHOP,
            c -> {
              TenantCipher cipher = dataKeys.forTenant(c, DEMO_SHOP);
              int count = 0;
              try (PreparedStatement skus =
                      c.prepareStatement(
                          "SELECT s.id FROM kameng.sku s JOIN kameng.product p"
                              + " ON p.tenant_id = s.tenant_id AND p.id = s.product_id"
                              + " WHERE p.fulfilment = 'CARD_KEY' AND NOT EXISTS"
                              + " (SELECT 1 FROM kameng.card_key k WHERE k.sku_id = s.id)");
                  ResultSet rs = skus.executeQuery();
                  PreparedStatement insert =
                      c.prepareStatement(
                          "INSERT INTO kameng.card_key (tenant_id, sku_id, fingerprint, secret,"
                              + " key_version) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                while (rs.next()) {
                  UUID sku = rs.getObject(1, UUID.class);
                  for (int i = 0; i < KEYS_PER_SKU; i++) {
                    String key = randomKey();
                    insert.setObject(1, DEMO_SHOP.value());
                    insert.setObject(2, sku);
                    insert.setBytes(3, cipher.fingerprint(key));
                    insert.setBytes(4, cipher.seal(key));
                    insert.setInt(5, cipher.version());
                    insert.addBatch();
                    count++;
                  }
                }
                insert.executeBatch();
              }
              return count;
            });
    if (added > 0) {
      LOG.info(() -> "Demo shop stocked with " + added + " card keys");
    }
  }

  private static String randomKey() {
    SecureRandom random = new SecureRandom();
    StringBuilder key = new StringBuilder("DEMO");
    for (int group = 0; group < 3; group++) {
      key.append('-');
      for (int i = 0; i < 4; i++) {
        key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return key.toString();
  }
}
