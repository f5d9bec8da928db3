package org.kameng.plugin.api.payment;

import java.io.IOException;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;

/**
 * A payment channel that shows buyers pages of its own, served through the host: a sandbox
 * checkout, a page with a QR code and instructions. A {@link PaymentChannel} implements this
 * interface as well to get such pages; the host then routes {@code GET} and {@code POST} requests
 * under {@link org.kameng.plugin.api.host.HostContext#pagesUrl()} to {@link #page}.
 *
 * <p>The host serves the reply with {@code Cache-Control: no-store}, a strict content security
 * policy (no scripts, styles inline only, images from the platform or {@code data:} URLs, forms
 * only to the platform's own origin, never framed) and {@code X-Frame-Options: DENY}. The request
 * is not authenticated: a page is reachable by anybody who has its URL, so a page must not reveal
 * more than the buyer it was made for may see, and must check what it is sent.
 */
public interface HostedPages {

  /**
   * Answers one request for a page.
   *
   * @param path the part of the URL path after {@code pagesUrl()}, without a leading {@code /};
   *     decoded, never containing {@code ..} segments; may be empty
   * @param request the request as received
   * @return the reply to send; a {@code 404} for a path the channel does not know
   * @throws IOException if the channel could not reach its provider; the host answers 502
   */
  InboundReply page(String path, InboundRequest request) throws IOException;
}
