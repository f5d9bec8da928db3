package org.kameng.plugins.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.notifier.DeliveryResult;
import org.kameng.plugin.api.notifier.Message;
import org.kameng.plugin.api.notifier.MessageKind;
import org.kameng.plugin.api.notifier.Notifier;
import org.kameng.plugin.api.notifier.NotifierFactory;
import org.kameng.plugin.testkit.ContractHost;
import org.kameng.plugin.testkit.NotifierContract;
import org.kameng.plugin.testkit.SmtpFarSide;

/**
 * The notifier against a real SMTP server (GreenMail) through the platform's own mail transport:
 * the test kit's notifier contract, then what the mails say and to whom.
 */
class SmtpNotifierTest extends NotifierContract {

  private static final String FROM = "shop@smtp.shop.test";
  private static final String STAFF = "owner@smtp.shop.test, staff@smtp.shop.test";

  private final SmtpFarSide farSide = new SmtpFarSide();

  @AfterEach
  void stop() {
    farSide.close();
  }

  @Override
  protected NotifierFactory factory() {
    return new SmtpFactory();
  }

  @Override
  protected PluginConfig workingConfig() {
    return PluginConfig.of(workingValues());
  }

  private Map<String, String> workingValues() {
    return values(
        Map.of(
            SmtpFactory.PORT,
            String.valueOf(farSide.tlsPort()),
            SmtpFactory.SECURITY,
            "tls",
            SmtpFactory.USERNAME,
            SmtpFarSide.USER,
            SmtpFactory.PASSWORD,
            SmtpFarSide.PASSWORD));
  }

  private static Map<String, String> values(Map<String, String> values) {
    Map<String, String> all = new HashMap<>();
    all.put(SmtpFactory.HOST, SmtpFarSide.NAME);
    all.put(SmtpFactory.FROM, FROM);
    all.put(SmtpFactory.STAFF, STAFF);
    all.putAll(values);
    return all;
  }

  private static PluginConfig config(Map<String, String> values) {
    return PluginConfig.of(values(values));
  }

  @Override
  protected Notifier notifier(FarSide side) {
    PluginConfig config =
        switch (side) {
          case ACCEPTING -> workingConfig();
          case BUSY ->
              config(
                  Map.of(
                      SmtpFactory.PORT,
                      String.valueOf(farSide.busyPort()),
                      SmtpFactory.SECURITY,
                      "none"));
          case UNREACHABLE ->
              config(
                  Map.of(
                      SmtpFactory.PORT,
                      String.valueOf(farSide.closedPort()),
                      SmtpFactory.SECURITY,
                      "none"));
          case REFUSED_BY_HOST -> {
            Map<String, String> values = workingValues();
            values.put(SmtpFactory.HOST, "169.254.169.254");
            yield PluginConfig.of(values);
          }
          case REJECTING -> {
            // the working password is a prefix of the wrong one: echoing it would show both
            Map<String, String> values = workingValues();
            values.put(SmtpFactory.PASSWORD, SmtpFarSide.PASSWORD + "-wrong");
            yield PluginConfig.of(values);
          }
        };
    ContractHost host =
        useHost(
            new ContractHost(ContractHost.TENANT_A, SmtpFactory.ID, config)
                .sendingMailThrough(farSide.transport()));
    return factory().create(ContractHost.TENANT_A, config, host);
  }

  @Override
  protected List<String> delivered() {
    return farSide.received();
  }

  private static Message inLocale(MessageKind kind, Locale locale) {
    Message m = message(kind);
    return new Message(m.messageId(), kind, m.recipient(), locale, m.variables(), m.createdAt());
  }

  @Test
  void theBuyerGetsTheDeliveredMailInChineseWithTheOrderLink() throws Exception {
    Message message = inLocale(MessageKind.ORDER_DELIVERED, Locale.SIMPLIFIED_CHINESE);
    assertInstanceOf(DeliveryResult.Sent.class, notifier(FarSide.ACCEPTING).deliver(message));

    MimeMessage mail = farSide.receivedMessages().get(0);
    assertEquals("【Contract shop】订单 1042 已发货", mail.getSubject());
    assertEquals(List.of(BUYER_EMAIL), addresses(mail.getAllRecipients()));
    InternetAddress sender = (InternetAddress) mail.getFrom()[0];
    assertEquals(FROM, sender.getAddress());
    assertEquals("Contract shop", sender.getPersonal());
    assertEquals("<" + message.messageId() + "@smtp.shop.test>", mail.getMessageID());
    String text = mail.getContent().toString();
    assertTrue(text.contains("https://contract.shop.test/orders"), text);
    assertTrue(text.contains("订单 1042 已发货"), text);
  }

  @Test
  void staffGetLowStockInEnglishAtEveryConfiguredAddress() throws Exception {
    Message message = inLocale(MessageKind.LOW_STOCK, Locale.ENGLISH);
    assertInstanceOf(DeliveryResult.Sent.class, notifier(FarSide.ACCEPTING).deliver(message));

    List<MimeMessage> mails = farSide.receivedMessages();
    // GreenMail keeps one copy per recipient
    assertEquals(2, mails.size());
    MimeMessage mail = mails.get(0);
    assertEquals("[Contract shop] Low stock: Gift card 100 points", mail.getSubject());
    assertEquals(
        List.of("owner@smtp.shop.test", "staff@smtp.shop.test"),
        addresses(mail.getRecipients(jakarta.mail.Message.RecipientType.TO)));
    assertTrue(mail.getContent().toString().contains("is down to 3 in stock"));
  }

  @Test
  void everyKindIsWrittenInBothLanguagesWithNoPlaceholderLeft() {
    for (MessageKind kind : MessageKind.values()) {
      for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
        MailTemplates.Written written = MailTemplates.write(inLocale(kind, locale)).orElseThrow();
        assertFalse(written.subject().contains("{"), kind + " " + written.subject());
        assertFalse(written.text().contains("{"), kind + " " + written.text());
      }
    }
  }

  @Test
  void aStartTlsServerThatOffersNoStartTlsGetsNeitherPasswordNorMail() throws Exception {
    PluginConfig config =
        config(
            Map.of(
                SmtpFactory.PORT,
                String.valueOf(farSide.plainPort()),
                SmtpFactory.SECURITY,
                "starttls",
                SmtpFactory.USERNAME,
                SmtpFarSide.USER,
                SmtpFactory.PASSWORD,
                SmtpFarSide.PASSWORD));
    ContractHost host =
        new ContractHost(ContractHost.TENANT_A, SmtpFactory.ID, config)
            .sendingMailThrough(farSide.transport());
    DeliveryResult result =
        factory()
            .create(ContractHost.TENANT_A, config, host)
            .deliver(message(MessageKind.PAYMENT_FAILED));
    assertInstanceOf(DeliveryResult.Failed.class, result);
    assertTrue(result.toString().contains("STARTTLS"), result.toString());
    assertEquals(List.of(), farSide.received());
  }

  @Test
  void badSettingsAreRefusedNamingTheirField() {
    assertEquals(List.of(), factory().validate(workingConfig()));
    assertEquals(
        List.of(
            SmtpFactory.HOST,
            SmtpFactory.PORT,
            SmtpFactory.SECURITY,
            SmtpFactory.PASSWORD,
            SmtpFactory.FROM,
            SmtpFactory.STAFF),
        fields(
            PluginConfig.of(
                Map.of(
                    SmtpFactory.HOST, "smtp.example.com\r\nRCPT TO:<x@y>",
                    SmtpFactory.PORT, "70000",
                    SmtpFactory.SECURITY, "ssl3",
                    SmtpFactory.USERNAME, "shop",
                    SmtpFactory.FROM, "not an address",
                    SmtpFactory.STAFF, "a@b.cn, <x@y.cn>"))));
    assertEquals(
        List.of(SmtpFactory.SECURITY),
        fields(
            config(
                Map.of(
                    SmtpFactory.SECURITY,
                    "none",
                    SmtpFactory.USERNAME,
                    "u",
                    SmtpFactory.PASSWORD,
                    "p"))));
    assertEquals(List.of(SmtpFactory.USERNAME), fields(config(Map.of(SmtpFactory.PASSWORD, "p"))));
  }

  private List<String> fields(PluginConfig config) {
    return factory().validate(config).stream().map(ConfigProblem::field).toList();
  }

  private static List<String> addresses(Address[] addresses) {
    return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
  }
}
