package org.kameng.server.it;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.kameng.docking.signing.RequestSignature;

/**
 * A downstream reseller's client of the reseller API: signs each request with the recipe of
 * docs/docking/reseller-api.md (the shared {@link RequestSignature}) and sends it to the upstream
 * shop's host. Tests bend one part at a time to forge requests.
 */
final class ResellerClient {

  final String slug;
  final String keyId;
  final String secret;

  ResellerClient(String slug, String keyId, String secret) {
    this.slug = slug;
    this.keyId = keyId;
    this.secret = secret;
  }

  /** The same key, sent to another shop's host. */
  ResellerClient at(String otherSlug) {
    return new ResellerClient(otherSlug, keyId, secret);
  }

  Response get(String path) {
    return send("GET", path, null, Instant.now(), RequestSignature.newNonce());
  }

  Response post(String path, String json) {
    return send("POST", path, json, Instant.now(), RequestSignature.newNonce());
  }

  /** Signs {@code method path signedBody} at {@code at} with {@code nonce}, sends {@code sent}. */
  Response send(String method, String path, String json, Instant at, String nonce) {
    return sendSigned(method, path, json, json, at, nonce);
  }

  Response sendSigned(
      String method, String path, String signedBody, String sentBody, Instant at, String nonce) {
    byte[] signed = signedBody == null ? null : signedBody.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        RequestSignature.headers(keyId, secret, method, path, signed, at, nonce);
    RequestSpecification request = host().headers(headers);
    if (sentBody != null) {
      request =
          request.contentType("application/json").body(sentBody.getBytes(StandardCharsets.UTF_8));
    }
    return request.request(method, path);
  }

  /** A request to the shop's host with no signature at all. */
  RequestSpecification host() {
    int port = URI.create(TestStack.baseUrl()).getPort();
    return given().baseUri(TestStack.baseUrl()).header("Host", slug + ".localhost:" + port);
  }
}
