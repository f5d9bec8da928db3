package org.kameng.server.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
        List.copyOf(Memberships.of(token).keySet()));
  }
}
