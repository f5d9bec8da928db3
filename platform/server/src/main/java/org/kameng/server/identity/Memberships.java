package org.kameng.server.identity;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the shops a token's user belongs to from Keycloak's {@code organization} claim: {@code
 * {"<alias>": {"groups": ["/owners", ...]}, ...}}, or a plain list of aliases when the realm maps
 * no groups. The claim arrives as JSON-P values or java.util collections depending on the runtime;
 * both read the same. The alias is the shop's slug.
 */
public final class Memberships {

  /** The group that makes a member an owner. */
  public static final String OWNERS_GROUP = "/owners";

  private Memberships() {}

  /** Each shop slug of the token, with whether the user is among its owners. */
  public static Map<String, Boolean> of(JsonWebToken token) {
    Object claim = token.getClaim("organization");
    Map<String, Boolean> shops = new TreeMap<>();
    if (claim instanceof JsonObject || claim instanceof Map<?, ?>) {
      for (String alias : keys(claim)) {
        shops.put(alias, isOwner(member(member(claim, alias), "groups")));
      }
    } else {
      for (Object alias : elements(claim)) {
        shops.put(text(alias), false);
      }
    }
    return shops;
  }

  private static boolean isOwner(Object groups) {
    for (Object group : elements(groups)) {
      if (OWNERS_GROUP.equals(text(group))) {
        return true;
      }
    }
    return false;
  }

  private static Collection<String> keys(Object object) {
    if (object instanceof JsonObject json) {
      return json.keySet();
    }
    return ((Map<?, ?>) object).keySet().stream().map(Object::toString).toList();
  }

  private static Object member(Object object, String name) {
    if (object instanceof JsonObject json) {
      return json.containsKey(name) ? json.get(name) : null;
    }
    if (object instanceof Map<?, ?> map) {
      return map.get(name);
    }
    return null;
  }

  private static Iterable<?> elements(Object array) {
    if (array instanceof JsonArray json) {
      return json;
    }
    if (array instanceof Collection<?> collection) {
      return collection;
    }
    return List.of();
  }

  private static String text(Object value) {
    if (value instanceof JsonString json) {
      return json.getString();
    }
    return value == null ? null : value.toString();
  }
}
