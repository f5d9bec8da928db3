package org.kameng.kernel.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** Importing card keys: counts, duplicates, rejections, batches, secrecy and tenancy. */
class CardKeyImportTest {

  private final TestDatabase db = TestDatabase.get();
  private final InventoryFixtures fixtures = new InventoryFixtures(db);
  private final CardKeyImport importer = new CardKeyImport(db.transactions(), db.dataKeys());

  @Test
  void reportsImportedDuplicateRejectedAndBlankLinesByLineNumber() {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    String text =
        "\uFEFFAAAA-0001\r\n" // 1: BOM and CRLF
            + "AAAA-0002 , gift card, EU\r\n" // 2: note with a comma
            + "\r\n" // 3: blank
            + "AAAA-0001\n" // 4: duplicate of line 1
            + "   \n" // 5: blank
            + "K".repeat(501)
            + "\n" // 6: key too long
            + "AAAA\u0000-0003\n" // 7: control character
            + ",only a note\n" // 8: empty key
            + "AAAA-0004,"
            + "n".repeat(501)
            + "\n" // 9: note too long
            + "  AAAA-0005  "; // 10: no final newline, trimmed

    ImportReport report = importer.importKeys(shop, sku, ImportSource.text(text), none());

    assertEquals(10, report.totalLines());
    assertEquals(3, report.imported());
    assertEquals(1, report.duplicates());
    assertEquals(4, report.rejected());
    assertEquals(2, report.blankLines());
    assertEquals(
        List.of(
            new Rejection(6, RejectReason.KEY_TOO_LONG),
            new Rejection(7, RejectReason.CONTROL_CHARACTER),
            new Rejection(8, RejectReason.EMPTY_KEY),
            new Rejection(9, RejectReason.NOTE_TOO_LONG)),
        report.rejections());
    assertEquals(
        List.of("AAAA-0001", "AAAA-0002,gift card, EU", "AAAA-0005"), fixtures.keys(shop, sku));

    List<String> record = fixtures.importRecord(shop, report.importId());
    assertEquals(List.of("DONE", "10", "3", "1", "4"), record.subList(0, 5));
    assertTrue(
        record.get(5).contains("{\"line\": 7, \"reason\": \"CONTROL_CHARACTER\""), record.get(5));
    assertEquals("t", record.get(6));
  }

  @Test
  void runningTheSameInputAgainImportsNothingNew() {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    String text = "K-1\nK-2,note\nK-3\n";

    assertEquals(3, importer.importKeys(shop, sku, ImportSource.text(text), none()).imported());
    ImportReport again = importer.importKeys(shop, sku, ImportSource.text(text), none());

    assertEquals(0, again.imported());
    assertEquals(3, again.duplicates());
    assertEquals(3, fixtures.keys(shop, sku).size());
    assertEquals(
        List.of("DONE", "3", "0", "3", "0"),
        fixtures.importRecord(shop, again.importId()).subList(0, 5));
  }

  @Test
  void dedupesAcrossBatchBoundariesAndReportsProgressPerBatch() throws Exception {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    // Batches of 3 lines: [A B A] [C B D] [E bad A] [F]
    String text = "A\nB\nA\nC\nB\nD\nE\n\u0001\nA\nF\n";
    List<String> progress = new ArrayList<>();
    ExecutorService sealing = Executors.newFixedThreadPool(2);
    try {
      CardKeyImport batched = new CardKeyImport(db.transactions(), db.dataKeys(), sealing, 2, 3);
      ImportReport report =
          batched.importKeys(
              shop,
              sku,
              ImportSource.text(text),
              (done, total) -> progress.add(done + "/" + total.orElse(-1)));

      assertEquals(6, report.imported());
      assertEquals(3, report.duplicates());
      assertEquals(List.of(new Rejection(8, RejectReason.CONTROL_CHARACTER)), report.rejections());
      assertEquals(List.of("3/10", "6/10", "9/10", "10/10"), progress);
      // File order is sale order, across batches and sealing threads alike.
      assertEquals(List.of("A", "B", "C", "D", "E", "F"), fixtures.keys(shop, sku));
    } finally {
      sealing.shutdown();
    }
  }

  @Test
  void storesKeysSealedNeverInPlainText() throws Exception {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    List<String> keys = List.of("CANARY-7f3a9c2e51", "CANARY-0b8d4e6f22", "CANARY-unicode-卡密");
    String text = String.join(",a note\n", keys) + "\n";
    String rejectedCanary = "CANARY-rejected-5d1c";

    ImportReport report =
        importer.importKeys(
            shop, sku, ImportSource.text(text + rejectedCanary + "\u0007\n"), none());

    // The report of rejected lines names rules, never what the line held.
    String storedReport = fixtures.importRecord(shop, report.importId()).get(5);
    assertTrue(storedReport.contains("CONTROL_CHARACTER"), storedReport);
    assertFalse(storedReport.contains(rejectedCanary), storedReport);
    assertFalse(report.toString().contains(rejectedCanary), report.toString());

    List<byte[]> stored = fixtures.storedBytesAsOwner(shop);
    assertEquals(9, stored.size(), "secret, fingerprint and note of three keys");
    for (byte[] column : stored) {
      for (String key : keys) {
        assertFalse(
            contains(column, key.getBytes(StandardCharsets.UTF_8)),
            "plaintext of " + key + " stored");
      }
    }
    assertEquals(
        List.of(keys.get(0) + ",a note", keys.get(1) + ",a note", keys.get(2)),
        fixtures.keys(shop, sku));
    long version =
        fixtures.scalar(shop, "SELECT min(key_version) FROM kameng.card_key WHERE sku_id = ?", sku);
    assertEquals(1, version);
  }

  @Test
  void anotherShopCannotImportIntoThisShopsSku() {
    TenantId mine = db.newTenant();
    TenantId intruder = db.newTenant();
    UUID sku = fixtures.cardKeySku(mine);

    SkuNotFoundException refused =
        assertThrows(
            SkuNotFoundException.class,
            () -> importer.importKeys(intruder, sku, ImportSource.text("PLANTED\n"), none()));

    assertTrue(refused.getMessage().contains(sku.toString()), refused.getMessage());
    assertEquals(List.of(), fixtures.keys(mine, sku));
    assertEquals(0, fixtures.scalar(intruder, "SELECT count(*) FROM kameng.card_key_import"));
    assertEquals(0, fixtures.scalar(mine, "SELECT count(*) FROM kameng.card_key_import"));
  }

  @Test
  void aSkuThatSellsNoCardKeysIsRefusedAndNothingIsRecorded() {
    TenantId shop = db.newTenant();
    UUID manual = fixtures.sku(shop, "MANUAL", false, 0, "Top-up by hand");

    InvalidImportException refused =
        assertThrows(
            InvalidImportException.class,
            () -> importer.importKeys(shop, manual, ImportSource.text("K\n"), none()));

    assertTrue(refused.getMessage().contains("MANUAL"), refused.getMessage());
    assertEquals(0, fixtures.scalar(shop, "SELECT count(*) FROM kameng.card_key_import"));
  }

  @Test
  void aLoopKeySkuTakesExactlyOneKey() {
    TenantId shop = db.newTenant();
    UUID loop = fixtures.sku(shop, "CARD_KEY", true, 0, "Shared account");

    ImportReport first =
        importer.importKeys(shop, loop, ImportSource.text("SHARED-1\nSHARED-1\nOTHER-2\n"), none());
    assertEquals(1, first.imported());
    assertEquals(1, first.duplicates());
    assertEquals(List.of(new Rejection(3, RejectReason.LOOP_KEY_TAKEN)), first.rejections());

    ImportReport another = importer.importKeys(shop, loop, ImportSource.text("OTHER-3\n"), none());
    assertEquals(0, another.imported());
    assertEquals(List.of(new Rejection(1, RejectReason.LOOP_KEY_TAKEN)), another.rejections());

    ImportReport same = importer.importKeys(shop, loop, ImportSource.text("SHARED-1\n"), none());
    assertEquals(1, same.duplicates());
    assertEquals(0, same.rejected());
    assertEquals(List.of("SHARED-1"), fixtures.keys(shop, loop));
  }

  private static ImportProgress none() {
    return ImportProgress.ignored();
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
