package org.kameng.kernel.upstream;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.kernel.settings.InvalidSettingsException;
import org.kameng.kernel.settings.SealedSettings;

/**
 * A shop's supplier connector configurations: which connector (a plugin's {@code supplier-…} id),
 * under which name, with which settings (the upstream's address, key id and secret). Secret
 * settings are sealed with the tenant's data key and never leave the kernel except resolved for the
 * connector itself ({@link #resolve}); the admin view only says which secrets are set.
 *
 * <p>Storage and rules are {@link SealedSettings}', the same as payment channels' and other
 * plugins', in a table of its own ({@code supplier_config}) so that a shop's suppliers never appear
 * among its other plugins. This class adds only the connector id's form and the supplier problem
 * type. Whether the settings suit the connector is the connector's question, which the caller asks
 * before saving. Every change bumps the revision and is audited without any value.
 */
public final class SupplierConfigs {

  private static final Pattern CONNECTOR = Pattern.compile("supplier-[a-z0-9]+(-[a-z0-9]+)*");

  private static final SealedSettings TABLE =
      new SealedSettings(
          "kameng.supplier_config", "connector", "supplier", InvalidSettingsException::new);

  private SupplierConfigs() {}

  /**
   * A configuration as staff see it.
   *
   * @param settings the non-secret settings by field name
   * @param secretsSet the names of the secret fields that have a value; never the values
   */
  public record SupplierSettings(
      UUID id,
      String connector,
      String name,
      boolean enabled,
      Map<String, String> settings,
      Set<String> secretsSet,
      long revision,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {

    private static SupplierSettings of(SealedSettings.Stored s) {
      return new SupplierSettings(
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
   * A configuration with its secrets opened, for building the connector; never shown to anyone.
   *
   * @param values settings and secrets together, by field name
   */
  public record ResolvedSupplier(
      UUID id, String connector, boolean enabled, Map<String, String> values, long revision) {

    @Override
    public String toString() {
      // the values hold secrets
      return "ResolvedSupplier[" + id + ", " + connector + ", revision " + revision + "]";
    }
  }

  /** A change to a configuration; a null part is left as it is. */
  public record SupplierChange(
      String name,
      Boolean enabled,
      Map<String, String> settings,
      Map<String, String> secrets,
      Set<String> clearSecrets) {}

  /** The shop's configurations, oldest first. */
  public static List<SupplierSettings> list(Connection c) throws SQLException {
    return TABLE.list(c, "supplier-").stream().map(SupplierSettings::of).toList();
  }

  /** One configuration of the shop. */
  public static Optional<SupplierSettings> find(Connection c, UUID id) throws SQLException {
    return TABLE.find(c, id).map(SupplierSettings::of);
  }

  /**
   * Adds a configuration, enabled.
   *
   * @throws InvalidSupplierException naming the field if the connector id, name or settings are not
   *     acceptable
   */
  public static SupplierSettings create(
      Connection c,
      TenantCipher cipher,
      String connector,
      String name,
      Map<String, String> settings,
      Map<String, String> secrets,
      String actor)
      throws SQLException {
    return create(c, cipher, UUID.randomUUID(), connector, name, settings, secrets, actor);
  }

  /** {@link #create} with a chosen id, for seeded configurations such as the demo shop's. */
  public static SupplierSettings create(
      Connection c,
      TenantCipher cipher,
      UUID id,
      String connector,
      String name,
      Map<String, String> settings,
      Map<String, String> secrets,
      String actor)
      throws SQLException {
    if (connector == null || !CONNECTOR.matcher(connector).matches()) {
      throw new InvalidSupplierException(
          "connector", "must be a supplier connector id like supplier-kameng");
    }
    try {
      return SupplierSettings.of(
          TABLE.create(c, cipher, id, connector, name, settings, secrets, actor));
    } catch (InvalidSettingsException e) {
      throw asSupplierProblem(e);
    }
  }

  /**
   * Changes a configuration. Secrets not named in the change keep their values, so an admin form
   * that never shows secrets can still save the other fields.
   *
   * @return the configuration after the change, or empty if the shop has no such configuration
   */
  public static Optional<SupplierSettings> update(
      Connection c, TenantCipher cipher, UUID id, SupplierChange change, String actor)
      throws SQLException {
    SealedSettings.Change sealed =
        new SealedSettings.Change(
            change.name(),
            change.enabled(),
            change.settings(),
            change.secrets(),
            change.clearSecrets());
    try {
      return TABLE.update(c, cipher, id, sealed, actor).map(SupplierSettings::of);
    } catch (InvalidSettingsException e) {
      throw asSupplierProblem(e);
    }
  }

  /** The configuration with its secrets opened, for the connector alone. */
  public static Optional<ResolvedSupplier> resolve(Connection c, TenantCipher cipher, UUID id)
      throws SQLException {
    return TABLE
        .resolve(c, cipher, id)
        .map(r -> new ResolvedSupplier(r.id(), r.plugin(), r.enabled(), r.values(), r.revision()));
  }

  /** The configuration's current revision, cheap enough for every purchase. */
  public static Optional<Long> revision(Connection c, UUID id) throws SQLException {
    return TABLE.revision(c, id);
  }

  // Supplier endpoints answer with the supplier problem type; the faults are the same.
  private static InvalidSupplierException asSupplierProblem(InvalidSettingsException e) {
    return new InvalidSupplierException(
        e.faults().stream()
            .map(f -> new InvalidSupplierException.Fault(f.field(), f.message()))
            .toList());
  }
}
