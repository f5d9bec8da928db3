package org.kameng.kernel.pluginstate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.host.KeyValueStore;

/**
 * The durable {@link KeyValueStore} of one plugin in one shop, in PostgreSQL. Each call is its own
 * short transaction, so a plugin never holds a lock across a network call; every write is a single
 * statement and therefore atomic across server instances.
 */
public final class PluginStore implements KeyValueStore {

  private static final Pattern PLUGIN = Pattern.compile("[a-z][a-z0-9-]{1,63}");

  /** The longest key, in characters. */
  public static final int MAX_KEY = 200;

  /** The longest value, in characters (the API's 64 KiB). */
  public static final int MAX_VALUE = 65_536;

  /**
   * Live keys one (tenant, plugin) scope may hold. The trigger of migration V26 enforces it; this
   * constant names it for callers and messages.
   */
  public static final int MAX_KEYS = 10_000;

  // The SQLSTATE the size trigger raises when a new key would exceed MAX_KEYS (migration V26).
  private static final String FULL = "KS001";

  // A live row: not expired. Every read and every "is it there" check uses it.
  private static final String LIVE = "(expires_at IS NULL OR expires_at > now())";

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
                  "SELECT value FROM kameng.plugin_store WHERE plugin_id = ? AND key = ? AND "
                      + LIVE)) {
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
    write(key, value, null, true);
  }

  @Override
  public void put(String key, String value, Duration keepFor) {
    write(key, value, expiry(keepFor), true);
  }

  @Override
  public boolean putIfAbsent(String key, String value) {
    return write(key, value, null, false);
  }

  @Override
  public boolean putIfAbsent(String key, String value, Duration keepFor) {
    return write(key, value, expiry(keepFor), false);
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
                      + " WHERE plugin_id = ? AND key = ? AND value = ? AND "
                      + LIVE)) {
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
                  "DELETE FROM kameng.plugin_store WHERE plugin_id = ? AND key = ? AND " + LIVE)) {
            delete.setString(1, pluginId);
            delete.setString(2, key);
            return delete.executeUpdate() == 1;
          }
        });
  }

  /**
   * One statement: writes unless the key is live and {@code replace} is false. A new key takes a
   * place in one of the scope's size stripes (migration V26), which refuse it once the scope holds
   * {@link #MAX_KEYS} live keys: a few rows checked, not the scope's keys counted, exact however
   * many writers run at once, and writers do not queue on one row.
   */
  private boolean write(String key, String value, Instant expiresAt, boolean replace) {
    checkKey(key);
    checkValue(value);
    return transactions.inTenant(
        tenant,
        c -> {
          try (PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT INTO kameng.plugin_store (tenant_id, plugin_id, key, value, expires_at)"
                      + " VALUES (?, ?, ?, ?, ?)"
                      + " ON CONFLICT (tenant_id, plugin_id, key) DO UPDATE"
                      + " SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at,"
                      + "     updated_at = now()"
                      + (replace
                          ? ""
                          : " WHERE kameng.plugin_store.expires_at IS NOT NULL"
                              + "   AND kameng.plugin_store.expires_at <= now()"))) {
            upsert.setObject(1, tenant.value());
            upsert.setString(2, pluginId);
            upsert.setString(3, key);
            upsert.setString(4, value);
            upsert.setTimestamp(5, expiresAt == null ? null : Timestamp.from(expiresAt));
            // No row: the key is live and was not to be replaced.
            return upsert.executeUpdate() == 1;
          } catch (SQLException e) {
            if (FULL.equals(e.getSQLState())) {
              throw new IllegalArgumentException(
                  "the store of " + pluginId + " holds " + MAX_KEYS + " keys, its limit", e);
            }
            throw e;
          }
        });
  }

  private static Instant expiry(Duration keepFor) {
    if (keepFor == null || keepFor.isNegative() || keepFor.isZero()) {
      throw new IllegalArgumentException("keepFor must be a positive duration");
    }
    return Instant.now().plus(keepFor);
  }

  private static void checkKey(String key) {
    if (key == null
        || key.isEmpty()
        || key.length() > MAX_KEY
        || key.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      throw new IllegalArgumentException(
          "a key is 1 to " + MAX_KEY + " characters, without control characters");
    }
  }

  private static void checkValue(String value) {
    if (value == null || value.length() > MAX_VALUE || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "a value is at most " + MAX_VALUE + " characters, without NUL");
    }
  }
}
