package org.kameng.host.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kameng.host.http.HostResolver;
import org.kameng.host.http.OutboundSettings;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.mail.MailMessage;
import org.kameng.plugin.api.mail.MailRejectedException;
import org.kameng.plugin.api.mail.MailSecurity;
import org.kameng.plugin.api.mail.MailServer;

/**
 * The mail transport against a real SMTP server (GreenMail) on 127.0.0.1: refused unless the
 * operator allow-lists it, TLS checked against the configured name, no plain-text fallback, 4xx and
 * 5xx told apart, and the message arrives with its id, encoded subject and sender name.
 */
class GuardedOutboundMailTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final MailFarSide farSide = new MailFarSide();
  private final Map<String, List<InetAddress>> names =
      Map.of(MailFarSide.NAME, List.of(InetAddress.getLoopbackAddress()));
  private final HostResolver resolver =
      host -> {
        List<InetAddress> found = names.get(host);
        if (found == null) {
          throw new UnknownHostException(host);
        }
        return found;
      };

  @AfterEach
  void stop() {
    farSide.close();
  }

  private GuardedOutboundMail transport(Set<String> allowed, SSLSocketFactory tls) {
    return GuardedOutboundMail.create(
            OutboundSettings.defaults().withAllowedHosts(allowed), resolver, tls)
        .forCaller("test-tenant/notifier-smtp");
  }

  private GuardedOutboundMail allowed() {
    return transport(Set.of(MailFarSide.NAME), MailFarSide.trustingTestCertificate());
  }

  private static MailMessage message(String id) {
    return new MailMessage(
        id,
        "shop@mail.shop.test",
        Optional.of("小店 Shop"),
        List.of("buyer@example.cn"),
        "订单 1042 已发货 — your order was delivered",
        "您好，\n.\n请查看订单页面。\nhttps://shop.test/orders/1042\n");
  }

  private MimeMessage onlyReceived() {
    MimeMessage[] received = farSide.greenMail.getReceivedMessages();
    assertEquals(1, received.length, "messages received");
    return received[0];
  }

  @Test
  void aPlainRelayReceivesTheMessageWithItsIdSubjectSenderAndText() throws Exception {
    allowed()
        .send(
            MailServer.anonymous(MailFarSide.NAME, farSide.plainPort(), MailSecurity.NONE),
            message("msg-1"),
            TIMEOUT);

    MimeMessage received = onlyReceived();
    assertEquals("订单 1042 已发货 — your order was delivered", received.getSubject());
    assertEquals("<msg-1@mail.shop.test>", received.getMessageID());
    InternetAddress from = (InternetAddress) received.getFrom()[0];
    assertEquals("小店 Shop", from.getPersonal());
    assertEquals("shop@mail.shop.test", from.getAddress());
    assertEquals("auto-generated", received.getHeader("Auto-Submitted", null));
    // a line of a single dot survives: it would end the DATA if it were sent unescaped
    assertEquals(
        "您好，\r\n.\r\n请查看订单页面。\r\nhttps://shop.test/orders/1042\r\n",
        received.getContent().toString());
  }

  @Test
  void implicitTlsWithLoginDeliversAndAWrongPasswordIsRejectedForGood() throws Exception {
    GuardedOutboundMail transport = allowed();
    transport.send(
        MailServer.withLogin(
            MailFarSide.NAME,
            farSide.tlsPort(),
            MailSecurity.TLS,
            MailFarSide.USER,
            MailFarSide.PASSWORD),
        message("msg-2"),
        TIMEOUT);
    assertEquals("<msg-2@mail.shop.test>", onlyReceived().getMessageID());

    MailRejectedException rejected =
        assertThrows(
            MailRejectedException.class,
            () ->
                transport.send(
                    MailServer.withLogin(
                        MailFarSide.NAME,
                        farSide.tlsPort(),
                        MailSecurity.TLS,
                        MailFarSide.USER,
                        "wrong"),
                    message("msg-3"),
                    TIMEOUT));
    assertEquals(535, rejected.replyCode(), rejected.getMessage());
    assertFalse(rejected.getMessage().contains("wrong"));
    assertEquals(1, farSide.greenMail.getReceivedMessages().length);
  }

  @Test
  void aCertificateTheTrustStoreDoesNotKnowIsNeverTalkedTo() {
    GuardedOutboundMail transport =
        transport(Set.of(MailFarSide.NAME), (SSLSocketFactory) SSLSocketFactory.getDefault());
    assertThrows(
        SSLException.class,
        () ->
            transport.send(
                MailServer.withLogin(
                    MailFarSide.NAME,
                    farSide.tlsPort(),
                    MailSecurity.TLS,
                    MailFarSide.USER,
                    MailFarSide.PASSWORD),
                message("msg-4"),
                TIMEOUT));
    assertEquals(0, farSide.greenMail.getReceivedMessages().length);
  }

  @Test
  void aServerWithoutStartTlsIsNeverSentThePasswordNorTheMessage() {
    MailRejectedException rejected =
        assertThrows(
            MailRejectedException.class,
            () ->
                allowed()
                    .send(
                        MailServer.withLogin(
                            MailFarSide.NAME,
                            farSide.plainPort(),
                            MailSecurity.STARTTLS,
                            MailFarSide.USER,
                            MailFarSide.PASSWORD),
                        message("msg-5"),
                        TIMEOUT));
    assertTrue(rejected.getMessage().contains("STARTTLS"), rejected.getMessage());
    assertEquals(0, farSide.greenMail.getReceivedMessages().length);
  }

  @Test
  void startTlsUpgradesBeforeTheLoginAndTheMessage() throws Exception {
    try (StartTlsServer submission = new StartTlsServer(MailFarSide.USER, MailFarSide.PASSWORD)) {
      allowed()
          .send(
              MailServer.withLogin(
                  MailFarSide.NAME,
                  submission.port(),
                  MailSecurity.STARTTLS,
                  MailFarSide.USER,
                  MailFarSide.PASSWORD),
              message("msg-10"),
              TIMEOUT);

      assertFalse(submission.loginBeforeTls, "the password crossed in plain text");
      assertEquals(1, submission.messages.size());
      assertTrue(
          submission.messages.get(0).contains("Message-ID: <msg-10@mail.shop.test>"),
          submission.messages.get(0));
    }
  }

  @Test
  void loopbackPrivateAndMetadataServersAreRefusedUnlessAllowListed() {
    GuardedOutboundMail transport = transport(Set.of(), MailFarSide.trustingTestCertificate());
    for (String host :
        List.of(
            MailFarSide.NAME,
            "127.0.0.1",
            "2130706433",
            "10.0.0.5",
            "169.254.169.254",
            "localhost",
            "::1")) {
      assertThrows(
          DestinationRefusedException.class,
          () ->
              transport.send(
                  MailServer.anonymous(host, farSide.plainPort(), MailSecurity.NONE),
                  message("msg-6"),
                  TIMEOUT),
          host);
    }
    assertEquals(0, farSide.greenMail.getReceivedMessages().length);
  }

  @Test
  void onlyMailPortsAreReachable() {
    for (int port : new int[] {22, 110, 143, 5432, 6379}) {
      assertThrows(
          DestinationRefusedException.class,
          () ->
              allowed()
                  .send(
                      MailServer.anonymous(MailFarSide.NAME, port, MailSecurity.NONE),
                      message("msg-7"),
                      TIMEOUT),
          "port " + port);
    }
  }

  @Test
  void aBusyServerIsATransientFailureNotARejection() throws IOException {
    try (ServerSocket busy = MailFarSide.busy()) {
      IOException failure =
          assertThrows(
              IOException.class,
              () ->
                  allowed()
                      .send(
                          MailServer.anonymous(
                              MailFarSide.NAME, busy.getLocalPort(), MailSecurity.NONE),
                          message("msg-8"),
                          TIMEOUT));
      assertTrue(failure.getMessage().startsWith("the server answered 421"), failure.getMessage());
    }
  }

  @Test
  void aServerThatNeverGreetsTimesOutWithinTheCallersTime() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      long started = System.nanoTime();
      assertThrows(
          SocketTimeoutException.class,
          () ->
              allowed()
                  .send(
                      MailServer.anonymous(
                          MailFarSide.NAME, silent.getLocalPort(), MailSecurity.NONE),
                      message("msg-9"),
                      Duration.ofSeconds(1)));
      assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos());
    }
  }

  @Test
  void aRefusedRecipientIsReportedWithoutItsAddress() {
    SmtpReply reply =
        new SmtpReply(550, List.of("5.1.1 <buyer@example.cn>: Recipient address rejected"));
    assertEquals("550 5.1.1 <<address>>: Recipient address rejected", reply.summary());
  }
}
