package org.kameng.server.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Names the field when a JSON body parses but one of its fields has the wrong form (a word where an
 * id or a number belongs). JSON-B reports that for records without the field's name, and its
 * message quotes the caller's input, so on such a failure the body is read again field by field to
 * find the first one its type refuses. The body is read once into memory either way (the JSON-B
 * reader reads it whole too).
 */
@Provider
public class BodyFields implements ReaderInterceptor {

  private static final Jsonb VALUES = JsonbBuilder.create();

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!context.getType().isRecord()
        || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    context.setInputStream(new ByteArrayInputStream(body));
    try {
      return context.proceed();
    } catch (JsonbException e) {
      Optional<WrongFormException> wrong =
          firstWrongField(context.getType(), new String(body, StandardCharsets.UTF_8));
      if (wrong.isPresent()) {
        throw wrong.get();
      }
      throw e;
    }
  }

  private static Optional<WrongFormException> firstWrongField(Class<?> type, String body) {
    JsonObject object;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return Optional.empty();
      }
      object = value.asJsonObject();
    } catch (RuntimeException e) {
      // Not JSON at all (JsonException), or nested too deeply (Parsson's bare RuntimeException):
      // the plain "invalid body" answer is right.
      return Optional.empty();
    }
    return firstWrongField(type, object, "");
  }

  private static Optional<WrongFormException> firstWrongField(
      Class<?> type, JsonObject object, String prefix) {
    for (RecordComponent component : type.getRecordComponents()) {
      String name = jsonName(type, component);
      JsonValue value = object.get(name);
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      if (component.getType().isRecord() && value.getValueType() == JsonValue.ValueType.OBJECT) {
        Optional<WrongFormException> inner =
            firstWrongField(component.getType(), value.asJsonObject(), prefix + name + ".");
        if (inner.isPresent()) {
          return inner;
        }
        continue;
      }
      try {
        VALUES.fromJson(value.toString(), component.getGenericType());
      } catch (RuntimeException e) {
        // JsonbException, or the bare RuntimeException of a value nested too deeply.
        return Optional.of(new WrongFormException(prefix + name, component.getType()));
      }
    }
    return Optional.empty();
  }

  private static String jsonName(Class<?> type, RecordComponent component) {
    try {
      JsonbProperty renamed =
          type.getDeclaredField(component.getName()).getAnnotation(JsonbProperty.class);
      return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    } catch (NoSuchFieldException e) {
      return component.getName();
    }
  }
}
