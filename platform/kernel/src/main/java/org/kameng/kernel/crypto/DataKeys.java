package org.kameng.kernel.crypto;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.kameng.plugin.api.TenantId;

/**
 * Finds or creates each tenant's data key. The key is stored wrapped by the master key; the
 * unwrapped key is cached in memory for the life of the process (losing the cache costs a query).
 */
public final class DataKeys {

  private static final int CURRENT_VERSION = 1;
  private static final byte[] WRAP_CONTEXT = "kameng/data-key".getBytes();

  private final MasterKey masterKey;
  private final SecureRandom random = new SecureRandom();
  private final Map<TenantId, TenantCipher> cache = new ConcurrentHashMap<>();

  public DataKeys(MasterKey masterKey) {
    this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
  }

  /**
   * The cipher of the tenant whose transaction {@code connection} is in, creating the tenant's data
   * key on first use. Concurrent first uses agree on one key.
   */
  public TenantCipher forTenant(Connection connection, TenantId tenant) throws SQLException {
    TenantCipher cached = cache.get(tenant);
    if (cached != null) {
      return cached;
    }
    byte[] wrapped = load(connection, tenant);
    boolean createdHere = false;
    if (wrapped == null) {
      byte[] fresh = new byte[32];
      random.nextBytes(fresh);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO kameng.tenant_data_key (tenant_id, version, wrapped_key)"
                  + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
        insert.setObject(1, tenant.value());
        insert.setInt(2, CURRENT_VERSION);
        insert.setBytes(3, Sealing.seal(masterKey.secretKey(), fresh, context(tenant)));
        createdHere = insert.executeUpdate() == 1;
      }
      wrapped = load(connection, tenant);
    }
    SecretKey dataKey =
        new SecretKeySpec(Sealing.open(masterKey.secretKey(), wrapped, context(tenant)), "AES");
    TenantCipher cipher = new TenantCipher(tenant, CURRENT_VERSION, dataKey);
    if (createdHere) {
      // Not committed yet: if this transaction rolls back, the key never existed. Caching it now
      // would let later transactions seal secrets nobody could open after a restart.
      return cipher;
    }
    cache.putIfAbsent(tenant, cipher);
    return cache.get(tenant);
  }

  private static byte[] load(Connection connection, TenantId tenant) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT wrapped_key FROM kameng.tenant_data_key WHERE tenant_id = ? AND version = ?")) {
      select.setObject(1, tenant.value());
      select.setInt(2, CURRENT_VERSION);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    }
  }

  // The wrapped key is bound to its tenant: swapping two tenants' rows makes both fail to open.
  private static byte[] context(TenantId tenant) {
    byte[] id = TenantCipher.uuidBytes(tenant.value());
    byte[] aad = new byte[WRAP_CONTEXT.length + id.length];
    System.arraycopy(WRAP_CONTEXT, 0, aad, 0, WRAP_CONTEXT.length);
    System.arraycopy(id, 0, aad, WRAP_CONTEXT.length, id.length);
    return aad;
  }
}
