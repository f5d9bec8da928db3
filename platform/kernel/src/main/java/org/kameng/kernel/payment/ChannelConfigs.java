package org.kameng.kernel.payment;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.kernel.settings.SealedSettings;

/**
 * A shop's payment channel configurations: which channel (the built-in {@code manual} one or a
 * plugin's), under which name, with which settings. Secret settings are sealed with the tenant's
 * data key and never leave the kernel except resolved for the channel itself ({@link #resolve});
 * the admin view only says which secrets are set. The storage rules are {@link SealedSettings}'s,
 * shared with the other plugins' configurations; payments refer to this table, hence its own.
 */
public final class ChannelConfigs {

  private static final SealedSettings TABLE =
      new SealedSettings(
          "kameng.channel_config", "channel", "channel", InvalidChannelException::new);

  private ChannelConfigs() {}

  /**
   * A configuration as staff see it.
   *
   * @param settings the non-secret settings by field name
   * @param secretsSet the names of the secret fields that have a value; never the values
   */
  public record ChannelSettings(
      UUID id,
      String channel,
      String name,
      boolean enabled,
      Map<String, String> settings,
      Set<String> secretsSet,
      long revision,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {

    static ChannelSettings of(SealedSettings.Stored s) {
      return new ChannelSettings(
          s.id(),
          s.plugin(),
          s.name(),
          s.enabled(),
          s.settings(),
          s.secretsSet(),
          s.revision(),
          s.createdAt(),
          s.updatedAt());
    }
  }

  /**
   * A configuration with its secrets opened, for building the channel; never shown to anyone.
   *
   * @param values settings and secrets together, by field name
   */
  public record ResolvedChannel(
      UUID id, String channel, boolean enabled, Map<String, String> values, long revision) {

    @Override
    public String toString() {
      // the values hold secrets
      return "ResolvedChannel[" + id + ", " + channel + ", revision " + revision + "]";
    }
  }

  /** A change to a configuration; a null part is left as it is. */
  public record ChannelChange(
      String name,
      Boolean enabled,
      Map<String, String> settings,
      Map<String, String> secrets,
      Set<String> clearSecrets) {}

  /** The shop's configurations, oldest first. */
  public static List<ChannelSettings> list(Connection c) throws SQLException {
    return TABLE.list(c, "").stream().map(ChannelSettings::of).toList();
  }

  /** One configuration of the shop. */
  public static Optional<ChannelSettings> find(Connection c, UUID id) throws SQLException {
    return TABLE.find(c, id).map(ChannelSettings::of);
  }

  /**
   * Adds a configuration, enabled.
   *
   * @throws InvalidChannelException naming the field if the channel id, name or settings are not
   *     acceptable
   */
  public static ChannelSettings create(
      Connection c,
      TenantCipher cipher,
      String channel,
      String name,
      Map<String, String> settings,
      Map<String, String> secrets,
      String actor)
      throws SQLException {
    return create(c, cipher, UUID.randomUUID(), channel, name, settings, secrets, actor);
  }

  /** {@link #create} with a chosen id, for seeded configurations such as the demo shop's. */
  public static ChannelSettings create(
      Connection c,
      TenantCipher cipher,
      UUID id,
      String channel,
      String name,
      Map<String, String> settings,
      Map<String, String> secrets,
      String actor)
      throws SQLException {
    return ChannelSettings.of(TABLE.create(c, cipher, id, channel, name, settings, secrets, actor));
  }

  /**
   * Changes a configuration. Secrets not named in the change keep their values, so an admin form
   * that never shows secrets can still save the other fields.
   *
   * @return the configuration after the change, or empty if the shop has no such configuration
   */
  public static Optional<ChannelSettings> update(
      Connection c, TenantCipher cipher, UUID id, ChannelChange change, String actor)
      throws SQLException {
    return TABLE
        .update(
            c,
            cipher,
            id,
            new SealedSettings.Change(
                change.name(),
                change.enabled(),
                change.settings(),
                change.secrets(),
                change.clearSecrets()),
            actor)
        .map(ChannelSettings::of);
  }

  /** The configuration with its secrets opened, for the channel alone. */
  public static Optional<ResolvedChannel> resolve(Connection c, TenantCipher cipher, UUID id)
      throws SQLException {
    return TABLE
        .resolve(c, cipher, id)
        .map(r -> new ResolvedChannel(r.id(), r.plugin(), r.enabled(), r.values(), r.revision()));
  }

  /** The configuration's current revision, cheap enough for every notify. */
  public static Optional<Long> revision(Connection c, UUID id) throws SQLException {
    return TABLE.revision(c, id);
  }
}
