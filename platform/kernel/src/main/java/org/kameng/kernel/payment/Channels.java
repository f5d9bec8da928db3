package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The current tenant's payment channels as a buyer may choose them. */
public final class Channels {

  private Channels() {}

  /** A channel configuration a buyer may pay through; never its settings or secrets. */
  public record Choice(UUID id, String name, String channel) {}

  /** The enabled channels, oldest first. */
  public static List<Choice> enabled(Connection c) throws SQLException {
    List<Choice> channels = new ArrayList<>();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT id, name, channel FROM kameng.channel_config WHERE enabled"
                    + " ORDER BY created_at, name");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        channels.add(new Choice(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
      }
    }
    return channels;
  }
}
