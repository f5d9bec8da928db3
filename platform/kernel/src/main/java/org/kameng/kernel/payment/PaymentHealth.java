package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How payments fare across the platform, per channel: the platform admin's early warning. */
public final class PaymentHealth {

  private PaymentHealth() {}

  /**
   * One channel's payments started in the window.
   *
   * @param failureRate failed / (succeeded + failed), 0 when none finished
   */
  public record ChannelHealth(
      String channel, long succeeded, long failed, long pending, double failureRate) {}

  /** Every channel's payments started since {@code since}, by channel id. */
  public static List<ChannelHealth> since(Connection c, Instant since) throws SQLException {
    Map<String, long[]> counts = new TreeMap<>();
    try (PreparedStatement select =
        c.prepareStatement("SELECT channel, status, payments FROM kameng.payment_outcomes(?)")) {
      select.setTimestamp(1, Timestamp.from(since));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long[] row = counts.computeIfAbsent(rs.getString(1), k -> new long[3]);
          switch (rs.getString(2)) {
            case "SUCCEEDED" -> row[0] += rs.getLong(3);
            case "FAILED" -> row[1] += rs.getLong(3);
            default -> row[2] += rs.getLong(3);
          }
        }
      }
    }
    List<ChannelHealth> health = new ArrayList<>();
    counts.forEach(
        (channel, row) -> {
          long finished = row[0] + row[1];
          health.add(
              new ChannelHealth(
                  channel, row[0], row[1], row[2], finished == 0 ? 0 : (double) row[1] / finished));
        });
    return health;
  }
}
