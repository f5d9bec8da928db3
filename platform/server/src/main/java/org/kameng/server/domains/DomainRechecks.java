package org.kameng.server.domains;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.kernel.domain.DomainStatus;
import org.kameng.kernel.domain.ShopDomain;
import org.kameng.kernel.domain.ShopDomains;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.job.JobHandler;

/**
 * Checks verified domains again ({@link ShopDomains#RECHECK_JOB}): the token must still be in the
 * domain's TXT record, or the domain must still point at the platform, which answers its own
 * verification path for the hosts it serves ({@link VerificationPathServlet}). The kernel counts
 * the failures and lapses the domain; this class only asks.
 *
 * <p>The checks run inside the job's transaction, like the payment status queries: each is bounded
 * by its own time-outs (a few seconds), and a job's lease is far longer.
 */
@ApplicationScoped
public class DomainRechecks {

  private static final Logger LOG = Logger.getLogger(DomainRechecks.class.getName());
  private static final Pattern HOST = Pattern.compile("\"host\"\\s*:\\s*\"([a-z0-9.-]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");
  private static final Pattern CHECK = Pattern.compile("\"check\"\\s*:\\s*(\\d+)");

  @Inject DnsTxtCheck dnsCheck;
  @Inject HttpTokenCheck httpCheck;

  public JobHandler jobHandler() {
    return (c, job) -> {
      String host = field(HOST, job);
      String token = field(TOKEN, job);
      int check = Integer.parseInt(field(CHECK, job));
      VerificationOutcome dns = dnsCheck.check(host, token);
      String problem = null;
      if (!dns.verified()) {
        VerificationOutcome http = httpCheck.check(host, token);
        if (!http.verified()) {
          problem = "HTTP: " + http.message() + " DNS: " + dns.message();
        }
      }
      ShopDomains.recordCheck(c, job.tenant(), host, token, problem, check)
          .filter(d -> d.status() == DomainStatus.PENDING)
          .map(ShopDomain::host)
          .ifPresent(
              lapsed ->
                  LOG.warning(
                      "custom domain "
                          + lapsed
                          + " of shop "
                          + job.tenant().value()
                          + " failed "
                          + ShopDomains.LAPSE_AFTER_FAILED_CHECKS
                          + " checks in a row and no longer serves the shop"));
    };
  }

  private static String field(Pattern pattern, Job job) {
    Matcher m = pattern.matcher(job.payload());
    if (!m.find()) {
      // A payload this code did not write: failing parks the job as dead for an operator to see.
      throw new IllegalArgumentException("domain check job " + job.id() + " lacks " + pattern);
    }
    return m.group(1);
  }
}
