package org.kameng.plugin.api.payment;

/**
 * Where the buyer is paying from, as far as the host can tell from the request; channels use it to
 * choose between a QR code, a mobile page and an in-app payment (EPay's {@code device}).
 */
public enum Device {
  /** A desktop browser: a QR code to scan with the phone is usually best. */
  DESKTOP,
  /** A mobile browser. */
  MOBILE,
  /** WeChat's in-app browser. */
  WECHAT,
  /** Alipay's in-app browser. */
  ALIPAY,
  /** QQ's in-app browser. */
  QQ
}
