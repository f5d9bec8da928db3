package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.marketing.CartLine;
import org.kameng.plugin.api.marketing.CartSnapshot;
import org.kameng.plugin.api.marketing.PriceAdjustment;
import org.kameng.plugin.api.marketing.PriceRule;
import org.kameng.plugin.api.marketing.PriceRuleFactory;
import org.kameng.plugin.api.marketing.Proposal;
import org.kameng.plugin.api.marketing.Redemption;
import org.kameng.plugin.api.notifier.DeliveryResult;
import org.kameng.plugin.api.notifier.MessageKind;
import org.kameng.plugin.api.notifier.Notifier;
import org.kameng.plugin.api.notifier.NotifierFactory;

/**
 * {@link PriceRuleContract} and {@link NotifierContract} against a sound reference and against one
 * flaw at a time: each flaw must fail the test meant to catch it, so the contracts are known to
 * bite.
 */
class MarketingAndNotifierContractBitesTest {

  enum RuleFlaw {
    WRONG_LINE,
    ABOVE_LINE,
    WRITES_STORE,
    USE_WITHOUT_CODE,
    READS_CLOCK,
    FIXED_CURRENCY
  }

  enum NotifierFlaw {
    THROWS_ON_LOW_STOCK,
    NO_ID,
    FAILS_WHEN_BUSY,
    REFUSED_THROWS,
    SECRET_IN_HEADER,
    LOGS_EMAIL
  }

  static List<Arguments> flaws() {
    return List.of(
        Arguments.of(
            WrongLine.class,
            "aQualifyingCartGetsADiscountOnItsOwnLinesInItsCurrencyNeverAboveALine"),
        Arguments.of(
            AboveLine.class,
            "aQualifyingCartGetsADiscountOnItsOwnLinesInItsCurrencyNeverAboveALine"),
        Arguments.of(WritesStore.class, "pricingTwiceGivesTheSameAnswerAndWritesNothing"),
        Arguments.of(UseWithoutCode.class, "usesAreAskedOnlyForCodesTheBuyerEntered"),
        Arguments.of(ReadsClock.class, "theRuleReadsTheCartsTimeNotTheClock"),
        Arguments.of(
            FixedCurrency.class, "aCartInAnotherCurrencyIsAdjustedInThatCurrencyOrNotAtAll"),
        Arguments.of(ThrowsOnLowStock.class, "everyKindIsSentOrRefusedNeverThrown"),
        Arguments.of(NoId.class, "theMessageIdTravelsWithEveryRequest"),
        Arguments.of(FailsWhenBusy.class, "aBusyReceiverMeansRetryLater"),
        Arguments.of(RefusedThrows.class, "aRefusedDestinationFailsForGood"),
        Arguments.of(SecretInHeader.class, "noSecretNorBuyerAddressInRequestsResultsOrTheLog"),
        Arguments.of(LogsEmail.class, "noSecretNorBuyerAddressInRequestsResultsOrTheLog"));
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @MethodSource("flaws")
  void theContractCatchesTheFlaw(Class<?> flawed, String test) {
    Set<String> failed = ContractRuns.failedTests(flawed);
    assertTrue(failed.contains(test), flawed.getSimpleName() + " failed only " + failed);
  }

  @Test
  void theSoundReferencesFailNothing() {
    assertEquals(Set.of(), ContractRuns.failedTests(SoundRule.class));
    assertEquals(Set.of(), ContractRuns.failedTests(SoundNotifier.class));
  }

  // --- a reference price rule: 10% off every line with code SPRING, one use ---------------------

  static final class Rule implements PriceRule {
    private final Set<RuleFlaw> flaws;
    private final HostContext host;

    Rule(Set<RuleFlaw> flaws, HostContext host) {
      this.flaws = flaws;
      this.host = host;
    }

    @Override
    public List<PriceAdjustment> adjust(CartSnapshot cart) {
      return propose(cart).adjustments();
    }

    @Override
    public Proposal propose(CartSnapshot cart) {
      if (flaws.contains(RuleFlaw.WRITES_STORE)) {
        host.store().put("seen:" + cart.pricedAt(), "1");
      }
      Optional<String> code =
          cart.promotionCodes().stream().filter(c -> c.equalsIgnoreCase("spring")).findFirst();
      if (flaws.contains(RuleFlaw.USE_WITHOUT_CODE)) {
        code = Optional.of("SPRING");
      }
      boolean inTime =
          !flaws.contains(RuleFlaw.READS_CLOCK)
              || host.clock().instant().isBefore(ContractHost.START.plusSeconds(86_400));
      if (code.isEmpty() || !inTime) {
        return Proposal.of(List.of());
      }
      List<PriceAdjustment> adjustments = new ArrayList<>();
      for (CartLine line : cart.lines()) {
        long off = line.lineTotal().minorUnits() / 10;
        if (flaws.contains(RuleFlaw.ABOVE_LINE)) {
          off = line.lineTotal().minorUnits() + 1;
        }
        if (off > 0) {
          adjustments.add(
              new PriceAdjustment(
                  flaws.contains(RuleFlaw.WRONG_LINE) ? "nope" : line.lineRef(),
                  Money.of(-off, flaws.contains(RuleFlaw.FIXED_CURRENCY) ? "CNY" : cart.currency()),
                  "marketing-reference:SPRING",
                  "Spring"));
        }
      }
      return new Proposal(adjustments, List.of(new Redemption(code.get(), "SPRING", 1, 0)));
    }
  }

  static final class RuleFactory implements PriceRuleFactory {
    private final Set<RuleFlaw> flaws;

    RuleFactory(Set<RuleFlaw> flaws) {
      this.flaws = flaws;
    }

    @Override
    public PluginDescriptor descriptor() {
      return PluginDescriptor.of("marketing-reference", LocalizedText.of("参考", "Reference"));
    }

    @Override
    public ConfigSchema configSchema() {
      return ConfigSchema.empty();
    }

    @Override
    public List<ConfigProblem> validate(PluginConfig config) {
      return List.of();
    }

    @Override
    public PriceRule create(TenantId tenant, PluginConfig config, HostContext context) {
      return new Rule(flaws, context);
    }
  }

  abstract static class RuleContract extends PriceRuleContract {
    private final Set<RuleFlaw> flaws;

    RuleContract(Set<RuleFlaw> flaws) {
      this.flaws = flaws;
    }

    @Override
    protected PriceRuleFactory factory() {
      return new RuleFactory(flaws);
    }

    @Override
    protected PluginConfig workingConfig() {
      return PluginConfig.empty();
    }

    @Override
    protected CartSnapshot qualifyingCart() {
      return new CartSnapshot(
          "CNY",
          List.of(
              new CartLine(
                  "1", "p", "s", Optional.empty(), 2, Money.of(500, "CNY"), Money.of(1000, "CNY"))),
          List.of("spring"),
          Optional.of("buyer"),
          Locale.ENGLISH,
          ContractHost.START);
    }
  }

  static class SoundRule extends RuleContract {
    SoundRule() {
      super(EnumSet.noneOf(RuleFlaw.class));
    }
  }

  static class WrongLine extends RuleContract {
    WrongLine() {
      super(EnumSet.of(RuleFlaw.WRONG_LINE));
    }
  }

  static class AboveLine extends RuleContract {
    AboveLine() {
      super(EnumSet.of(RuleFlaw.ABOVE_LINE));
    }
  }

  static class WritesStore extends RuleContract {
    WritesStore() {
      super(EnumSet.of(RuleFlaw.WRITES_STORE));
    }
  }

  static class UseWithoutCode extends RuleContract {
    UseWithoutCode() {
      super(EnumSet.of(RuleFlaw.USE_WITHOUT_CODE));
    }
  }

  static class ReadsClock extends RuleContract {
    ReadsClock() {
      super(EnumSet.of(RuleFlaw.READS_CLOCK));
    }
  }

  static class FixedCurrency extends RuleContract {
    FixedCurrency() {
      super(EnumSet.of(RuleFlaw.FIXED_CURRENCY));
    }
  }

  // --- a reference notifier: POST with the id in a header, statuses mapped -----------------------

  static final String SECRET = "reference-notifier-secret-0123456789";

  static final class Note implements Notifier {
    private final Set<NotifierFlaw> flaws;
    private final HostContext host;

    Note(Set<NotifierFlaw> flaws, HostContext host) {
      this.flaws = flaws;
      this.host = host;
    }

    @Override
    public DeliveryResult deliver(org.kameng.plugin.api.notifier.Message message)
        throws IOException {
      if (flaws.contains(NotifierFlaw.THROWS_ON_LOW_STOCK)
          && message.kind() == MessageKind.LOW_STOCK) {
        throw new IllegalArgumentException("not handled");
      }
      if (flaws.contains(NotifierFlaw.LOGS_EMAIL)) {
        String to =
            message.recipient() instanceof org.kameng.plugin.api.notifier.Recipient.Buyer
                ? ((org.kameng.plugin.api.notifier.Recipient.Buyer) message.recipient()).email()
                : "staff";
        host.logger().log(System.Logger.Level.INFO, "sending to " + to);
      }
      Map<String, String> headers = new java.util.HashMap<>();
      if (!flaws.contains(NotifierFlaw.NO_ID)) {
        headers.put("X-Id", message.messageId());
      }
      if (flaws.contains(NotifierFlaw.SECRET_IN_HEADER)) {
        headers.put("X-Secret", SECRET);
      }
      OutboundRequest request =
          OutboundRequest.post(
                  java.net.URI.create("https://hooks.test/x"),
                  "application/json",
                  Body.utf8("{\"kind\":\"" + message.kind() + "\"}"))
              .withHeaders(headers);
      int status;
      try {
        status = host.http().send(request).status();
      } catch (DestinationRefusedException e) {
        if (flaws.contains(NotifierFlaw.REFUSED_THROWS)) {
          throw e;
        }
        return new DeliveryResult.Failed("refused");
      }
      if (status < 300) {
        return new DeliveryResult.Sent();
      }
      if ((status == 429 || status >= 500) && !flaws.contains(NotifierFlaw.FAILS_WHEN_BUSY)) {
        return new DeliveryResult.RetryLater("busy " + status);
      }
      return new DeliveryResult.Failed("answered " + status);
    }
  }

  abstract static class NoteContract extends NotifierContract {
    private final Set<NotifierFlaw> flaws;

    NoteContract(Set<NotifierFlaw> flaws) {
      this.flaws = flaws;
    }

    @Override
    protected NotifierFactory factory() {
      return new NotifierFactory() {
        @Override
        public PluginDescriptor descriptor() {
          return PluginDescriptor.of("notifier-reference", LocalizedText.of("参考", "Reference"));
        }

        @Override
        public ConfigSchema configSchema() {
          return ConfigSchema.of(
              ConfigField.of("secret", FieldType.SECRET, LocalizedText.of("密钥", "Secret")));
        }

        @Override
        public List<ConfigProblem> validate(PluginConfig config) {
          return List.of();
        }

        @Override
        public Notifier create(TenantId tenant, PluginConfig config, HostContext context) {
          return new Note(flaws, context);
        }
      };
    }

    @Override
    protected PluginConfig workingConfig() {
      return PluginConfig.of(Map.of("secret", SECRET));
    }
  }

  static class SoundNotifier extends NoteContract {
    SoundNotifier() {
      super(EnumSet.noneOf(NotifierFlaw.class));
    }
  }

  static class ThrowsOnLowStock extends NoteContract {
    ThrowsOnLowStock() {
      super(EnumSet.of(NotifierFlaw.THROWS_ON_LOW_STOCK));
    }
  }

  static class NoId extends NoteContract {
    NoId() {
      super(EnumSet.of(NotifierFlaw.NO_ID));
    }
  }

  static class FailsWhenBusy extends NoteContract {
    FailsWhenBusy() {
      super(EnumSet.of(NotifierFlaw.FAILS_WHEN_BUSY));
    }
  }

  static class RefusedThrows extends NoteContract {
    RefusedThrows() {
      super(EnumSet.of(NotifierFlaw.REFUSED_THROWS));
    }
  }

  static class SecretInHeader extends NoteContract {
    SecretInHeader() {
      super(EnumSet.of(NotifierFlaw.SECRET_IN_HEADER));
    }
  }

  static class LogsEmail extends NoteContract {
    LogsEmail() {
      super(EnumSet.of(NotifierFlaw.LOGS_EMAIL));
    }
  }
}
