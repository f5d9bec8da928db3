package org.kameng.plugins.epay;

import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.EnumOption;
import org.kameng.plugin.api.config.FieldType;

/**
 * The configuration a shop enters for an EPay merchant account. Field names are published: tenants'
 * stored values refer to them, so they never change.
 */
final class EpayConfigSchema {

  /** The gateway's base address, under which {@code submit.php} lives. */
  static final String GATEWAY_URL = "gatewayUrl";

  /** The merchant id ({@code pid}) the gateway assigned. */
  static final String PID = "pid";

  /** The merchant key (商户密钥) that signs requests and notifies. */
  static final String MERCHANT_KEY = "merchantKey";

  /** The payment type sent as {@code type}. */
  static final String PAYMENT_TYPE = "paymentType";

  /** How the buyer's browser reaches the gateway: {@link PageMode}. */
  static final String MODE = "mode";

  /** The shop name sent as {@code sitename}, optional. */
  static final String SITE_NAME = "siteName";

  static final ConfigSchema SCHEMA =
      ConfigSchema.of(
          ConfigField.of(
              GATEWAY_URL,
              FieldType.URL,
              LocalizedText.of("网关地址（不含 submit.php）", "Gateway base URL (without submit.php)")),
          ConfigField.of(PID, FieldType.STRING, LocalizedText.of("商户ID（pid）", "Merchant id (pid)"))
              .withPattern("[0-9]{1,20}"),
          ConfigField.of(MERCHANT_KEY, FieldType.SECRET, LocalizedText.of("商户密钥", "Merchant key")),
          ConfigField.choice(
              PAYMENT_TYPE,
              LocalizedText.of("支付方式", "Payment type"),
              EnumOption.of("alipay", "支付宝", "Alipay"),
              EnumOption.of("wxpay", "微信支付", "WeChat Pay"),
              EnumOption.of("qqpay", "QQ钱包", "QQ Wallet"),
              EnumOption.of("bank", "云闪付", "UnionPay (bank)")),
          ConfigField.choice(
                  MODE,
                  LocalizedText.of("跳转方式", "How the buyer is sent to the gateway"),
                  EnumOption.of(
                      PageMode.SUBMIT.value(),
                      "表单提交到 submit.php（推荐）",
                      "Form post to submit.php (recommended)"),
                  EnumOption.of(
                      PageMode.REDIRECT.value(), "链接跳转到 submit.php", "Link (GET) to submit.php"))
              .withDefault(PageMode.SUBMIT.value()),
          ConfigField.of(SITE_NAME, FieldType.STRING, LocalizedText.of("网站名称", "Site name"))
              .optional());

  private EpayConfigSchema() {}
}
