package org.kameng.plugins.epay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MD5 signature against vectors computed outside Java. Every expected digest below was derived
 * with coreutils, {@code printf '%s' '<canonical string><key>' | md5sum}, on the exact string shown
 * in the comment (UTF-8 terminal), and then written here as a literal.
 */
class EpaySignatureTest {

  private static final EpaySignature SIGNATURE = new EpaySignature(TestMerchant.KEY);

  @Test
  void matchesThePublishedWalkthroughOfTheSortedMd5Scheme() {
    // Published worked example of this exact scheme (sorted, k=v&…, key appended, MD5 lower hex):
    // static.kancloud.cn/q86849180/defupay/921626, key 58b31d465652be856d7ed80977aa4ce4,
    // expected 15540d3398e5ed2a37533e3fc032e1a0; md5sum of
    // 'timestamp=1548047628&uid=100058b31d465652be856d7ed80977aa4ce4' agrees.
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("uid", "1000");
    fields.put("timestamp", "1548047628");
    assertEquals(
        "15540d3398e5ed2a37533e3fc032e1a0",
        new EpaySignature("58b31d465652be856d7ed80977aa4ce4").sign(fields));
  }

  @Test
  void leavesUrlValuesRawAsASecondPublishedExampleShows() {
    // res.easydoc.net/doc/43295379: same scheme, stresses that notifyUrl is not URL-encoded;
    // published result 5d50a182db6fa8a347cc85f36ca492f2, which md5sum confirms.
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("apiKey", "testApiKey");
    fields.put("customerNo", "test100000");
    fields.put("channel", "bank");
    fields.put("amount", "100.00");
    fields.put("notifyUrl", "http://test.com/getNotify");
    fields.put("ip", "127.0.0.1");
    assertEquals(
        "5d50a182db6fa8a347cc85f36ca492f2", new EpaySignature("testSecretKey").sign(fields));
  }

  @Test
  void signsAnEpayRequestAsTheMigrationGuideDescribes() {
    // docs.kyren.top/epay-migration/signature lists these EPay fields and the signing string, but
    // publishes no digest; md5sum of
    // 'money=9.99&name=AI credits&notify_url=https://merchant.example.com/notify&out_trade_no=
    //  ORDER_10001&param=account_123&pid=10001&return_url=https://merchant.example.com/return&
    //  type=alipaymerchant_secret' (one line) gives 4b3e2eb60a762dcf012ea0c772d9ac4f.
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("pid", "10001");
    fields.put("type", "alipay");
    fields.put("out_trade_no", "ORDER_10001");
    fields.put("notify_url", "https://merchant.example.com/notify");
    fields.put("return_url", "https://merchant.example.com/return");
    fields.put("name", "AI credits");
    fields.put("money", "9.99");
    fields.put("param", "account_123");
    fields.put("sign_type", "MD5");
    assertEquals(
        "money=9.99&name=AI credits&notify_url=https://merchant.example.com/notify"
            + "&out_trade_no=ORDER_10001&param=account_123&pid=10001"
            + "&return_url=https://merchant.example.com/return&type=alipay",
        EpaySignature.canonical(fields));
    assertEquals(
        "4b3e2eb60a762dcf012ea0c772d9ac4f", new EpaySignature("merchant_secret").sign(fields));
  }

  @Test
  void signsANotifyWithChineseTextAsUtf8AndSkipsEmptyValues() {
    // md5sum of 'money=100.00&name=Steam 充值卡 100元&out_trade_no=0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c
    // &pid=1001&trade_no=2026112210150012345&trade_status=TRADE_SUCCESS&type=alipay'
    // + TestMerchant.KEY (one line, UTF-8); param is empty and sign_type is excluded, so neither
    // appears.
    assertEquals("b966604e26cd32cae640e50bda1d8134", SIGNATURE.sign(Notifies.paid()));
  }

  @Test
  void sortsByAsciiSoUpperCaseAndUnderscoreComeBeforeLowerCase() {
    // md5sum of 'B=2&Z=3&_x=4&a=1' + TestMerchant.KEY: ca2f628e5d07796a6bc44c1e856fb86d
    Map<String, String> fields = Map.of("a", "1", "_x", "4", "Z", "3", "B", "2");
    assertEquals("B=2&Z=3&_x=4&a=1", EpaySignature.canonical(fields));
    assertEquals("ca2f628e5d07796a6bc44c1e856fb86d", SIGNATURE.sign(fields));
  }

  @Test
  void excludesSignAndSignTypeFromTheSignedText() {
    Map<String, String> fields = new LinkedHashMap<>(Notifies.paid());
    String bare = SIGNATURE.sign(fields);
    fields.put("sign", "0123");
    fields.put("sign_type", "RSA");
    assertEquals(bare, SIGNATURE.sign(fields));
  }

  @Test
  void verifiesOnlyTheExactDigest() {
    Map<String, String> fields = Notifies.paid();
    assertTrue(SIGNATURE.verify(fields, "b966604e26cd32cae640e50bda1d8134"));
    assertTrue(SIGNATURE.verify(fields, "B966604E26CD32CAE640E50BDA1D8134"));
    assertFalse(SIGNATURE.verify(fields, "b966604e26cd32cae640e50bda1d8135"));
    assertFalse(SIGNATURE.verify(fields, "b966604e26cd32cae640e50bda1d81"));
    assertFalse(SIGNATURE.verify(fields, "not hex at all"));
    assertFalse(SIGNATURE.verify(fields, ""));
  }

  @Test
  void refusesABlankKeyAndNeverShowsTheKey() {
    assertThrows(IllegalArgumentException.class, () -> new EpaySignature(""));
    assertThrows(IllegalArgumentException.class, () -> new EpaySignature("  "));
    assertFalse(SIGNATURE.toString().contains(TestMerchant.KEY));
  }
}
