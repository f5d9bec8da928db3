package org.kameng.kernel.upstream;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.TenantId;

/**
 * A shop's supplier connector configurations: which connector (a plugin's {@code supplier-…} id),
 * under which name, with which settings (the upstream's address, key id and secret). Secret
 * settings are sealed with the tenant's data key and never leave the kernel except resolved for the
 * connector itself ({@link #resolve}); the admin view only says which secrets are set.
 *
 * <p>The storage and rules are those of the payment channels' {@code ChannelConfigs}, in a table of
 * its own so that a shop's suppliers never appear among its payment channels; both are meant to
 * fold into one per-plugin sealed settings store. The kernel checks what it can know alone; whether
 * the settings suit the connector is the connector's question, which the caller asks before saving.
 * Every change bumps the revision and is audited without any value.
 */
public final class SupplierConfigs {

  private static final Pattern CONNECTOR = Pattern.compile("supplier-[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  private static final int MAX_FIELDS = 40;
  private static final int MAX_VALUE = 8192;

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
      OffsetDateTime updatedAt) {}

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
    return select(c, null);
  }

  /** One configuration of the shop. */
  public static Optional<SupplierSettings> find(Connection c, UUID id) throws SQLException {
    return select(c, Objects.requireNonNull(id, "id")).stream().findFirst();
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
    String checkedName = checkName(name);
    Map<String, String> plain = checkFields("settings", settings);
    Map<String, String> hidden = checkFields("secrets", secrets);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.supplier_config"
                + " (tenant_id, id, connector, name, settings, secrets, secret_names)"
                + " VALUES (?, ?, ?, ?, jsonb_object(?::text[], ?::text[]), ?, ?)")) {
      insert.setObject(1, cipher.tenant().value());
      insert.setObject(2, id);
      insert.setString(3, connector);
      insert.setString(4, checkedName);
      insert.setArray(5, textArray(c, plain.keySet()));
      insert.setArray(6, textArray(c, plain.values()));
      insert.setBytes(7, hidden.isEmpty() ? null : cipher.seal(encode(hidden)));
      insert.setArray(8, textArray(c, hidden.keySet()));
      insert.executeUpdate();
    }
    audit(c, cipher.tenant(), actor, "supplier.create", id, plain.keySet(), hidden.keySet());
    return find(c, id).orElseThrow();
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
    Optional<ResolvedSupplier> current = lock(c, cipher, id);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    SupplierSettings before = find(c, id).orElseThrow();
    String name = change.name() == null ? before.name() : checkName(change.name());
    boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
    Map<String, String> plain =
        change.settings() == null ? before.settings() : checkFields("settings", change.settings());
    Map<String, String> hidden = new TreeMap<>(secretsOf(before, current.get()));
    if (change.clearSecrets() != null) {
      change.clearSecrets().forEach(hidden::remove);
    }
    if (change.secrets() != null) {
      hidden.putAll(checkFields("secrets", change.secrets()));
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.supplier_config SET name = ?, enabled = ?,"
                + " settings = jsonb_object(?::text[], ?::text[]), secrets = ?, secret_names = ?,"
                + " revision = revision + 1, updated_at = now() WHERE id = ?")) {
      update.setString(1, name);
      update.setBoolean(2, enabled);
      update.setArray(3, textArray(c, plain.keySet()));
      update.setArray(4, textArray(c, plain.values()));
      update.setBytes(5, hidden.isEmpty() ? null : cipher.seal(encode(hidden)));
      update.setArray(6, textArray(c, hidden.keySet()));
      update.setObject(7, id);
      update.executeUpdate();
    }
    Set<String> changedSecrets = new TreeSet<>();
    if (change.secrets() != null) {
      changedSecrets.addAll(change.secrets().keySet());
    }
    if (change.clearSecrets() != null) {
      changedSecrets.addAll(change.clearSecrets());
    }
    audit(c, cipher.tenant(), actor, "supplier.update", id, plain.keySet(), changedSecrets);
    return find(c, id);
  }

  /** The configuration with its secrets opened, for the connector alone. */
  public static Optional<ResolvedSupplier> resolve(Connection c, TenantCipher cipher, UUID id)
      throws SQLException {
    return resolved(c, cipher, id, "");
  }

  /** The configuration's current revision, cheap enough for every notify. */
  public static Optional<Long> revision(Connection c, UUID id) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT revision FROM kameng.supplier_config WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static Optional<ResolvedSupplier> lock(Connection c, TenantCipher cipher, UUID id)
      throws SQLException {
    return resolved(c, cipher, id, " FOR UPDATE");
  }

  private static Optional<ResolvedSupplier> resolved(
      Connection c, TenantCipher cipher, UUID id, String lock) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT connector, enabled, secrets, revision,"
                + " ARRAY(SELECT k FROM jsonb_object_keys(settings) k ORDER BY k),"
                + " ARRAY(SELECT settings ->> k FROM jsonb_object_keys(settings) k ORDER BY k)"
                + " FROM kameng.supplier_config WHERE id = ?"
                + lock)) {
      select.setObject(1, id);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Map<String, String> values = zip(rs.getArray(5), rs.getArray(6));
        byte[] sealed = rs.getBytes(3);
        if (sealed != null) {
          values.putAll(decode(cipher.open(sealed)));
        }
        return Optional.of(
            new ResolvedSupplier(id, rs.getString(1), rs.getBoolean(2), values, rs.getLong(4)));
      }
    }
  }

  private static Map<String, String> secretsOf(
      SupplierSettings settings, ResolvedSupplier resolved) {
    Map<String, String> secrets = new TreeMap<>(resolved.values());
    secrets.keySet().removeAll(settings.settings().keySet());
    return secrets;
  }

  private static List<SupplierSettings> select(Connection c, UUID id) throws SQLException {
    List<SupplierSettings> found = new ArrayList<>();
    // Which secrets are set is kept in the clear beside the sealed values, so listing never has
    // to open a secret.
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, connector, name, enabled, revision, created_at, updated_at,"
                + " ARRAY(SELECT k FROM jsonb_object_keys(settings) k ORDER BY k),"
                + " ARRAY(SELECT settings ->> k FROM jsonb_object_keys(settings) k ORDER BY k),"
                + " secret_names"
                + " FROM kameng.supplier_config"
                + (id == null ? "" : " WHERE id = ?")
                + " ORDER BY created_at, name")) {
      if (id != null) {
        select.setObject(1, id);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Set<String> secretsSet = new TreeSet<>();
          for (Object n : (Object[]) rs.getArray(10).getArray()) {
            secretsSet.add((String) n);
          }
          found.add(
              new SupplierSettings(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getBoolean(4),
                  zip(rs.getArray(8), rs.getArray(9)),
                  Set.copyOf(secretsSet),
                  rs.getLong(5),
                  rs.getObject(6, OffsetDateTime.class),
                  rs.getObject(7, OffsetDateTime.class)));
        }
      }
    }
    return found;
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new InvalidSupplierException("name", "must be 1 to 100 characters");
    }
    return name.strip();
  }

  private static Map<String, String> checkFields(String part, Map<String, String> fields) {
    Map<String, String> checked = new TreeMap<>();
    if (fields == null) {
      return checked;
    }
    if (fields.size() > MAX_FIELDS) {
      throw new InvalidSupplierException(part, "at most " + MAX_FIELDS + " fields");
    }
    fields.forEach(
        (name, value) -> {
          if (name == null || !FIELD.matcher(name).matches()) {
            throw new InvalidSupplierException(part, "field names are letters, digits and _");
          }
          if (value == null || value.length() > MAX_VALUE || value.indexOf('\0') >= 0) {
            throw new InvalidSupplierException(
                part + "." + name, "must be text of at most " + MAX_VALUE + " characters");
          }
          if (!value.isBlank()) {
            checked.put(name, value);
          }
        });
    return checked;
  }

  private static Map<String, String> zip(Array keys, Array values) throws SQLException {
    Object[] k = (Object[]) keys.getArray();
    Object[] v = (Object[]) values.getArray();
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < k.length; i++) {
      map.put((String) k[i], (String) v[i]);
    }
    return map;
  }

  private static Array textArray(Connection c, java.util.Collection<String> values)
      throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  // Secrets are sealed as one form-encoded string: unambiguous, and no JSON parser needed.
  private static String encode(Map<String, String> secrets) {
    StringBuilder out = new StringBuilder();
    secrets.forEach(
        (name, value) -> {
          if (out.length() > 0) {
            out.append('&');
          }
          out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
    return out.toString();
  }

  private static Map<String, String> decode(String sealed) {
    Map<String, String> secrets = new LinkedHashMap<>();
    if (sealed.isEmpty()) {
      return secrets;
    }
    for (String pair : sealed.split("&")) {
      int eq = pair.indexOf('=');
      secrets.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return secrets;
  }

  private static void audit(
      Connection c,
      TenantId tenant,
      String actor,
      String action,
      UUID id,
      Set<String> settings,
      Set<String> secrets)
      throws SQLException {
    AuditLog.record(
        c,
        tenant,
        actor,
        action,
        "supplier:" + id,
        new FlatJson()
            .put("settings", String.join(",", settings))
            .put("secrets", String.join(",", secrets))
            .toString());
  }
}
