package org.kameng.kernel.pluginstate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.host.KeyValueStore;

/**
 * The durable {@link KeyValueStore} of one plugin in one shop, in PostgreSQL. Each call is its own
 * short transaction, so a plugin never holds a lock across a network call; {@link #putIfAbsent} and
 * {@link #compareAndSet} are single statements and therefore atomic across server instances.
 */
public final class PluginStore implements KeyValueStore {

  private static final Pattern PLUGIN = Pattern.compile("[a-z][a-z0-9-]{1,63}");

  /** The longest key, in characters. */
  public static final int MAX_KEY = 200;

  /** The longest value, in characters. */
  public static final int MAX_VALUE = 16_384;

  private final Transactions transactions;
  private final TenantId tenant;
  private final String pluginId;

  public PluginStore(Transactions transactions, TenantId tenant, String pluginId) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    if (pluginId == null || !PLUGIN.matcher(pluginId).matches()) {
      throw new IllegalArgumentException("not a plugin id: " + pluginId);
    }
    this.pluginId = pluginId;
  }

  @Override
  public Optional<String> get(String key) {
    checkKey(key);
    return transactions.inTenant(
        tenant,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT value FROM kameng.plugin_store WHERE plugin_id = ? AND key = ?")) {
            select.setString(1, pluginId);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  @Override
  public void put(String key, String value) {
    write(
        "INSERT INTO kameng.plugin_store (tenant_id, plugin_id, key, value) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (tenant_id, plugin_id, key)"
            + " DO UPDATE SET value = EXCLUDED.value, updated_at = now()",
        key,
        value);
  }

  @Override
  public boolean putIfAbsent(String key, String value) {
    return write(
        "INSERT INTO kameng.plugin_store (tenant_id, plugin_id, key, value) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        key,
        value);
  }

  @Override
  public boolean compareAndSet(String key, String expected, String replacement) {
    checkKey(key);
    Objects.requireNonNull(expected, "expected");
    checkValue(replacement);
    return transactions.inTenant(
        tenant,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE kameng.plugin_store SET value = ?, updated_at = now()"
                      + " WHERE plugin_id = ? AND key = ? AND value = ?")) {
            update.setString(1, replacement);
            update.setString(2, pluginId);
            update.setString(3, key);
            update.setString(4, expected);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean delete(String key) {
    checkKey(key);
    return transactions.inTenant(
        tenant,
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM kameng.plugin_store WHERE plugin_id = ? AND key = ?")) {
            delete.setString(1, pluginId);
            delete.setString(2, key);
            return delete.executeUpdate() == 1;
          }
        });
  }

  private boolean write(String sql, String key, String value) {
    checkKey(key);
    checkValue(value);
    return transactions.inTenant(
        tenant,
        c -> {
          try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setObject(1, tenant.value());
            insert.setString(2, pluginId);
            insert.setString(3, key);
            insert.setString(4, value);
            return insert.executeUpdate() == 1;
          }
        });
  }

  private static void checkKey(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY || key.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a key is 1 to " + MAX_KEY + " characters, without NUL");
    }
  }

  private static void checkValue(String value) {
    if (value == null || value.length() > MAX_VALUE || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "a value is at most " + MAX_VALUE + " characters, without NUL");
    }
  }
}
