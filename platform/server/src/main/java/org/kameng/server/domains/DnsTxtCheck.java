package org.kameng.server.domains;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.server.domains.VerificationOutcome.Reason;

/**
 * The DNS proof of control: a TXT record {@code _kameng-verification.<domain>} whose value is the
 * shop's token. It works before the domain points anywhere, so a reseller can prove the domain
 * first and move it to the platform afterwards. The platform only asks DNS servers; it never
 * connects to an address the domain names.
 *
 * <p>Asked through the JDK's JNDI DNS provider, without a cache, so a record the reseller just
 * published is seen as soon as the DNS servers have it.
 */
@ApplicationScoped
public class DnsTxtCheck {

  /** The label in front of the domain where the record must be. */
  public static final String PREFIX = "_kameng-verification.";

  private String servers;

  /** For CDI. */
  public DnsTxtCheck() {}

  /**
   * @param servers space-separated {@code dns://host[:port]} URLs of the DNS servers to ask, or
   *     blank for the machine's own
   */
  @Inject
  public DnsTxtCheck(
      @ConfigProperty(name = "kameng.domains.dns-servers") Optional<String> servers) {
    this.servers = servers.map(String::strip).filter(s -> !s.isEmpty()).orElse("dns:");
  }

  /** Looks the record up and compares its values to {@code token}. */
  public VerificationOutcome check(String host, String token) {
    String name = PREFIX + host;
    List<String> values;
    try {
      values = txtValues(name);
    } catch (NameNotFoundException e) {
      return new VerificationOutcome(
          Reason.NOT_RESOLVING,
          "DNS has no " + name + " record. Add a TXT record there with the token as its value.");
    } catch (CommunicationException e) {
      return new VerificationOutcome(
          Reason.NOT_REACHABLE, "The DNS servers did not answer for " + name + "; try again.");
    } catch (NamingException e) {
      return new VerificationOutcome(
          Reason.NOT_REACHABLE, "The DNS lookup of " + name + " failed; try again.");
    }
    if (values.isEmpty()) {
      return new VerificationOutcome(
          Reason.NOT_RESOLVING,
          "DNS has no TXT record at " + name + ". Add one with the token as its value.");
    }
    if (!values.contains(token)) {
      return new VerificationOutcome(
          Reason.WRONG_TOKEN,
          "The TXT record at " + name + " does not hold this shop's token. Copy it exactly.");
    }
    return new VerificationOutcome(
        Reason.VERIFIED, "The TXT record at " + name + " holds the token.");
  }

  private List<String> txtValues(String name) throws NamingException {
    Hashtable<String, String> env = new Hashtable<>();
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
    env.put(Context.PROVIDER_URL, servers == null ? "dns:" : servers);
    // 1 + 2 + 4 s at worst per server: a slow answer must not hold the request for long.
    env.put("com.sun.jndi.dns.timeout.initial", "1000");
    env.put("com.sun.jndi.dns.timeout.retries", "3");
    DirContext dns = new InitialDirContext(env);
    try {
      Attribute txt = dns.getAttributes(name, new String[] {"TXT"}).get("TXT");
      List<String> values = new ArrayList<>();
      if (txt != null) {
        NamingEnumeration<?> all = txt.getAll();
        while (all.hasMore()) {
          values.add(unquoted(String.valueOf(all.next())));
        }
      }
      return values;
    } finally {
      dns.close();
    }
  }

  // JNDI gives a record's character-strings joined by spaces, each quoted if it needed quotes;
  // a token is one unquoted string, but a record may be entered with quotes around it.
  private static String unquoted(String value) {
    String v = value.strip();
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1)
        : v;
  }
}
