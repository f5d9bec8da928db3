package org.kameng.kernel.docking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.crypto.TenantCipher;
import org.kameng.kernel.docking.RefusedRequestException.Reason;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.TenantId;

/**
 * API key pairs of downstream resellers, and the checks of a signed request. The secret is shown
 * once when the key is issued and kept sealed with the shop's data key: unlike a password it must
 * be readable again, since the shop recomputes every request's HMAC with it. It never leaves this
 * class after issue.
 */
public final class ResellerApiKeys {

  /** How far a request's timestamp may be from this server's clock, either way. */
  public static final long CLOCK_WINDOW_SECONDS = 300;

  private static final Pattern KEY_ID = Pattern.compile("^rk_[a-z0-9]{24}$");
  private static final Pattern NONCE = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");
  private static final Pattern SIGNATURE = Pattern.compile("^[0-9a-f]{64}$");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int DEFAULT_RATE = 120;

  private final DataKeys dataKeys;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ResellerApiKeys(DataKeys dataKeys, Clock clock) {
    this.dataKeys = dataKeys;
    this.clock = clock;
  }

  /** A key just issued: the secret appears here and nowhere else, ever. */
  public record IssuedKey(String keyId, String secret, int ratePerMinute) {}

  /** A key as the shop's staff see it (never the secret). */
  public record KeyView(
      String keyId,
      int ratePerMinute,
      OffsetDateTime createdAt,
      OffsetDateTime revokedAt,
      OffsetDateTime lastUsedAt) {}

  /** Who a verified request comes from. */
  public record Caller(UUID resellerId, String keyId) {}

  /**
   * The headers of a signed request, and the canonical string the server built from the request
   * (docs/docking/reseller-api.md); the signature must be the HMAC of exactly that string.
   */
  public record SignedRequest(
      String keyId, String timestamp, String nonce, String signature, String canonical) {}

  /** Issues a key for the reseller, with {@code ratePerMinute} requests a minute (default 120). */
  public IssuedKey issue(
      Connection c, TenantId tenant, UUID resellerId, Integer ratePerMinute, String actor)
      throws SQLException {
    DownstreamResellers.find(c, resellerId)
        .orElseThrow(() -> new ResellerNotFoundException("No such reseller."));
    int rate = ratePerMinute == null ? DEFAULT_RATE : ratePerMinute;
    if (rate < 1 || rate > 6000) {
      throw new InvalidDockingException("ratePerMinute", "from 1 to 6000");
    }
    StringBuilder keyId = new StringBuilder("rk_");
    for (int i = 0; i < 24; i++) {
      keyId.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    byte[] secretBytes = new byte[32];
    random.nextBytes(secretBytes);
    String secret = "rs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    TenantCipher cipher = dataKeys.forTenant(c, tenant);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.reseller_api_key (tenant_id, key_id, reseller_id, secret,"
                + " key_version, rate_per_minute) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, tenant.value());
      insert.setString(2, keyId.toString());
      insert.setObject(3, resellerId);
      insert.setBytes(4, cipher.seal(secret));
      insert.setInt(5, cipher.version());
      insert.setInt(6, rate);
      insert.executeUpdate();
    }
    AuditLog.record(
        c,
        tenant,
        actor,
        "reseller.key-issue",
        "reseller:" + resellerId,
        new FlatJson().put("keyId", keyId.toString()).toString());
    return new IssuedKey(keyId.toString(), secret, rate);
  }

  /** The reseller's keys, newest first. */
  public static List<KeyView> list(Connection c, UUID resellerId) throws SQLException {
    DownstreamResellers.find(c, resellerId)
        .orElseThrow(() -> new ResellerNotFoundException("No such reseller."));
    List<KeyView> keys = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT key_id, rate_per_minute, created_at, revoked_at, last_used_at"
                + " FROM kameng.reseller_api_key WHERE reseller_id = ?"
                + " ORDER BY created_at DESC, key_id")) {
      select.setObject(1, resellerId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          keys.add(
              new KeyView(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getObject(3, OffsetDateTime.class),
                  rs.getObject(4, OffsetDateTime.class),
                  rs.getObject(5, OffsetDateTime.class)));
        }
      }
    }
    return keys;
  }

  /** Revokes a key for good: every later request signed with it is refused. Idempotent. */
  public static void revoke(
      Connection c, TenantId tenant, UUID resellerId, String keyId, String actor)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.reseller_api_key SET revoked_at = coalesce(revoked_at, now())"
                + " WHERE reseller_id = ? AND key_id = ?")) {
      update.setObject(1, resellerId);
      update.setString(2, keyId);
      if (update.executeUpdate() == 0) {
        throw new ResellerNotFoundException("No such key.");
      }
    }
    AuditLog.record(
        c,
        tenant,
        actor,
        "reseller.key-revoke",
        "reseller:" + resellerId,
        new FlatJson().put("keyId", keyId).toString());
  }

  /**
   * Checks a signed request, in order: well-formed headers, timestamp within the clock window, a
   * known key, the signature, the key not revoked and its reseller active, the nonce unseen, and
   * the key's rate. The nonce is recorded and the request counted only if every check passes, in
   * the caller's transaction (so the caller commits it before doing the request's work).
   *
   * @throws RefusedRequestException naming the check that failed
   */
  public Caller authenticate(Connection c, TenantId tenant, SignedRequest request)
      throws SQLException {
    if (request.keyId() == null
        || !KEY_ID.matcher(request.keyId()).matches()
        || request.nonce() == null
        || !NONCE.matcher(request.nonce()).matches()
        || request.signature() == null
        || !SIGNATURE.matcher(request.signature()).matches()
        || request.timestamp() == null
        || !request.timestamp().matches("^[0-9]{1,12}$")) {
      throw new RefusedRequestException(
          Reason.UNAUTHENTICATED, "Missing or malformed signature headers.");
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - Long.parseLong(request.timestamp())) > CLOCK_WINDOW_SECONDS) {
      throw new RefusedRequestException(
          Reason.UNAUTHENTICATED, "The timestamp is more than 5 minutes from the server's clock.");
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT k.reseller_id, k.secret, k.revoked_at IS NOT NULL, r.status"
                + " FROM kameng.reseller_api_key k JOIN kameng.downstream_reseller r"
                + " ON r.tenant_id = k.tenant_id AND r.id = k.reseller_id WHERE k.key_id = ?")) {
      select.setString(1, request.keyId());
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new RefusedRequestException(
              Reason.UNAUTHENTICATED, "Unknown key or bad signature.");
        }
        UUID resellerId = rs.getObject(1, UUID.class);
        String secret = dataKeys.forTenant(c, tenant).open(rs.getBytes(2));
        if (!MessageDigest.isEqual(
            hmacHex(secret, request.canonical()).getBytes(StandardCharsets.US_ASCII),
            request.signature().getBytes(StandardCharsets.US_ASCII))) {
          throw new RefusedRequestException(
              Reason.UNAUTHENTICATED, "Unknown key or bad signature.");
        }
        if (rs.getBoolean(3)) {
          throw new RefusedRequestException(Reason.REVOKED, "This key was revoked.");
        }
        if (!"ACTIVE".equals(rs.getString(4))) {
          throw new RefusedRequestException(
              Reason.SUSPENDED, "The shop suspended this reseller account.");
        }
        recordNonce(c, tenant, request);
        countRequest(c, request.keyId());
        return new Caller(resellerId, request.keyId());
      }
    }
  }

  private static void recordNonce(Connection c, TenantId tenant, SignedRequest request)
      throws SQLException {
    // Kept a minute past the window, so a nonce cannot be replayed while its timestamp passes.
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.reseller_nonce (tenant_id, key_id, nonce, expires_at)"
                + " VALUES (?, ?, ?, now() + make_interval(secs => ?)) ON CONFLICT DO NOTHING")) {
      insert.setObject(1, tenant.value());
      insert.setString(2, request.keyId());
      insert.setString(3, request.nonce());
      insert.setLong(4, 2 * CLOCK_WINDOW_SECONDS + 60);
      if (insert.executeUpdate() == 0) {
        throw new RefusedRequestException(Reason.REPLAYED, "This nonce was used already.");
      }
    }
  }

  // One statement counts and decides: a new minute starts a new window.
  private static void countRequest(Connection c, String keyId) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.reseller_api_key SET"
                + " window_requests = CASE WHEN window_start < date_trunc('minute', now())"
                + "   THEN 1 ELSE window_requests + 1 END,"
                + " window_start = greatest(window_start, date_trunc('minute', now())),"
                + " last_used_at = now()"
                + " WHERE key_id = ? RETURNING window_requests, rate_per_minute")) {
      update.setString(1, keyId);
      try (ResultSet rs = update.executeQuery()) {
        rs.next();
        if (rs.getInt(1) > rs.getInt(2)) {
          throw new RefusedRequestException(
              Reason.RATE_LIMITED,
              "This key's " + rs.getInt(2) + " requests a minute are used up.");
        }
      }
    }
  }

  /**
   * Signs {@code canonical} with a key of the current shop, for a request the shop sends to the
   * key's reseller (a callback); the secret stays here.
   *
   * @return the signature, or empty if the key is unknown or revoked
   */
  public Optional<String> signAs(Connection c, TenantId tenant, String keyId, String canonical)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT secret FROM kameng.reseller_api_key WHERE key_id = ? AND revoked_at IS NULL")) {
      select.setString(1, keyId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(hmacHex(dataKeys.forTenant(c, tenant).open(rs.getBytes(1)), canonical));
      }
    }
  }

  /** HMAC-SHA256 of {@code canonical} under the secret's UTF-8 bytes, lowercase hex. */
  static String hmacHex(String secret, String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * Deletes nonces past their window, across shops, a batch at a time (through a database function
   * that may do only that); in a transaction with no tenant.
   *
   * @return how many were deleted
   */
  public static int purgeExpiredNonces(Connection c, int batch) throws SQLException {
    try (PreparedStatement purge = c.prepareStatement("SELECT kameng.purge_reseller_nonces(?)")) {
      purge.setInt(1, batch);
      try (ResultSet rs = purge.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
