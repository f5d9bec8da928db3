package org.kameng.kernel.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.StorageException;

class LastErrorTest {

  @Test
  void keepsTheClassAndTheFirstLineOfTheMessageOnly() {
    Exception failure =
        new IllegalStateException(
            "upstream refused\n  Detail: key=SECRET-123", new RuntimeException("SECRET-456"));

    assertEquals("java.lang.IllegalStateException: upstream refused", LastError.of(failure));
  }

  @Test
  void namesTheDriversExceptionAndSqlStateBehindAStorageException() {
    SQLException sql = new SQLException("ERROR: deadlock detected\n  Detail: Process 1", "40P01");
    StorageException wrapped = new StorageException("database work failed: " + sql, sql);

    assertEquals("java.sql.SQLException [40P01]: ERROR: deadlock detected", LastError.of(wrapped));
  }

  @Test
  void aMissingMessageLeavesTheClass() {
    assertEquals("java.lang.NullPointerException", LastError.of(new NullPointerException()));
  }

  @Test
  void cutsLongMessages() {
    String text = LastError.of(new IllegalStateException("x".repeat(5000)));

    assertEquals(LastError.MAX_LENGTH, text.length());
    assertTrue(text.endsWith("…"));
  }
}
