package org.kameng.server.payments;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.Parameters;

/** Turns what JAX-RS received into the plugin API's {@link InboundRequest}, untouched. */
final class InboundRequests {

  /** The largest body passed to a plugin; notifies and page forms are far smaller. */
  static final int MAX_BODY = 64 * 1024;

  private InboundRequests() {}

  /** A UUID from a URL path segment; empty for anything else, which the caller answers 404. */
  static java.util.Optional<java.util.UUID> uuid(String text) {
    try {
      return java.util.Optional.of(java.util.UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }

  static InboundRequest of(
      HttpServletRequest servlet, UriInfo uri, HttpHeaders headers, byte[] body) {
    byte[] bytes = body == null ? new byte[0] : body;
    return new InboundRequest(
        servlet.getMethod().toUpperCase(java.util.Locale.ROOT),
        uri.getRequestUri().getRawPath(),
        parameters(uri.getQueryParameters(true)),
        form(headers.getMediaType(), bytes),
        headers(headers.getRequestHeaders()),
        Body.of(bytes),
        servlet.getRemoteAddr());
  }

  private static Parameters parameters(MultivaluedMap<String, String> values) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach(
        (name, list) -> {
          if (name != null && !name.isEmpty()) {
            copy.put(name, List.copyOf(list));
          }
        });
    return new Parameters(copy);
  }

  private static Headers headers(MultivaluedMap<String, String> values) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach(
        (name, list) -> {
          // Credentials of the caller are never a plugin's business.
          if (name != null
              && !name.equalsIgnoreCase("authorization")
              && !name.equalsIgnoreCase("cookie")) {
            copy.put(name, List.copyOf(list));
          }
        });
    return new Headers(copy);
  }

  /**
   * The body's form fields when it is {@code application/x-www-form-urlencoded}, in the charset it
   * names (Chinese gateways still send GBK); a body that does not decode gives no fields, and the
   * plugin, which sees the raw body too, rejects it.
   */
  private static Parameters form(MediaType type, byte[] body) {
    if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      return Parameters.none();
    }
    Charset charset;
    try {
      String named = type.getParameters().get(MediaType.CHARSET_PARAMETER);
      charset = named == null ? StandardCharsets.UTF_8 : Charset.forName(named);
    } catch (IllegalArgumentException e) {
      return Parameters.none();
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    String text = new String(body, charset);
    if (text.isEmpty()) {
      return Parameters.none();
    }
    try {
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
        if (!name.isEmpty()) {
          fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
      }
    } catch (IllegalArgumentException e) {
      return Parameters.none();
    }
    return new Parameters(fields);
  }
}
