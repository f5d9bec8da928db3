package org.kameng.plugins.example;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentLookup;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.api.payment.PaymentStart;
import org.kameng.plugin.api.payment.RefundRequest;
import org.kameng.plugin.api.payment.RefundResult;

/**
 * One shop's Example Pay channel. It speaks Example Pay's protocol and nothing more: it sends the
 * buyer to Example Pay with a signed redirect, verifies and parses Example Pay's signed notifies,
 * and asks Example Pay for a payment's status. Whether an order is paid is never its call: the
 * kernel checks that a notify belongs to the payment its URL names, for exactly the amount and
 * currency asked, and records each provider event once.
 *
 * <p>Thread-safe and without state of its own: the host calls one instance from many threads, may
 * build another on another server, and drops instances without notice. A channel that must remember
 * something between calls keeps it in {@code HostContext.store()}.
 */
final class ExamplePayChannel implements PaymentChannel {

  /** How long a status query may take; the host allows a query 10 s in all. */
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

  private static final Pattern REFERENCE = Pattern.compile("[0-9A-Za-z_-]{1,64}");

  private final ExamplePaySettings settings;
  private final Clock clock;
  private final OutboundHttp http;
  private final OutcomeVerifier verifier;

  /** Keeps only what the calls need; the context's services are thread-safe and never change. */
  ExamplePayChannel(ExamplePaySettings settings, HostContext context) {
    this.settings = settings;
    this.clock = context.clock();
    this.http = context.http();
    this.verifier = new OutcomeVerifier(settings, clock);
  }

  /**
   * Sends the buyer's browser to Example Pay's payment page with the payment's details, signed so
   * that Example Pay knows the shop sent them. Example Pay creates its payment when the buyer
   * arrives and knows it by merchant id and reference, so calling this again for the same reference
   * cannot create a second payment; no network call is needed here.
   *
   * <p>The reference and the notify URL go out unchanged: Example Pay echoes the reference in its
   * notify, and the host routes the notify by its URL. Other providers answer {@code QrCode} (show
   * a code to scan) or {@code AutoSubmitForm} (post a form from the buyer's browser) instead.
   */
  @Override
  public PaymentStart start(PaymentRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("merchant_id", settings.merchantId());
    fields.put("reference", request.paymentReference());
    fields.put("amount", request.amount().toDecimalString());
    fields.put("currency", request.amount().currency());
    fields.put("subject", request.subject());
    fields.put("notify_url", request.notifyUrl().toString());
    fields.put("return_url", request.returnUrl().toString());
    // a buyer must not be able to pay after the host released the order's stock
    fields.put("expires_at", Long.toString(request.expiresAt().getEpochSecond()));
    fields.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
    fields.put(MerchantKey.SIGNATURE, settings.key().sign(fields));
    return new PaymentStart.Redirect(
        URI.create(settings.gateway() + "pay?" + FormEncoding.encode(fields)));
  }

  /**
   * Verifies an Example Pay notify: a form POST signed with this shop's key, sent by this shop's
   * merchant account, at most five minutes from the host's clock. Pure, so the host may verify the
   * same notify twice; Example Pay re-sends until it reads {@code OK}, and each copy verifies again
   * with the same event id, which the kernel records once.
   *
   * <p>The notify URL's own query string is ignored: Example Pay sends every field in the body, and
   * anything in the URL was put there by someone else. Bad input is a {@code Rejected}, never an
   * exception.
   */
  @Override
  public NotifyVerification verifyNotify(InboundRequest request) {
    if (!request.method().equals("POST")) {
      return new NotifyVerification.Rejected(
          "method " + request.method() + " is not a notify; Example Pay POSTs a form",
          OutcomeVerifier.REJECTED);
    }
    return verifier.verify(request.form());
  }

  /**
   * Asks Example Pay for a payment's status: the host does this when a notify is late (from a job
   * after the payment started, with growing pauses while the answer is pending) and when a buyer
   * says they paid. A {@code Found} outcome is recorded exactly like a notify, so the answer is
   * verified as strictly as one.
   *
   * @return {@code Found} with what Example Pay says, {@code NotFound} if it has no such payment
   *     (the buyer never reached it)
   * @throws IOException if Example Pay cannot be reached, answers an error or an answer that does
   *     not verify; the host tries again later
   */
  @Override
  public PaymentLookup query(String paymentReference) throws IOException {
    if (paymentReference == null || !REFERENCE.matcher(paymentReference).matches()) {
      // not a reference this channel ever sent, so Example Pay cannot know it
      return new PaymentLookup.NotFound();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("merchant_id", settings.merchantId());
    fields.put("reference", paymentReference);
    fields.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
    fields.put(MerchantKey.SIGNATURE, settings.key().sign(fields));
    URI uri = URI.create(settings.gateway() + "api/payment?" + FormEncoding.encode(fields));
    OutboundResponse response = http.send(OutboundRequest.get(uri).withTimeout(QUERY_TIMEOUT));
    if (response.status() == 404) {
      return new PaymentLookup.NotFound();
    }
    if (!response.isSuccess()) {
      throw new IOException("Example Pay answered the status query with HTTP " + response.status());
    }
    Parameters answer;
    try {
      answer = FormEncoding.decode(response.body().text());
    } catch (IllegalArgumentException e) {
      throw new IOException("Example Pay's status answer is not a form", e);
    }
    // the answer reports a payment, possibly another one: the kernel checks the binding
    NotifyVerification verified = verifier.verify(answer);
    if (verified instanceof NotifyVerification.Verified found) {
      return new PaymentLookup.Found(found.outcome());
    }
    throw new IOException(
        "Example Pay's status answer was refused: "
            + ((NotifyVerification.Rejected) verified).reason());
  }

  /**
   * Example Pay refunds only in its merchant dashboard, so this channel cannot refund: staff refund
   * there and record it in Kameng. The descriptor does not declare {@code PAYMENT_REFUND}, which is
   * what tells the host and the admin UI; the override only makes the answer explicit. A channel
   * that refunds uses {@link RefundRequest#refundReference()} as the provider's idempotency key.
   */
  @Override
  public RefundResult refund(RefundRequest request) {
    return new RefundResult.Unsupported();
  }

  /** Names the merchant, never the key: this text can reach logs. */
  @Override
  public String toString() {
    return "ExamplePayChannel[merchant " + settings.merchantId() + "]";
  }
}
