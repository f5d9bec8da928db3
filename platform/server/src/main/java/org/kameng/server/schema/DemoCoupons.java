package org.kameng.server.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.settings.PluginConfigs;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.plugins.ShopPlugins;

/**
 * Gives the demo shop a coupon, {@code DEMO10} (10 % off, any number of uses), when the coupons
 * plugin is installed, so the README's purchase can show a price rule and its snapshot. Only once:
 * a demo shop that already has a marketing configuration keeps what it has.
 */
@ApplicationScoped
public class DemoCoupons {

  private static final Logger LOG = Logger.getLogger(DemoCoupons.class.getName());

  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;
  @Inject ShopPlugins shopPlugins;

  void onSchemaReady(@Observes SchemaMigration.SchemaReady ready) {
    if (!ready.demo() || shopPlugins.factory("marketing-coupons").isEmpty()) {
      return;
    }
    boolean added =
        transactions.inTenant(
            DemoStock.DEMO_SHOP,
            c -> {
              if (!PluginConfigs.list(c, PluginConfigs.MARKETING).isEmpty()) {
                return false;
              }
              PluginConfigs.create(
                  c,
                  dataKeys.forTenant(c, DemoStock.DEMO_SHOP),
                  PluginConfigs.MARKETING,
                  "marketing-coupons",
                  "Demo coupons",
                  Map.of("coupons", "DEMO10 off=10%"),
                  Map.of(),
                  AuditLog.SYSTEM);
              return true;
            });
    if (added) {
      LOG.info("Demo shop given the coupon DEMO10");
    }
  }
}
