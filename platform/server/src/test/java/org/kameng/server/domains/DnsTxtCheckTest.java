package org.kameng.server.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kameng.server.domains.VerificationOutcome.Reason;

/** The DNS proof against a DNS server in this JVM (there is no public DNS here). */
class DnsTxtCheckTest {

  private static final String DOMAIN = "shop.example.com";
  private static final String RECORD = "_kameng-verification.shop.example.com";
  private static final String TOKEN = "k7Q2x9fLrT0aYbC3dE4fG5hI6jK7lM8nO9pQ0rS1tU2";

  private final FakeDns dns = start();
  private final DnsTxtCheck check = new DnsTxtCheck(Optional.of(dns.url()));

  @AfterEach
  void stop() {
    dns.close();
  }

  @Test
  void theTokenInTheTxtRecordVerifies() {
    dns.txt(RECORD, "v=spf1 -all", TOKEN);
    VerificationOutcome outcome = check.check(DOMAIN, TOKEN);
    assertEquals(Reason.VERIFIED, outcome.reason(), outcome.message());
  }

  @Test
  void anotherValueDoesNot() {
    dns.txt(RECORD, "someone-elses-token");
    VerificationOutcome outcome = check.check(DOMAIN, TOKEN);
    assertEquals(Reason.WRONG_TOKEN, outcome.reason(), outcome.message());
    assertTrue(outcome.message().contains(RECORD), outcome.message());
  }

  @Test
  void aTokenOnTheDomainItselfIsNotEnough() {
    // The record belongs under the prefix, so a shop cannot reuse some other TXT on the domain.
    dns.txt(DOMAIN, TOKEN);
    VerificationOutcome outcome = check.check(DOMAIN, TOKEN);
    assertEquals(Reason.NOT_RESOLVING, outcome.reason(), outcome.message());
    assertTrue(outcome.message().contains("Add a TXT record"), outcome.message());
  }

  @Test
  void noAnswerFromDnsSaysSo() {
    String silent = dns.url();
    dns.close();
    VerificationOutcome outcome = new DnsTxtCheck(Optional.of(silent)).check(DOMAIN, TOKEN);
    assertEquals(Reason.NOT_REACHABLE, outcome.reason(), outcome.message());
  }

  private static FakeDns start() {
    try {
      return new FakeDns();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
