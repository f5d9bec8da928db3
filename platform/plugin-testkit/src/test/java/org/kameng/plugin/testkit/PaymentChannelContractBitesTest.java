package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A contract that passes everything proves nothing: this runs {@link PaymentChannelContract}
 * against the {@link ReferenceChannel} with one {@link Flaw} at a time and checks that the test
 * meant to catch that flaw fails. The flawed contracts are nested classes, which the build's test
 * runner does not run on its own.
 */
class PaymentChannelContractBitesTest {

  private static final Map<Class<?>, Set<String>> RUNS = new ConcurrentHashMap<>();

  static List<Arguments> flaws() {
    return List.of(
        Arguments.of(NoSignatureCheck.class, "eachSignedFieldChangedOrRemovedIsRejected"),
        Arguments.of(NoSignatureCheck.class, "aMissingEmptyOrGarbledSignatureIsRejected"),
        Arguments.of(CaseInsensitiveSignature.class, "aMissingEmptyOrGarbledSignatureIsRejected"),
        Arguments.of(KeyByNotifiedMerchant.class, "aNotifySignedWithAnotherTenantsKeyIsRejected"),
        Arguments.of(IgnoresTimestamp.class, "aTimestampOutsideTheWindowIsRejected"),
        Arguments.of(IgnoresTimestamp.class, "theWindowIsReadFromTheHostsClock"),
        Arguments.of(AlwaysSucceeded.class, "aGenuineNotifyReportsExactlyWhatTheProviderStated"),
        Arguments.of(RejectsReplays.class, "aReplayVerifiesAgainUnderTheSameEventId"),
        Arguments.of(
            ReferenceFromUrl.class, "aNotifyForAnotherPaymentReportsThatPaymentsReference"),
        Arguments.of(RoundsAmount.class, "anAmountOffByOneMinorUnitIsReportedAsSignedOrRejected"),
        Arguments.of(IgnoresCurrency.class, "anotherCurrencyIsReportedAsSignedOrRejected"),
        Arguments.of(ThrowsOnRepeats.class, "garbageIsRejectedWithoutAnException"),
        Arguments.of(LogsKey.class, "noSecretAppearsInReasonsRepliesLogsOrDescriptions"),
        Arguments.of(SameReply.class, "repliesAreTheOnesTheProtocolExpects"),
        Arguments.of(AcceptsWeakKeys.class, "configurationRefusesAnEmptyBlankOrWellKnownKey"));
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @MethodSource("flaws")
  void theContractCatchesTheFlaw(Class<?> flawed, String test) {
    Set<String> failed = failedTests(flawed);
    assertTrue(failed.contains(test), flawed.getSimpleName() + " failed only " + failed);
  }

  @Test
  void theSoundReferenceChannelFailsNothing() {
    assertEquals(Set.of(), failedTests(ReferenceChannelContractTest.class));
  }

  /** The names of the contract's test methods that failed on this class, dynamic tests included. */
  private static Set<String> failedTests(Class<?> contract) {
    // a flaw listed twice is run once
    return RUNS.computeIfAbsent(contract, ContractRuns::failedTests);
  }

  static class NoSignatureCheck extends ReferenceContract {
    NoSignatureCheck() {
      super(Set.of(Flaw.NO_SIGNATURE_CHECK));
    }
  }

  static class CaseInsensitiveSignature extends ReferenceContract {
    CaseInsensitiveSignature() {
      super(Set.of(Flaw.CASE_INSENSITIVE_SIGNATURE));
    }
  }

  static class KeyByNotifiedMerchant extends ReferenceContract {
    KeyByNotifiedMerchant() {
      super(Set.of(Flaw.KEY_BY_NOTIFIED_MERCHANT));
    }
  }

  static class IgnoresTimestamp extends ReferenceContract {
    IgnoresTimestamp() {
      super(Set.of(Flaw.IGNORES_TIMESTAMP));
    }
  }

  static class AlwaysSucceeded extends ReferenceContract {
    AlwaysSucceeded() {
      super(Set.of(Flaw.ALWAYS_SUCCEEDED));
    }
  }

  static class RejectsReplays extends ReferenceContract {
    RejectsReplays() {
      super(Set.of(Flaw.REJECTS_REPLAYS));
    }
  }

  static class ReferenceFromUrl extends ReferenceContract {
    ReferenceFromUrl() {
      super(Set.of(Flaw.REFERENCE_FROM_URL));
    }
  }

  static class RoundsAmount extends ReferenceContract {
    RoundsAmount() {
      super(Set.of(Flaw.ROUNDS_AMOUNT));
    }
  }

  static class IgnoresCurrency extends ReferenceContract {
    IgnoresCurrency() {
      super(Set.of(Flaw.IGNORES_CURRENCY));
    }
  }

  static class ThrowsOnRepeats extends ReferenceContract {
    ThrowsOnRepeats() {
      super(Set.of(Flaw.THROWS_ON_REPEATS));
    }
  }

  static class LogsKey extends ReferenceContract {
    LogsKey() {
      super(Set.of(Flaw.LOGS_KEY));
    }
  }

  static class SameReply extends ReferenceContract {
    SameReply() {
      super(Set.of(Flaw.SAME_REPLY));
    }
  }

  static class AcceptsWeakKeys extends ReferenceContract {
    AcceptsWeakKeys() {
      super(Set.of(Flaw.ACCEPTS_WEAK_KEYS));
    }
  }
}
