package org.kameng.kernel.domain;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.TenantId;

/**
 * A shop's custom domains: add, list, remove, mark verified, and the storefront's lookup of the
 * shop a verified host serves. Every method but {@link #shopServing} runs in the caller's
 * transaction of the shop ({@code Transactions.inTenant}); none commits.
 */
public final class ShopDomains {

  /** How many domains one shop may hold, pending ones included. */
  public static final int MAX_PER_SHOP = 10;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The job that checks a verified domain again; its payload names the host and token. */
  public static final String RECHECK_JOB = "domain.recheck";

  /** How long a verified domain goes between checks while they pass. */
  public static final Duration RECHECK_EVERY = Duration.ofHours(24);

  /** How soon a failed check is repeated: a DNS or web-server hiccup should not count for long. */
  public static final Duration RETRY_FAILED_AFTER = Duration.ofHours(6);

  /**
   * Failed checks in a row after which a domain stops serving (at least 18 hours of failing: a
   * daily check, then three more six hours apart). It goes back to pending, keeping its token, so
   * the owner can verify it again once it points at the platform or publishes the token.
   */
  public static final int LAPSE_AFTER_FAILED_CHECKS = 4;

  private static final String COLUMNS =
      "host, status, verification_token, created_at, verified_at, checked_at, failed_checks,"
          + " last_problem";

  private ShopDomains() {}

  /**
   * Adds a domain to the shop, pending, with a fresh verification token.
   *
   * @param platformDomain the platform's own domain, which no shop may add
   * @throws InvalidDomainException if the name is not one a shop may add, or the shop has {@link
   *     #MAX_PER_SHOP} already
   * @throws DomainTakenException if another shop serves it, or this shop added it already
   */
  public static ShopDomain add(
      Connection c, TenantId tenant, String requested, String platformDomain) throws SQLException {
    String host = DomainName.normalise(requested, platformDomain);
    Optional<TenantId> serving = shopServing(c, host);
    if (serving.isPresent() && !serving.get().equals(tenant)) {
      throw new DomainTakenException("another shop already uses " + host);
    }
    // The shop row is locked first, so two concurrent additions cannot both see nine domains.
    lockShop(c, tenant);
    if (list(c).size() >= MAX_PER_SHOP) {
      throw new InvalidDomainException(
          DomainName.FIELD, "a shop may have at most " + MAX_PER_SHOP + " domains");
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.shop_domain (tenant_id, host, verification_token)"
                + " VALUES (?, ?, ?) ON CONFLICT (tenant_id, host) DO NOTHING"
                + " RETURNING "
                + COLUMNS)) {
      insert.setObject(1, tenant.value());
      insert.setString(2, host);
      insert.setString(3, newToken());
      try (ResultSet rs = insert.executeQuery()) {
        if (!rs.next()) {
          throw new DomainTakenException("this shop already has " + host);
        }
        return read(rs);
      }
    }
  }

  /** The shop's domains, by name. */
  public static List<ShopDomain> list(Connection c) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM kameng.shop_domain"
                + " WHERE tenant_id = kameng.current_tenant() ORDER BY host")) {
      List<ShopDomain> domains = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          domains.add(read(rs));
        }
      }
      return domains;
    }
  }

  /** One of the shop's domains; {@code host} in any case, with or without a trailing dot. */
  public static Optional<ShopDomain> find(Connection c, String host) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM kameng.shop_domain"
                + " WHERE tenant_id = kameng.current_tenant() AND host = ?")) {
      select.setString(1, lookupForm(host));
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Removes one of the shop's domains; it stops serving the shop at once. True if it existed. */
  public static boolean remove(Connection c, String host) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM kameng.shop_domain"
                + " WHERE tenant_id = kameng.current_tenant() AND host = ?")) {
      delete.setString(1, lookupForm(host));
      return delete.executeUpdate() == 1;
    }
  }

  /**
   * Marks a pending domain verified, provided its token is still {@code token} — the one the check
   * found published; a domain removed and added again meanwhile has a new token and stays pending.
   *
   * @return the domain as it is now, or empty if the shop has no such pending domain with that
   *     token
   * @throws DomainTakenException if another shop got the domain verified first
   */
  public static Optional<ShopDomain> markVerified(Connection c, String host, String token)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.shop_domain SET status = 'VERIFIED', verified_at = now(),"
                + " checked_at = now(), failed_checks = 0, last_problem = NULL"
                + " WHERE tenant_id = kameng.current_tenant() AND host = ?"
                + " AND status = 'PENDING' AND verification_token = ?"
                + " RETURNING "
                + COLUMNS)) {
      update.setString(1, lookupForm(host));
      update.setString(2, token);
      Optional<ShopDomain> verified;
      try (ResultSet rs = update.executeQuery()) {
        verified = rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
      if (verified.isPresent()) {
        scheduleCheck(c, verified.get(), 1, Instant.now().plus(RECHECK_EVERY));
      }
      return verified;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new DomainTakenException("another shop already uses " + lookupForm(host));
      }
      throw e;
    }
  }

  /**
   * Records the result of checking a verified domain again and schedules the next check, in the
   * caller's tenant transaction. A pass resets the count of failures; a failure counts, and the
   * {@link #LAPSE_AFTER_FAILED_CHECKS}th in a row takes the domain back to pending (it stops
   * serving at once, keeps its token, and the shop's audit log says why).
   *
   * @param token the token the check looked for; a domain removed and added again meanwhile has
   *     another and is left alone
   * @param problem null if the check passed, else what it found, for the owner
   * @param checkNumber which check of this verification this was (1 for the first after it), for
   *     the next job's de-duplication key
   * @return the domain as it is now, or empty if it is no longer verified with that token (removed,
   *     re-added or lapsed meanwhile): nothing was recorded and no check scheduled
   */
  public static Optional<ShopDomain> recordCheck(
      Connection c, TenantId tenant, String host, String token, String problem, int checkNumber)
      throws SQLException {
    boolean passed = problem == null;
    Optional<ShopDomain> now;
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.shop_domain SET checked_at = now(),"
                + " failed_checks = CASE WHEN ? THEN 0 ELSE failed_checks + 1 END,"
                + " last_problem = ?,"
                + " status = CASE WHEN NOT ? AND failed_checks + 1 >= ? THEN 'PENDING'"
                + " ELSE status END,"
                + " verified_at = CASE WHEN NOT ? AND failed_checks + 1 >= ? THEN NULL"
                + " ELSE verified_at END"
                + " WHERE tenant_id = kameng.current_tenant() AND host = ?"
                + " AND status = 'VERIFIED' AND verification_token = ?"
                + " RETURNING "
                + COLUMNS)) {
      update.setBoolean(1, passed);
      update.setString(2, passed ? null : truncate(problem));
      update.setBoolean(3, passed);
      update.setInt(4, LAPSE_AFTER_FAILED_CHECKS);
      update.setBoolean(5, passed);
      update.setInt(6, LAPSE_AFTER_FAILED_CHECKS);
      update.setString(7, lookupForm(host));
      update.setString(8, token);
      try (ResultSet rs = update.executeQuery()) {
        now = rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
    if (now.isEmpty()) {
      return now;
    }
    ShopDomain domain = now.get();
    if (domain.status() == DomainStatus.VERIFIED) {
      Duration wait = passed ? RECHECK_EVERY : RETRY_FAILED_AFTER;
      scheduleCheck(c, domain, checkNumber + 1, Instant.now().plus(wait));
    } else {
      AuditLog.record(
          c,
          tenant,
          AuditLog.SYSTEM,
          "domain.lapsed",
          "domain:" + domain.host(),
          new FlatJson()
              .put("failedChecks", domain.failedChecks())
              .put("problem", domain.lastProblem())
              .toString());
    }
    return now;
  }

  /**
   * The token the platform itself publishes for a host it serves, so that a verified domain
   * pointing at the platform keeps passing its checks with no record or file of the owner's. Empty
   * for every host that is not verified. A platform-level read, like {@link #shopServing}.
   */
  public static Optional<String> publishedToken(Connection c, String host) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT kameng.verified_domain_token(?)")) {
      select.setString(1, lookupForm(host));
      try (ResultSet rs = select.executeQuery()) {
        return Optional.ofNullable(rs.next() ? rs.getString(1) : null);
      }
    }
  }

  /**
   * The shop a verified host serves (a platform-level read, for the storefront, which has no tenant
   * yet). Pending hosts serve nothing.
   */
  public static Optional<TenantId> shopServing(Connection c, String host) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT kameng.shop_serving_host(?)")) {
      select.setString(1, lookupForm(host));
      try (ResultSet rs = select.executeQuery()) {
        UUID id = rs.next() ? rs.getObject(1, UUID.class) : null;
        return Optional.ofNullable(id).map(TenantId::new);
      }
    }
  }

  private static void scheduleCheck(Connection c, ShopDomain domain, int checkNumber, Instant runAt)
      throws SQLException {
    Jobs.enqueue(
        c,
        new TenantId(currentTenant(c)),
        RECHECK_JOB,
        new FlatJson()
            .put("host", domain.host())
            .put("token", domain.verificationToken())
            .put("check", checkNumber)
            .toString(),
        domain.host() + ":" + domain.verificationToken() + ":" + checkNumber,
        runAt);
  }

  private static UUID currentTenant(Connection c) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT kameng.current_tenant()");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getObject(1, UUID.class);
    }
  }

  private static void lockShop(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement("SELECT 1 FROM kameng.tenant WHERE id = ? FOR NO KEY UPDATE")) {
      lock.setObject(1, tenant.value());
      lock.executeQuery().close();
    }
  }

  private static String truncate(String problem) {
    return problem.length() <= 1000 ? problem : problem.substring(0, 997) + "...";
  }

  // Stored hosts are lower case without a trailing dot; a lookup by any other spelling finds them.
  private static String lookupForm(String host) {
    String lower = host.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  // 256 random bits: nobody can publish a shop's token before the shop was given it.
  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static ShopDomain read(ResultSet rs) throws SQLException {
    return new ShopDomain(
        rs.getString(1),
        DomainStatus.valueOf(rs.getString(2)),
        rs.getString(3),
        rs.getObject(4, OffsetDateTime.class),
        rs.getObject(5, OffsetDateTime.class),
        rs.getObject(6, OffsetDateTime.class),
        rs.getInt(7),
        rs.getString(8));
  }
}
