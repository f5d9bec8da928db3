package org.kameng.kernel.job;

import java.sql.SQLException;
import org.kameng.kernel.tenancy.StorageException;

/**
 * The text kept in {@code job.last_error}: the exception's class and the first line of its message,
 * nothing else. Operators read it in the admin view, so it must not carry data: no stack trace, no
 * cause chain, and no PostgreSQL "Detail:" line, which quotes the offending row's values on its own
 * line.
 */
final class LastError {

  static final int MAX_LENGTH = 500;

  private LastError() {}

  static String of(Throwable failure) {
    Throwable shown = failure;
    // Transactions wraps every SQLException; the driver's exception and SQL state say more.
    if (failure instanceof StorageException && failure.getCause() instanceof SQLException) {
      shown = failure.getCause();
    }
    StringBuilder text = new StringBuilder(shown.getClass().getName());
    if (shown instanceof SQLException sql && sql.getSQLState() != null) {
      text.append(" [").append(sql.getSQLState()).append(']');
    }
    String message = shown.getMessage();
    if (message != null && !message.isBlank()) {
      text.append(": ").append(message.strip().lines().findFirst().orElse(""));
    }
    return truncate(text.toString());
  }

  static String truncate(String text) {
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }
}
