package org.kameng.plugins.coupons;

import java.util.List;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.marketing.PriceRule;
import org.kameng.plugin.api.marketing.PriceRuleFactory;

/**
 * Coupon codes, id {@code marketing-coupons}. A shop lists its coupons in one text setting, one per
 * line (see {@link Coupon} for the format); every line is checked before the settings save.
 */
public final class CouponsFactory implements PriceRuleFactory {

  /** The published id; shops' configurations and order snapshots refer to it. */
  public static final String ID = "marketing-coupons";

  private static final PluginDescriptor DESCRIPTOR =
      PluginDescriptor.of(ID, LocalizedText.of("优惠券", "Coupons"));

  private static final ConfigSchema SCHEMA =
      ConfigSchema.of(
          ConfigField.of(
              CouponBook.FIELD,
              FieldType.TEXT,
              LocalizedText.of(
                  "优惠券，每行一张：代码 off=10% min=50.00 cap=20.00 uses=100 perBuyer=1"
                      + " from=2026-03-01 until=2026-03-31",
                  "Coupons, one per line: CODE off=10% min=50.00 cap=20.00 uses=100 perBuyer=1"
                      + " from=2026-03-01 until=2026-03-31")));

  /** Creates the factory; the host does this once when the plugin loads. */
  public CouponsFactory() {}

  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  /** Every line must be a coupon; the messages name the line and never repeat it. */
  @Override
  public List<ConfigProblem> validate(PluginConfig config) {
    return CouponBook.problems(config.find(CouponBook.FIELD).orElse(""));
  }

  @Override
  public PriceRule create(TenantId tenant, PluginConfig config, HostContext context) {
    return new CouponRule(CouponBook.of(config.find(CouponBook.FIELD).orElse("")));
  }
}
