package org.kameng.server.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.payment.ChannelConfigs;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.plugins.PaymentChannels;

/**
 * Gives the demo shop the sandbox payment channel when the sandbox plugin is installed, so a
 * visitor can pay end to end (order, sandbox page, notify, key) without a real provider. Its
 * signing secret is random and sealed like any shop's, which is why this is code, not seed SQL.
 */
@ApplicationScoped
public class DemoChannels {

  /** The demo shop's sandbox channel; fixed so the README can name it. */
  public static final UUID DEMO_SANDBOX = UUID.fromString("00000000-0000-4000-8000-0000000f0002");

  private static final Logger LOG = Logger.getLogger(DemoChannels.class.getName());

  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;
  @Inject PaymentChannels channels;

  void onSchemaReady(@Observes SchemaMigration.SchemaReady ready) {
    if (!ready.demo() || channels.factory("payment-sandbox").isEmpty()) {
      return;
    }
    boolean added =
        transactions.inTenant(
            DemoStock.DEMO_SHOP,
            c -> {
              if (ChannelConfigs.find(c, DEMO_SANDBOX).isPresent()) {
                return false;
              }
              byte[] secret = new byte[24];
              new SecureRandom().nextBytes(secret);
              ChannelConfigs.create(
                  c,
                  dataKeys.forTenant(c, DemoStock.DEMO_SHOP),
                  DEMO_SANDBOX,
                  "payment-sandbox",
                  "Sandbox (test payments, no money moves)",
                  Map.of(),
                  Map.of("signingSecret", HexFormat.of().formatHex(secret)),
                  AuditLog.SYSTEM);
              return true;
            });
    if (added) {
      LOG.info("Demo shop given the sandbox payment channel");
    }
  }
}
