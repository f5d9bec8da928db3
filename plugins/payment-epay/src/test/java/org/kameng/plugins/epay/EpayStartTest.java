package org.kameng.plugins.epay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.payment.Device;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.api.payment.PaymentStart;
import org.kameng.plugin.api.payment.PaymentStart.AutoSubmitForm;

class EpayStartTest {

  private static PaymentRequest request(Money amount) {
    return new PaymentRequest(
        Notifies.REFERENCE,
        "K20261122-0001",
        amount,
        "Steam 100",
        URI.create("https://demo.shop.example/orders/return"),
        URI.create("https://demo.shop.example/api/notify/payment/t/c/p"),
        Optional.of("203.0.113.9"),
        Device.MOBILE,
        Instant.parse("2026-11-22T10:30:00Z"));
  }

  @Test
  void pageModePostsACorrectlySignedFormToSubmitPhp() {
    EpayChannel channel =
        TestMerchant.channel(
            Map.of(
                "gatewayUrl", "https://pay.gateway.example/epay",
                "paymentType", "wxpay",
                "siteName", "Demo 卡盟"));
    AutoSubmitForm form =
        assertInstanceOf(AutoSubmitForm.class, channel.start(request(Money.of(1230, "CNY"))));
    assertEquals(URI.create("https://pay.gateway.example/epay/submit.php"), form.action());
    assertEquals(
        List.of(
            "pid",
            "type",
            "out_trade_no",
            "notify_url",
            "return_url",
            "name",
            "money",
            "sitename",
            "sign",
            "sign_type"),
        List.copyOf(form.fields().keySet()));
    assertEquals("1001", form.fields().get("pid"));
    assertEquals("wxpay", form.fields().get("type"));
    assertEquals("12.30", form.fields().get("money"));
    assertEquals("MD5", form.fields().get("sign_type"));
    // md5sum of 'money=12.30&name=Steam 100&notify_url=https://demo.shop.example/api/notify/
    // payment/t/c/p&out_trade_no=0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c&pid=1001&return_url=
    // https://demo.shop.example/orders/return&sitename=Demo 卡盟&type=wxpay' + TestMerchant.KEY
    // (one line, UTF-8)
    assertEquals("d69e42501226fb61d068c6bdc3f79883", form.fields().get("sign"));
  }

  @Test
  void theFormsSignatureIsWhatAGatewayRecomputes() {
    AutoSubmitForm form =
        (AutoSubmitForm) TestMerchant.channel(Map.of()).start(request(Money.of(1, "CNY")));
    assertEquals("0.01", form.fields().get("money"));
    assertEquals(
        Notifies.signed(form.fields(), TestMerchant.KEY).get("sign"), form.fields().get("sign"));
    assertTrue(!form.fields().containsKey("sitename"), "no empty sitename is sent");
  }

  @Test
  void redirectModeCarriesTheSameSignedFieldsInTheQuery() {
    EpayChannel channel = TestMerchant.channel(Map.of("mode", "redirect", "siteName", "Demo 卡盟"));
    AutoSubmitForm form =
        (AutoSubmitForm)
            TestMerchant.channel(Map.of("siteName", "Demo 卡盟"))
                .start(request(Money.of(1230, "CNY")));
    PaymentStart.Redirect redirect =
        assertInstanceOf(
            PaymentStart.Redirect.class, channel.start(request(Money.of(1230, "CNY"))));
    URI url = redirect.url();
    assertEquals(
        "https://pay.gateway.example/submit.php",
        url.getScheme() + "://" + url.getHost() + url.getPath());
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    assertEquals(form.fields(), query);
  }

  @Test
  void anythingButCnyIsRefusedWithAClearMessage() {
    EpayChannel channel = TestMerchant.channel(Map.of());
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class, () -> channel.start(request(Money.of(1230, "USD"))));
    assertTrue(refused.getMessage().contains("CNY only"), refused.getMessage());
    assertTrue(refused.getMessage().contains("USD"), refused.getMessage());
  }
}
