package org.kameng.server.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Who the caller is, as the server understood the access token. */
@Path("/me")
@RequestScoped
@SecurityRequirement(name = "keycloak")
public class MeResource {

  @Inject JsonWebToken token;

  /** The signed-in user, their realm roles and the shops (organisations) the token names. */
  public record Me(String subject, String username, Set<String> roles, List<String> shops) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The signed-in user as the server sees the access token")
  public Me me() {
    return new Me(
        token.getSubject(),
        token.getClaim("preferred_username"),
        new TreeSet<>(token.getGroups()),
        organisations());
  }

  // Keycloak writes the organization claim as a list of aliases or, with attributes, as a map
  // keyed by alias; both shapes arrive here as JSON-P values.
  private List<String> organisations() {
    Object claim = token.getClaim("organization");
    if (claim instanceof Map<?, ?> map) {
      return map.keySet().stream().map(Object::toString).sorted().toList();
    }
    if (claim instanceof Iterable<?> list) {
      var names = new TreeSet<String>();
      list.forEach(item -> names.add(unquote(item.toString())));
      return List.copyOf(names);
    }
    return List.of();
  }

  private static String unquote(String json) {
    return json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")
        ? json.substring(1, json.length() - 1)
        : json;
  }
}
