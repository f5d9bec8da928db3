package org.kameng.server.reseller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.kameng.docking.signing.RequestSignature;
import org.kameng.kernel.docking.RefusedRequestException;
import org.kameng.kernel.docking.ResellerApiKeys;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.storefront.Shop;
import org.kameng.server.storefront.ShopHosts;

/**
 * Checks a reseller request's signature against the shop at its host. The headers are looked at
 * first, so a request without them is a 401 wherever it is sent; then the shop (404 if none answers
 * at the host); then the kernel's checks, in a transaction of their own that commits the nonce
 * before any work of the request runs (a request that then fails keeps its nonce spent).
 */
@RequestScoped
public class SignedCalls {

  @Inject ShopHosts shops;
  @Inject Transactions transactions;
  @Inject ResellerApiKeys keys;
  // CDI's built-in bean for the current request (@Context is for JAX-RS resources only).
  @Inject HttpServletRequest request;

  /** A verified reseller at a shop. */
  public record Signed(Shop shop, ResellerApiKeys.Caller caller) {

    public TenantId tenant() {
      return shop.tenant();
    }
  }

  /**
   * The caller of this request, whose raw body was {@code body} (null or empty for none).
   *
   * @throws RefusedRequestException if it is not signed by a valid key of this shop
   */
  public Signed verify(byte[] body) {
    String keyId = request.getHeader(RequestSignature.KEY);
    String timestamp = request.getHeader(RequestSignature.TIMESTAMP);
    String nonce = request.getHeader(RequestSignature.NONCE);
    String signature = request.getHeader(RequestSignature.SIGNATURE);
    if (keyId == null || timestamp == null || nonce == null || signature == null) {
      throw new RefusedRequestException(
          RefusedRequestException.Reason.UNAUTHENTICATED,
          "Sign the request: X-Kameng-Key, X-Kameng-Timestamp, X-Kameng-Nonce and"
              + " X-Kameng-Signature are required.");
    }
    Shop shop = shops.require(request.getHeader("Host"));
    String target =
        request.getQueryString() == null
            ? request.getRequestURI()
            : request.getRequestURI() + "?" + request.getQueryString();
    String canonical =
        RequestSignature.canonical(request.getMethod(), target, timestamp, nonce, body);
    ResellerApiKeys.SignedRequest signed =
        new ResellerApiKeys.SignedRequest(keyId, timestamp, nonce, signature, canonical);
    ResellerApiKeys.Caller caller =
        transactions.inTenant(shop.tenant(), c -> keys.authenticate(c, shop.tenant(), signed));
    return new Signed(shop, caller);
  }

  /** The caller's address, for the audit of key reveals. */
  public String ip() {
    return request.getRemoteAddr();
  }
}
