package org.kameng.server.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.kameng.plugin.api.Money;

/**
 * The API's JSON-B settings. Money is written one way everywhere: {@code {"amount": "48.50",
 * "currency": "CNY"}}, the exact decimal as a string, so no client ever parses a float.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(new JsonbConfig().withSerializers(new MoneySerializer()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  /** Writes {@link Money} as an exact decimal string and its currency. */
  public static final class MoneySerializer implements JsonbSerializer<Money> {
    @Override
    public void serialize(Money money, JsonGenerator generator, SerializationContext context) {
      generator.writeStartObject();
      generator.write("amount", money.toDecimalString());
      generator.write("currency", money.currency());
      generator.writeEnd();
    }
  }
}
