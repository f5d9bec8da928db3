package org.kameng.server.storefront;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read-only queries of the storefront that have no use case of their own in the kernel. */
final class StorefrontQueries {

  private StorefrontQueries() {}

  static List<StorefrontResource.ChannelView> channels(Connection c) throws SQLException {
    List<StorefrontResource.ChannelView> channels = new ArrayList<>();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT id, name, channel FROM kameng.channel_config WHERE enabled"
                    + " ORDER BY created_at");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        channels.add(
            new StorefrontResource.ChannelView(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
      }
    }
    return channels;
  }
}
