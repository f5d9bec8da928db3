package org.kameng.plugin.testkit;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.api.payment.PaymentStatus;

/**
 * What a payment channel's test supplies to {@link PaymentChannelContract}: the factory, two
 * tenants' configurations, and the provider's side of the protocol (how it encodes and signs a
 * notify, which fields it signs, what it expects as replies). Abstract methods are required; the
 * others describe the common case and are overridden where the protocol differs.
 *
 * <p>Before each test it creates tenant A's and tenant B's channels as the host would, each with
 * its own {@link ContractHost}.
 */
public abstract class PaymentChannelFixture {

  private PluginConfig configA;
  private PluginConfig configB;
  private ContractHost hostA;
  private PaymentChannel channelA;
  private PaymentChannel channelB;

  /** The factory under test, created as the host would create it. */
  protected abstract PaymentChannelFactory factory();

  /** A valid configuration of tenant A's merchant account. */
  protected abstract PluginConfig tenantAConfig();

  /** A valid configuration of tenant B's merchant account: at least its key differs from A's. */
  protected abstract PluginConfig tenantBConfig();

  /** The name of the configuration field holding the key that signs notifies. */
  protected abstract String keyField();

  /**
   * The notify the provider would send stating these facts, signed with the key in {@code signer},
   * exactly as the provider encodes it. Written from the provider's documentation, not with the
   * plugin's own code.
   */
  protected abstract InboundRequest notify(NotifyFacts facts, PluginConfig signer);

  /** The names of the fields the signature covers; each is tampered with in turn. */
  protected abstract Set<String> signedFields();

  /** The name of the field that carries the signature. */
  protected abstract String signatureField();

  /** The reply the provider expects when Kameng accepted a notify, byte for byte. */
  protected abstract InboundReply acceptedReply();

  /** The reply the provider expects when Kameng refused a notify, byte for byte. */
  protected abstract InboundReply rejectedReply();

  /**
   * The facts of the genuine notify the tests start from: a successful payment of 100.00 CNY at
   * {@link ContractHost#START}. Override to use the provider's own id formats or currency.
   */
  protected NotifyFacts facts() {
    return new NotifyFacts(
        "3f0c6a52-8d1e-4b7a-9c2f-5e8d7a6b4c31",
        "2026112210150012345",
        "evt-2026112210150012345",
        PaymentStatus.SUCCEEDED,
        Money.of(10000, "CNY"),
        ContractHost.START);
  }

  /** The statuses the provider's notifies can state; all three by default. */
  protected Set<PaymentStatus> statuses() {
    return EnumSet.allOf(PaymentStatus.class);
  }

  /**
   * The event id the channel must report for these facts: the provider's own by default. A protocol
   * without event ids derives one (the API's rule: provider reference plus status).
   */
  protected String expectedEventId(NotifyFacts facts) {
    return facts.eventId();
  }

  /** Whether the notify states its currency; {@code false} for single-currency providers. */
  protected boolean carriesCurrency() {
    return true;
  }

  /** How far a notify's timestamp may be from the host's clock; empty if notifies have none. */
  protected Optional<Duration> timestampWindow() {
    return Optional.empty();
  }

  /**
   * Whether the signature's text is case-insensitive, as a hex digest is: its upper-case form
   * carries the same value and may verify. Base64 and most other encodings are case-sensitive.
   */
  protected boolean signatureIgnoresCase() {
    return false;
  }

  /**
   * Keys anyone could guess: configuration must refuse them, and a notify signed with one must not
   * verify. Override to add the provider's documented sample keys ({@code super.wellKnownKeys()}
   * plus yours), or to return none when the key is not a shared secret.
   */
  protected List<String> wellKnownKeys() {
    return List.of(
        "123456",
        "12345678",
        "1234567890",
        "000000",
        "888888",
        "admin",
        "password",
        "secret",
        "test",
        "changeme",
        "e10adc3949ba59abbe56e057f20f883e", // md5("123456"), often pasted as a key
        "00000000000000000000000000000000",
        "12345678901234567890123456789012",
        "0123456789abcdef0123456789abcdef");
  }

  /** The value of a notify's field, if it has one; a query or form parameter by default. */
  protected Optional<String> field(InboundRequest notify, String name) {
    return Forgeries.value(notify, name);
  }

  /** The notify with one field's value replaced. */
  protected InboundRequest withField(InboundRequest notify, String name, String value) {
    return Forgeries.replaced(notify, name, value);
  }

  /** The notify without one field. */
  protected InboundRequest withoutField(InboundRequest notify, String name) {
    return Forgeries.removed(notify, name);
  }

  /** The notify with one field sent twice, the second time with {@code second}. */
  protected InboundRequest withFieldRepeated(InboundRequest notify, String name, String second) {
    return Forgeries.repeated(notify, name, second);
  }

  @BeforeEach
  final void createBothTenantsChannels() {
    configA = tenantAConfig();
    configB = tenantBConfig();
    hostA = new ContractHost(ContractHost.TENANT_A, factory().id(), configA);
    channelA = factory().create(ContractHost.TENANT_A, configA, hostA);
    channelB =
        factory()
            .create(
                ContractHost.TENANT_B,
                configB,
                new ContractHost(ContractHost.TENANT_B, factory().id(), configB));
  }

  /** Tenant A's configuration, as {@link #tenantAConfig()} gave it for this test. */
  protected final PluginConfig configA() {
    return configA;
  }

  /** Tenant B's configuration, as {@link #tenantBConfig()} gave it for this test. */
  protected final PluginConfig configB() {
    return configB;
  }

  /** Tenant A's host, its clock at {@link ContractHost#START}; fresh for every test. */
  protected final ContractHost hostA() {
    return hostA;
  }

  /** Tenant A's channel, created by {@link #factory()} over {@link #hostA()}. */
  protected final PaymentChannel channelA() {
    return channelA;
  }

  /** Tenant B's channel, created by {@link #factory()} over its own host. */
  protected final PaymentChannel channelB() {
    return channelB;
  }
}
