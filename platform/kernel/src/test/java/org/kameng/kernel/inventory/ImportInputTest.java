package org.kameng.kernel.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/**
 * Import input as it arrives: encodings, streams, overlong lines, failures midway, huge reports.
 */
class ImportInputTest {

  private final TestDatabase db = TestDatabase.get();
  private final InventoryFixtures fixtures = new InventoryFixtures(db);
  private final CardKeyImport importer = new CardKeyImport(db.transactions(), db.dataKeys());

  @Test
  void utf16InputIsRefusedAndWritesNoKey() {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    byte[] utf16 = "K-1\nK-2\n".getBytes(StandardCharsets.UTF_16); // with a BOM

    assertThrows(
        InvalidImportException.class,
        () ->
            importer.importKeys(
                shop, sku, ImportSource.stream(new ByteArrayInputStream(utf16)), none()));

    assertEquals(0, fixtures.scalar(shop, "SELECT count(*) FROM kameng.card_key"));
    // The run is on record as failed, so whoever uploaded the file can see what happened to it.
    assertEquals(
        1,
        fixtures.scalar(
            shop, "SELECT count(*) FROM kameng.card_key_import WHERE status = 'FAILED'"));
  }

  @Test
  void readsAStreamByteByByteRejectingUndecodableAndOverlongLines() throws IOException {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    ByteArrayOutputStream upload = new ByteArrayOutputStream();
    upload.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    upload.write("K-1,备注\r\n".getBytes(StandardCharsets.UTF_8));
    upload.write(new byte[] {'K', '-', '2', ',', (byte) 0xB1, (byte) 0xB8, '\n'}); // GBK, not UTF-8
    upload.write(
        ("X".repeat(KeyLineReader.MAX_LINE_BYTES + 1) + "\n").getBytes(StandardCharsets.US_ASCII));
    upload.write("K-3\n".getBytes(StandardCharsets.UTF_8));
    OneByteAtATime in = new OneByteAtATime(upload.toByteArray());

    ImportReport report = importer.importKeys(shop, sku, ImportSource.stream(in), none());

    assertEquals(
        List.of(
            new Rejection(2, RejectReason.NOT_UTF8), new Rejection(3, RejectReason.LINE_TOO_LONG)),
        report.rejections());
    assertEquals(List.of("K-1,备注", "K-3"), fixtures.keys(shop, sku));
    assertFalse(in.closed, "the caller's stream is the caller's to close");
  }

  @Test
  void aFailureMidwayKeepsCommittedBatchesAndIsRecordedAsFailed() {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    CardKeyImport batched =
        new CardKeyImport(db.transactions(), db.dataKeys(), Runnable::run, 1, 2);
    byte[] lines = "K-1\nK-2\nK-3\nK-4\nK-5\n".getBytes(StandardCharsets.UTF_8);
    InputStream breaksAfterThreeLines = new BreaksAfter(lines, 12);

    assertThrows(
        UncheckedIOException.class,
        () -> batched.importKeys(shop, sku, ImportSource.stream(breaksAfterThreeLines), none()));

    assertEquals(List.of("K-1", "K-2"), fixtures.keys(shop, sku));
    UUID failed = db.transactions().inTenant(shop, c -> UUID.fromString(lastImportId(c)));
    assertEquals(
        List.of("FAILED", "2", "2", "0", "0", "[]", "t"), fixtures.importRecord(shop, failed));

    ImportReport resumed =
        batched.importKeys(
            shop, sku, ImportSource.text(new String(lines, StandardCharsets.UTF_8)), none());
    assertEquals(3, resumed.imported());
    assertEquals(2, resumed.duplicates());
  }

  @Test
  void reportsAtMostAThousandRejectionsButCountsThemAll() {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    String text = ",\n".repeat(1_500) + "K-1\n";

    ImportReport report = importer.importKeys(shop, sku, ImportSource.text(text), none());

    assertEquals(1_500, report.rejected());
    assertEquals(ImportReport.MAX_REJECTIONS, report.rejections().size());
    assertTrue(report.rejectionsTruncated());
    assertEquals(1, report.imported());
    assertEquals(
        ImportReport.MAX_REJECTIONS,
        fixtures.scalar(
            shop,
            "SELECT jsonb_array_length(report) FROM kameng.card_key_import WHERE id = ?",
            report.importId()));
  }

  private static String lastImportId(Connection c) throws SQLException {
    try (var select =
            c.prepareStatement(
                "SELECT id::text FROM kameng.card_key_import ORDER BY created_at DESC LIMIT 1");
        var rs = select.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static ImportProgress none() {
    return ImportProgress.ignored();
  }

  /** An upload arriving in the smallest pieces a stream may deliver. */
  private static final class OneByteAtATime extends ByteArrayInputStream {
    boolean closed;

    OneByteAtATime(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, 1));
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** An upload whose connection drops after {@code good} bytes. */
  private static final class BreaksAfter extends InputStream {
    private final ByteArrayInputStream bytes;
    private int remaining;

    BreaksAfter(byte[] bytes, int good) {
      this.bytes = new ByteArrayInputStream(bytes);
      this.remaining = good;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining == 0) {
        throw new IOException("connection reset");
      }
      int n = bytes.read(b, off, Math.min(len, remaining));
      remaining -= Math.max(n, 0);
      return n;
    }
  }
}
