package org.kameng.server.it;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.host.KeyValueStore;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.api.http.OutboundResponse;

/**
 * What a downstream shop's host hands the supplier-kameng connector, for a test: its requests go to
 * the server under test with the upstream shop's host name (the test machine resolves no {@code
 * *.localhost} names), a real clock, and an in-memory store.
 */
final class DownstreamHost implements HostContext {

  private final PluginConfig config;
  private final Map<String, String> store = new ConcurrentHashMap<>();

  DownstreamHost(PluginConfig config) {
    this.config = config;
  }

  @Override
  public TenantId tenant() {
    return new TenantId(java.util.UUID.nameUUIDFromBytes("downstream".getBytes()));
  }

  @Override
  public String pluginId() {
    return "supplier-kameng";
  }

  @Override
  public PluginConfig config() {
    return config;
  }

  @Override
  public OutboundHttp http() {
    return request -> {
      URI uri = request.uri();
      int port = URI.create(TestStack.baseUrl()).getPort();
      RequestSpecification spec =
          given()
              .baseUri(TestStack.baseUrl())
              .urlEncodingEnabled(false)
              .header("Host", uri.getHost() + ":" + port);
      for (Map.Entry<String, java.util.List<String>> header :
          request.headers().values().entrySet()) {
        if (header.getKey().equalsIgnoreCase("Content-Type")) {
          spec = spec.contentType(header.getValue().get(0));
        } else {
          for (String value : header.getValue()) {
            spec = spec.header(header.getKey(), value);
          }
        }
      }
      if (!request.body().isEmpty()) {
        spec = spec.body(request.body().bytes());
      }
      String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      Response response = spec.request(request.method(), target);
      return new OutboundResponse(
          response.statusCode(), Headers.none(), Body.of(response.asByteArray()));
    };
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public System.Logger logger() {
    return System.getLogger("supplier-kameng-test");
  }

  @Override
  public KeyValueStore store() {
    return new KeyValueStore() {
      @Override
      public Optional<String> get(String key) {
        return Optional.ofNullable(store.get(key));
      }

      @Override
      public void put(String key, String value) {
        store.put(key, value);
      }

      @Override
      public boolean putIfAbsent(String key, String value) {
        return store.putIfAbsent(key, value) == null;
      }

      @Override
      public boolean compareAndSet(String key, String expected, String replacement) {
        return store.replace(key, expected, replacement);
      }

      @Override
      public boolean delete(String key) {
        return store.remove(key) != null;
      }
    };
  }

  @Override
  public URI pagesUrl() {
    return URI.create("https://downstream.example/api/public/pages/x/y/");
  }
}
