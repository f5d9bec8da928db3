package org.kameng.server.storefront;

import java.util.Locale;
import org.kameng.plugin.api.payment.Device;

/** The buyer's device as far as payment providers care, from the browser's User-Agent. */
final class Devices {

  private Devices() {}

  static Device of(String userAgent) {
    if (userAgent == null) {
      return Device.DESKTOP;
    }
    String agent = userAgent.toLowerCase(Locale.ROOT);
    // The in-app browsers first: each wallet opens its own payment page there.
    if (agent.contains("micromessenger")) {
      return Device.WECHAT;
    }
    if (agent.contains("alipayclient")) {
      return Device.ALIPAY;
    }
    if (agent.contains(" qq/")) {
      return Device.QQ;
    }
    if (agent.contains("mobile") || agent.contains("android") || agent.contains("iphone")) {
      return Device.MOBILE;
    }
    return Device.DESKTOP;
  }
}
