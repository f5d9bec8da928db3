package org.kameng.kernel.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** A tenant's data key exists once it is committed, and only then is it remembered. */
class DataKeysTest {

  @Test
  void aDataKeyCreatedInARolledBackTransactionIsNotReused() {
    TestDatabase db = TestDatabase.get();
    TenantId shop = db.newTenant();
    DataKeys keys = db.dataKeys();
    assertThrows(
        IllegalStateException.class,
        () ->
            db.transactions()
                .inTenant(
                    shop,
                    c -> {
                      keys.forTenant(c, shop).seal("lost");
                      throw new IllegalStateException("rolled back");
                    }));
    byte[] sealed = db.transactions().inTenant(shop, c -> keys.forTenant(c, shop).seal("kept"));
    // A fresh DataKeys (a restarted server) must open what the first one sealed.
    TenantCipher afterRestart =
        db.transactions().inTenant(shop, c -> db.dataKeys().forTenant(c, shop));
    assertEquals("kept", afterRestart.open(sealed));
  }
}
