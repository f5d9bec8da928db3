package org.kameng.server.marketing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.job.JobHandler;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.order.OrderEvents;
import org.kameng.kernel.settings.PluginConfigs;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.marketing.OrderEvent;
import org.kameng.plugin.api.marketing.OrderEventListener;
import org.kameng.plugin.api.marketing.OrderEventType;
import org.kameng.plugin.api.marketing.PriceAdjustment;
import org.kameng.server.plugins.PluginCalls;
import org.kameng.server.plugins.PluginFailureException;
import org.kameng.server.plugins.ShopPlugins;

/**
 * The two job kinds of order events. {@link OrderEvents#JOB} (raised by the kernel with the order's
 * transition) writes one {@link OrderEvents#DELIVER_JOB} per enabled marketing configuration whose
 * plugin has a listener, with the whole {@link OrderEvent} in it, in one transaction; each delivery
 * job then calls its listener through {@link PluginCalls} (time limit, circuit per configuration,
 * bulkheads). A listener that throws, overruns or is paused fails only its own job, which the queue
 * retries with backoff and parks as dead after its attempts, visible and retryable.
 */
@ApplicationScoped
public class OrderEventJobs {

  @Inject ShopPlugins shopPlugins;
  @Inject PluginCalls calls;

  /** Fans an event out to the shop's listeners, one delivery job each. */
  public JobHandler fanOut() {
    return (c, job) -> {
      JsonObject payload = parse(job.payload());
      String type = payload.getString("type");
      UUID orderId = UUID.fromString(payload.getString("orderId"));
      // The event id is the fan-out job's: stable across its retries, so a listener that handled
      // the event before a crash gets the same id again and can deduplicate.
      String eventId = "kameng-" + job.tenant().value() + "-" + job.id();
      Optional<FlatJson> event = event(c, eventId, type, orderId, payload.getString("occurredAt"));
      if (event.isEmpty()) {
        return;
      }
      for (PluginConfigs.Enabled config : PluginConfigs.enabled(c, PluginConfigs.MARKETING)) {
        if (!shopPlugins.hasListener(config.plugin())) {
          continue;
        }
        Jobs.enqueue(
            c,
            job.tenant(),
            OrderEvents.DELIVER_JOB,
            new FlatJson()
                .put("configId", config.id().toString())
                .put("event", event.get())
                .toString(),
            eventId + "/" + config.id(),
            Instant.EPOCH);
      }
    };
  }

  /** Delivers one event to one listener configuration. */
  public JobHandler deliver() {
    return (c, job) -> {
      JsonObject payload = parse(job.payload());
      UUID configId = UUID.fromString(payload.getString("configId"));
      Optional<PluginConfigs.Enabled> config =
          PluginConfigs.enabled(c, PluginConfigs.MARKETING).stream()
              .filter(e -> e.id().equals(configId))
              .findFirst();
      if (config.isEmpty()) {
        return; // disabled since: the shop no longer wants it
      }
      OrderEvent event = orderEvent(job.tenant(), payload.getJsonObject("event"));
      try {
        Optional<ShopPlugins.Open<OrderEventListener>> listener =
            shopPlugins.listener(job.tenant(), config.get());
        if (listener.isEmpty()) {
          return; // the plugin no longer listens (upgraded without a listener)
        }
        // A circuit of its own: a failing listener must not pause the same configuration's price
        // rule at checkout.
        calls.call(
            listener.get().pluginId(),
            listener.get().circuit() + "/listener",
            listener.get().pluginId() + " order event",
            ShopPlugins.LISTENER_LIMIT,
            () -> {
              listener.get().instance().onEvent(event);
              return null;
            });
      } catch (PluginFailureException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    };
  }

  // What the listener gets, read once by the fan-out: order number, amounts, adjustments.
  private static Optional<FlatJson> event(
      Connection c, String eventId, String type, UUID orderId, String occurredAt)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT o.display_number, o.currency, o.total_minor, l.line_number, l.quantity,"
                + " l.unit_price_minor, l.price_snapshot::text FROM kameng.customer_order o"
                + " LEFT JOIN kameng.order_line l ON l.tenant_id = o.tenant_id AND l.order_id = o.id"
                + " WHERE o.id = ? ORDER BY l.line_number")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        FlatJson event = null;
        long subtotal = 0;
        List<FlatJson> adjustments = new ArrayList<>();
        while (rs.next()) {
          if (event == null) {
            event =
                new FlatJson()
                    .put("eventId", eventId)
                    .put("type", type)
                    .put("orderId", orderId.toString())
                    .put("orderNumber", Long.toString(rs.getLong(1)))
                    .put("currency", rs.getString(2).strip())
                    .put("total", rs.getLong(3))
                    .put("occurredAt", occurredAt);
          }
          if (rs.getObject(4) == null) {
            continue;
          }
          JsonObject snapshot = parse(rs.getString(7));
          subtotal +=
              snapshot.containsKey("listTotal")
                  ? snapshot.getJsonNumber("listTotal").longValue()
                  : rs.getLong(5) * rs.getLong(6);
          JsonArray applied =
              snapshot.containsKey("adjustments")
                  ? snapshot.getJsonArray("adjustments")
                  : JsonValue.EMPTY_JSON_ARRAY;
          for (JsonObject a : applied.getValuesAs(JsonObject.class)) {
            long amount = a.getJsonNumber("applied").longValue();
            if (amount < 0) {
              adjustments.add(
                  new FlatJson()
                      .put("lineRef", Integer.toString(rs.getInt(4)))
                      .put("amount", amount)
                      .put("rule", a.getString("rule"))
                      .put("description", a.getString("description", a.getString("rule"))));
            }
          }
        }
        if (event == null) {
          return Optional.empty(); // the order is gone: nothing to tell
        }
        return Optional.of(event.put("subtotal", subtotal).put("adjustments", adjustments));
      }
    }
  }

  private static OrderEvent orderEvent(TenantId tenant, JsonObject e) {
    String currency = e.getString("currency");
    List<PriceAdjustment> adjustments = new ArrayList<>();
    for (JsonObject a : e.getJsonArray("adjustments").getValuesAs(JsonObject.class)) {
      adjustments.add(
          new PriceAdjustment(
              a.getString("lineRef"),
              Money.of(a.getJsonNumber("amount").longValue(), currency),
              a.getString("rule"),
              a.getString("description")));
    }
    return new OrderEvent(
        e.getString("eventId"),
        OrderEventType.valueOf(e.getString("type")),
        tenant,
        e.getString("orderId"),
        e.getString("orderNumber"),
        Money.of(e.getJsonNumber("subtotal").longValue(), currency),
        Money.of(e.getJsonNumber("total").longValue(), currency),
        adjustments,
        Instant.parse(e.getString("occurredAt")));
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
