package org.kameng.plugins.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.payment.Device;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.testkit.ContractHost;

/** What every page shows and what it must never contain. */
class CheckoutPageTest {

  /** A product name a hostile shop owner (or a compromised one) could enter. */
  private static final String HOSTILE =
      "</dd><script>alert('x')</script><img src=x onerror=\"alert(1)\"> & <a href=javascript:1>";

  private final ContractHost host = TestShop.host();
  private final SandboxChannel channel = TestShop.channel(host);

  private String page(String reference) {
    return channel.page("pay/" + reference, Requests.get("pay/" + reference)).body().text();
  }

  @Test
  void aHostileSubjectIsShownAsTextOnEveryPage() {
    String reference = "hostile1";
    channel.start(Requests.payment(reference, HOSTILE, Money.of(500, "CNY")));
    List<String> pages = new ArrayList<>();
    pages.add(page(reference));
    pages.add(channel.page("pay/" + reference, Requests.click(reference, "pay")).body().text());
    pages.add(page(reference));
    for (String html : pages) {
      assertTrue(
          html.contains(
              "&lt;/dd&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x"
                  + " onerror=&quot;alert(1)&quot;&gt; &amp; &lt;a href=javascript:1&gt;"),
          html);
      assertFalse(html.contains("<script"), html);
      assertFalse(html.contains("<img"), html);
      assertFalse(html.contains("javascript:1>"), html);
    }
  }

  @Test
  void aHostileOrderNumberAndReturnUrlAreEscapedToo() {
    channel.start(
        new PaymentRequest(
            "hostile2",
            "<b>K-1</b>\"",
            Money.of(500, "CNY"),
            "Steam",
            URI.create("https://shop.example/r?a=1&b=%22%3E%3Cscript%3E"),
            Requests.NOTIFY_URL,
            Optional.empty(),
            Device.MOBILE,
            ContractHost.START.plusSeconds(60)));
    String html = channel.page("pay/hostile2", Requests.click("hostile2", "fail")).body().text();
    assertTrue(html.contains("&lt;b&gt;K-1&lt;/b&gt;&quot;"), html);
    assertTrue(html.contains("href=\"https://shop.example/r?a=1&amp;b=%22%3E%3Cscript%3E\""));
  }

  @Test
  void aReturnUrlThatIsNotAWebAddressGetsNoLink() {
    channel.start(
        new PaymentRequest(
            "odd1",
            "K-1",
            Money.of(500, "CNY"),
            "Steam",
            URI.create("javascript://shop.example/%0Aalert(1)"),
            Requests.NOTIFY_URL,
            Optional.empty(),
            Device.MOBILE,
            ContractHost.START.plusSeconds(60)));
    String html = channel.page("pay/odd1", Requests.click("odd1", "pay")).body().text();
    assertFalse(html.contains("javascript:"), html);
    assertFalse(html.contains("Back to the shop"), html);
  }

  @Test
  void thePayPageShowsOrderSubjectAmountAndTwoButtonsPostingToItself() {
    channel.start(Requests.payment());
    String html = page(Requests.REFERENCE);
    assertTrue(html.contains("K20261122-0001"));
    assertTrue(html.contains("Steam 充值卡 100元"));
    assertTrue(html.contains("12.30 CNY"));
    assertTrue(html.contains("2026-11-22 10:30:00 UTC"));
    assertTrue(html.contains("<form method=\"post\">"), "posts to the page itself");
    assertFalse(html.contains("action="), "no form target other than the page");
    assertEquals(2, count(html, "<button type=\"submit\" name=\"decision\""));
    assertTrue(html.contains("value=\"pay\""));
    assertTrue(html.contains("value=\"fail\""));
  }

  @Test
  void everyPageCarriesTheSandboxBannerAndNoScriptOrExternalResource() {
    channel.start(Requests.payment());
    channel.start(Requests.payment("expiring", "Item", Money.of(100, "USD")));
    List<InboundReply> replies = new ArrayList<>();
    replies.add(channel.page("pay/" + Requests.REFERENCE, Requests.get("p")));
    replies.add(channel.page("pay/nobody", Requests.get("p")));
    replies.add(channel.page("nothing", Requests.get("p")));
    replies.add(channel.page("pay/" + Requests.REFERENCE, Requests.post("p", Parameters.none())));
    replies.add(channel.page("pay/" + Requests.REFERENCE, Requests.click("x", "pay")));
    replies.add(channel.page("pay/" + Requests.REFERENCE, Requests.click("x", "fail")));
    host.advance(Duration.ofHours(1));
    replies.add(channel.page("pay/expiring", Requests.get("p")));
    replies.add(channel.page("pay/expiring", Requests.click("expiring", "pay")));
    Pattern external = Pattern.compile("(src|href)=\"(?!https://shop\\.example/orders/)");
    for (InboundReply reply : replies) {
      String html = reply.body().text();
      assertEquals("text/html; charset=UTF-8", reply.contentType());
      assertTrue(html.startsWith("<!DOCTYPE html>"), html);
      assertTrue(html.contains("<meta charset=\"utf-8\">"));
      assertTrue(html.contains("SANDBOX — no real money moves"), html);
      assertTrue(html.contains("沙箱 — 不会真实扣款"), html);
      String lower = html.toLowerCase(Locale.ROOT);
      assertFalse(lower.contains("<script"), html);
      assertFalse(lower.contains("<link"), html);
      assertFalse(lower.contains("@import"), html);
      assertFalse(lower.contains("url("), html);
      assertFalse(external.matcher(html).find(), html);
    }
  }

  @Test
  void escapingCoversTheFiveSpecialCharacters() {
    assertEquals("&lt;&gt;&amp;&quot;&#39;x 中", HtmlPage.escape("<>&\"'x 中"));
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
