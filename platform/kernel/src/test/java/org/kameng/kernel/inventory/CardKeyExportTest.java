package org.kameng.kernel.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** Exporting unsold keys in the format the import reads. */
class CardKeyExportTest {

  private final TestDatabase db = TestDatabase.get();
  private final InventoryFixtures fixtures = new InventoryFixtures(db);
  private final CardKeyImport importer = new CardKeyImport(db.transactions(), db.dataKeys());
  private final CardKeyExport export = new CardKeyExport(db.transactions(), db.dataKeys());

  @Test
  void exportsWhatWasImportedAndReImportingItFindsOnlyDuplicates() throws IOException {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    String input = "\uFEFF  K-1 ,note one, with comma\r\nK-2\n\nK-3,\n卡密-四,备注\n";
    importer.importKeys(shop, sku, ImportSource.text(input), ImportProgress.ignored());

    StringWriter out = new StringWriter();
    long written = export.writeUnsold(shop, sku, "staff:alice", out);

    assertEquals(4, written);
    assertEquals("K-1,note one, with comma\nK-2\nK-3\n卡密-四,备注\n", out.toString());
    ImportReport again =
        importer.importKeys(shop, sku, ImportSource.text(out.toString()), ImportProgress.ignored());
    assertEquals(0, again.imported());
    assertEquals(4, again.duplicates());
  }

  @Test
  void exportsOnlyAvailableKeysAcrossPagesAndAuditsTheReveal() throws IOException {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 12_003; i++) {
      input.append("KEY-").append(i).append('\n');
    }
    importer.importKeys(shop, sku, ImportSource.text(input.toString()), ImportProgress.ignored());
    fixtures.markKeys(shop, sku, "SOLD", 2); // KEY-0, KEY-1
    fixtures.markKeys(shop, sku, "RESERVED", 1); // KEY-2

    StringWriter out = new StringWriter();
    long written = export.writeUnsold(shop, sku, "staff:bob", out);

    assertEquals(12_000, written);
    List<String> lines = out.toString().lines().toList();
    assertEquals(12_000, lines.size());
    assertEquals("KEY-3", lines.get(0));
    assertEquals("KEY-12002", lines.get(lines.size() - 1));
    assertEquals(
        12_000,
        fixtures.scalar(
            shop,
            "SELECT (detail->>'count')::bigint FROM kameng.audit_log"
                + " WHERE actor = 'staff:bob' AND action = 'card_key.export' AND subject = ?",
            "sku:" + sku));
  }

  @Test
  void anotherShopCannotExportThisShopsKeys() {
    TenantId mine = db.newTenant();
    TenantId intruder = db.newTenant();
    UUID sku = fixtures.cardKeySku(mine);
    importer.importKeys(mine, sku, ImportSource.text("SECRET-1\n"), ImportProgress.ignored());

    StringWriter out = new StringWriter();
    assertThrows(
        SkuNotFoundException.class, () -> export.writeUnsold(intruder, sku, "staff:eve", out));
    assertEquals("", out.toString());
  }
}
