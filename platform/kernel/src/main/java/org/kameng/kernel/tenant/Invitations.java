package org.kameng.kernel.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.TenantId;

/**
 * Invitations to join a shop for people without an account. The token names its shop (so it can be
 * redeemed without knowing the shop) and carries 256 random bits, of which only a hash is stored;
 * it is shown to the inviting owner once and expires after {@link #VALID_FOR}.
 */
public final class Invitations {

  /** How long an invitation can be accepted. */
  public static final Duration VALID_FOR = Duration.ofDays(7);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN =
      Pattern.compile(
          "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{43})");

  private Invitations() {}

  /** The role an invitation grants. */
  public enum Role {
    OWNER,
    STAFF
  }

  /** A pending invitation, as owners see it (never its token). */
  public record Pending(
      UUID id, String email, Role role, String invitedBy, OffsetDateTime expiresAt) {}

  /** A new invitation with its token, which is shown this once. */
  public record Issued(Pending invitation, String token) {}

  /** An invitation being accepted: for whom, and what it grants. */
  public record Redeemable(TenantId tenant, UUID id, String email, Role role) {}

  /**
   * Invites {@code email} (already normalised by the caller) to the shop; an open invitation of the
   * same address is replaced, so only the newest token works.
   */
  public static Issued invite(Connection c, TenantId tenant, String email, Role role, String owner)
      throws SQLException {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String random = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    UUID id = UUID.randomUUID();
    try (PreparedStatement revoke =
        c.prepareStatement(
            "UPDATE kameng.shop_invitation SET revoked_at = now()"
                + " WHERE email = ? AND accepted_at IS NULL AND revoked_at IS NULL")) {
      revoke.setString(1, email);
      revoke.executeUpdate();
    }
    OffsetDateTime expires;
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.shop_invitation"
                + " (tenant_id, id, email, role, token_hash, invited_by, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, now() + ?::interval) RETURNING expires_at")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.setString(3, email);
      insert.setString(4, role.name());
      insert.setBytes(5, hash(random));
      insert.setString(6, owner);
      insert.setString(7, VALID_FOR.toSeconds() + " seconds");
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        expires = rs.getObject(1, OffsetDateTime.class);
      }
    }
    AuditLog.record(
        c,
        tenant,
        owner,
        "member.invite",
        "invitation:" + id,
        new FlatJson().put("email", email).put("role", role.name()).toString());
    return new Issued(new Pending(id, email, role, owner, expires), tenant.value() + "." + random);
  }

  /** The shop a token names, if it is shaped like a token at all. */
  public static Optional<TenantId> shopOf(String token) {
    Matcher m = token == null ? null : TOKEN.matcher(token);
    return m != null && m.matches()
        ? Optional.of(new TenantId(UUID.fromString(m.group(1))))
        : Optional.empty();
  }

  /**
   * The open, unexpired invitation of a token, locked until the caller's transaction ends so that
   * it is accepted once.
   */
  public static Optional<Redeemable> redeemable(Connection c, String token) throws SQLException {
    Matcher m = TOKEN.matcher(token == null ? "" : token);
    if (!m.matches()) {
      return Optional.empty();
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT tenant_id, id, email, role FROM kameng.shop_invitation"
                + " WHERE token_hash = ? AND accepted_at IS NULL AND revoked_at IS NULL"
                + " AND expires_at > now() FOR UPDATE")) {
      select.setBytes(1, hash(m.group(2)));
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Redeemable(
                new TenantId(rs.getObject(1, UUID.class)),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                Role.valueOf(rs.getString(4))));
      }
    }
  }

  /** Marks an invitation accepted, by the account it created or found. */
  public static void accepted(Connection c, Redeemable invitation, String userId)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.shop_invitation SET accepted_at = now() WHERE id = ?"
                + " AND accepted_at IS NULL")) {
      update.setObject(1, invitation.id());
      update.executeUpdate();
    }
    AuditLog.record(
        c,
        invitation.tenant(),
        invitation.email(),
        "member.join",
        "user:" + userId,
        new FlatJson().put("role", invitation.role().name()).toString());
  }

  /** The shop's open invitations, newest first. */
  public static List<Pending> pending(Connection c) throws SQLException {
    List<Pending> found = new ArrayList<>();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT id, email, role, invited_by, expires_at FROM kameng.shop_invitation"
                    + " WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()"
                    + " ORDER BY created_at DESC");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        found.add(
            new Pending(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                Role.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getObject(5, OffsetDateTime.class)));
      }
    }
    return found;
  }

  /** Revokes an open invitation; false if there is none with this id. */
  public static boolean revoke(Connection c, TenantId tenant, UUID id, String owner)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.shop_invitation SET revoked_at = now()"
                + " WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL")) {
      update.setObject(1, id);
      if (update.executeUpdate() == 0) {
        return false;
      }
    }
    AuditLog.record(c, tenant, owner, "member.invite-revoke", "invitation:" + id, "{}");
    return true;
  }

  private static byte[] hash(String random) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(random.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
