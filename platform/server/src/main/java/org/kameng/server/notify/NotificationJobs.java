package org.kameng.server.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.job.JobHandler;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.notification.Notifications;
import org.kameng.kernel.settings.NotifierFailures;
import org.kameng.kernel.settings.PluginConfigs;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.notifier.DeliveryResult;
import org.kameng.plugin.api.notifier.Message;
import org.kameng.plugin.api.notifier.MessageKind;
import org.kameng.plugin.api.notifier.Notifier;
import org.kameng.plugin.api.notifier.Recipient;
import org.kameng.server.plugins.PluginCalls;
import org.kameng.server.plugins.PluginFailureException;
import org.kameng.server.plugins.ShopPlugins;

/**
 * The two job kinds of notifications. {@link Notifications#JOB} reads the event's details (order
 * number, amount, product) and writes one {@link Notifications#DELIVER_JOB} per enabled notifier,
 * in one transaction; each delivery job then calls its notifier. A notifier that answers "retry
 * later", throws, overruns or is paused fails only its own job, which the queue retries with
 * backoff and parks as dead after its attempts (visible and retryable in the platform's job view);
 * "failed for good" is recorded in the shop's audit log and not retried.
 */
@ApplicationScoped
public class NotificationJobs {

  @Inject ShopPlugins shopPlugins;
  @Inject PluginCalls calls;

  @Inject
  @ConfigProperty(name = "kameng.public.url")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "kameng.platform.domain")
  String platformDomain;

  /** Failed deliveries in a row that disable a notifier configuration; 0 never disables. */
  @Inject
  @ConfigProperty(name = "kameng.notifiers.disable-after", defaultValue = "5")
  int disableAfter;

  /** Fans an event out to the shop's notifiers. */
  public JobHandler fanOut() {
    return (c, job) -> {
      JsonObject event = parse(job.payload());
      Optional<Draft> draft = draft(c, job.tenant(), event);
      if (draft.isEmpty()) {
        return;
      }
      // The message id is the event job's: stable across this job's retries, so a notifier that
      // got the message before a crash gets the same id again and can deduplicate.
      String messageId = "kameng-" + job.tenant().value() + "-" + job.id();
      for (PluginConfigs.Enabled notifier : PluginConfigs.enabled(c, PluginConfigs.NOTIFIER)) {
        FlatJson payload =
            new FlatJson()
                .put("configId", notifier.id().toString())
                .put("messageId", messageId)
                .put("kind", draft.get().kind().name())
                .put("createdAt", Instant.now().toString())
                .put("variables", FlatJson.ofStrings(draft.get().variables()));
        draft.get().buyerEmail().ifPresent(email -> payload.put("buyerEmail", email));
        Jobs.enqueue(
            c,
            job.tenant(),
            Notifications.DELIVER_JOB,
            payload.toString(),
            messageId + "/" + notifier.id(),
            Instant.EPOCH);
      }
    };
  }

  /**
   * Delivers one message to one notifier configuration. A delivery that ends without success
   * (refused for good, or parked as dead after its retries) counts towards disabling the
   * configuration ({@link NotifierFailures}, {@code kameng.notifiers.disable-after}); a success
   * resets the count.
   */
  public JobHandler deliver() {
    return new JobHandler() {
      @Override
      public void handle(Connection c, Job job) throws SQLException {
        deliverOne(c, job);
      }

      @Override
      public void dead(Connection c, Job job, String lastError) throws SQLException {
        UUID configId = UUID.fromString(parse(job.payload()).getString("configId"));
        NotifierFailures.failed(c, job.tenant(), configId, disableAfter, lastError);
      }
    };
  }

  private void deliverOne(Connection c, Job job) throws SQLException {
    JsonObject payload = parse(job.payload());
    UUID configId = UUID.fromString(payload.getString("configId"));
    Optional<PluginConfigs.Enabled> config =
        PluginConfigs.enabled(c, PluginConfigs.NOTIFIER).stream()
            .filter(e -> e.id().equals(configId))
            .findFirst();
    if (config.isEmpty()) {
      // Disabled or changed kind since: the shop no longer wants this channel.
      return;
    }
    Message message = message(payload);
    ShopPlugins.Open<Notifier> notifier = shopPlugins.notifier(job.tenant(), config.get(), c);
    DeliveryResult result;
    try {
      result =
          calls.call(
              notifier.pluginId(),
              notifier.circuit(),
              notifier.pluginId() + " delivery",
              ShopPlugins.NOTIFIER_LIMIT,
              () -> notifier.instance().deliver(message));
    } catch (PluginFailureException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    if (result instanceof DeliveryResult.RetryLater later) {
      throw new IllegalStateException(notifier.pluginId() + ": " + later.reason());
    }
    if (result instanceof DeliveryResult.Failed failed) {
      AuditLog.record(
          c,
          job.tenant(),
          AuditLog.SYSTEM,
          "notification.failed",
          "plugin-config:" + configId,
          new FlatJson()
              .put("kind", message.kind().name())
              .put("messageId", message.messageId())
              .put("reason", failed.reason())
              .toString());
      NotifierFailures.failed(c, job.tenant(), configId, disableAfter, failed.reason());
    } else {
      NotifierFailures.succeeded(c, configId);
    }
  }

  private record Draft(
      MessageKind kind, Optional<String> buyerEmail, Map<String, String> variables) {}

  private Optional<Draft> draft(Connection c, TenantId tenant, JsonObject event)
      throws SQLException {
    Map<String, String> vars = new LinkedHashMap<>();
    String slug = shop(c, vars);
    vars.put("shopUrl", shopUrl(slug));
    Notifications.Event kind = Notifications.Event.valueOf(event.getString("event"));
    if (kind == Notifications.Event.LOW_STOCK) {
      return lowStock(c, UUID.fromString(event.getString("skuId")), vars)
          ? Optional.of(new Draft(MessageKind.LOW_STOCK, Optional.empty(), vars))
          : Optional.empty();
    }
    UUID orderId = UUID.fromString(event.getString("orderId"));
    Optional<String> email = order(c, orderId, vars);
    if (email.isEmpty()) {
      return Optional.empty();
    }
    vars.put("orderUrl", shopUrl(slug) + "orders");
    return switch (kind) {
      case ORDER_DELIVERED -> Optional.of(new Draft(MessageKind.ORDER_DELIVERED, email, vars));
      case PAID_UNDELIVERABLE -> {
        vars.put("reason", "not enough stock to deliver after payment");
        yield Optional.of(new Draft(MessageKind.PAID_UNDELIVERABLE, Optional.empty(), vars));
      }
      case PAYMENT_FAILED -> {
        vars.put("channel", channel(c, UUID.fromString(event.getString("paymentId"))));
        yield Optional.of(new Draft(MessageKind.PAYMENT_FAILED, Optional.empty(), vars));
      }
      default -> Optional.empty();
    };
  }

  /** Also adds the static-for-a-shop {@code shopName}; answers the slug. */
  private static String shop(Connection c, Map<String, String> vars) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT name, slug FROM kameng.tenant WHERE id = kameng.current_tenant()");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      vars.put("shopName", rs.getString(1));
      return rs.getString(2);
    }
  }

  private static Optional<String> order(Connection c, UUID orderId, Map<String, String> vars)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT display_number, total_minor, currency, buyer_email"
                + " FROM kameng.customer_order WHERE id = ?")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        vars.put("orderNumber", Long.toString(rs.getLong(1)));
        vars.put("amount", Money.of(rs.getLong(2), rs.getString(3)).toString());
        return Optional.of(rs.getString(4));
      }
    }
  }

  private static boolean lowStock(Connection c, UUID skuId, Map<String, String> vars)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.name, s.name, (SELECT count(*) FROM kameng.card_key k"
                + " WHERE k.sku_id = s.id AND k.status = 'AVAILABLE')"
                + " FROM kameng.sku s JOIN kameng.product p"
                + " ON p.tenant_id = s.tenant_id AND p.id = s.product_id WHERE s.id = ?")) {
      select.setObject(1, skuId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        vars.put("productName", rs.getString(1));
        vars.put("skuName", rs.getString(2));
        vars.put("stock", Long.toString(rs.getLong(3)));
        return true;
      }
    }
  }

  private static String channel(Connection c, UUID paymentId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT cc.name FROM kameng.payment p JOIN kameng.channel_config cc"
                + " ON cc.tenant_id = p.tenant_id AND cc.id = p.channel_config_id WHERE p.id = ?")) {
      select.setObject(1, paymentId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : "unknown";
      }
    }
  }

  private String shopUrl(String slug) {
    URI base = URI.create(publicUrl);
    try {
      return new URI(
              base.getScheme(), null, slug + "." + platformDomain, base.getPort(), "/", null, null)
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Message message(JsonObject payload) {
    Map<String, String> variables = new LinkedHashMap<>();
    payload
        .getJsonObject("variables")
        .forEach(
            (name, value) ->
                variables.put(
                    name,
                    value.getValueType() == JsonValue.ValueType.STRING
                        ? ((JsonString) value).getString()
                        : value.toString()));
    Recipient recipient =
        payload.containsKey("buyerEmail")
            ? new Recipient.Buyer(payload.getString("buyerEmail"))
            : new Recipient.ShopStaff();
    return new Message(
        payload.getString("messageId"),
        MessageKind.valueOf(payload.getString("kind")),
        recipient,
        Locale.SIMPLIFIED_CHINESE,
        variables,
        Instant.parse(payload.getString("createdAt")));
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** The low-stock alert job the kernel already raises, handled as a notification event. */
  public JobHandler lowStockAlert() {
    JobHandler fanOut = fanOut();
    return (c, job) -> {
      JsonObject alert = parse(job.payload());
      String event =
          new FlatJson()
              .put("event", Notifications.Event.LOW_STOCK.name())
              .put("skuId", alert.getString("skuId"))
              .toString();
      fanOut.handle(
          c, new Job(job.id(), job.tenant(), job.kind(), event, job.attempts(), job.maxAttempts()));
    };
  }
}
