package org.kameng.server.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.job.BacklogEntry;
import org.kameng.kernel.job.DeadJob;
import org.kameng.kernel.job.JobQueue;
import org.kameng.kernel.job.RetryOutcome;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.Roles;

/** The job queue across all shops, for platform admins: backlog, dead letters, retry. */
@Path("/platform/jobs")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class JobsResource {

  @Inject Transactions transactions;

  @GET
  @Operation(summary = "Jobs waiting, running and dead, per kind")
  public List<BacklogEntry> backlog() {
    return new JobQueue(transactions).backlog();
  }

  @GET
  @Path("/dead")
  @Operation(summary = "Jobs that failed all their attempts, newest first")
  public List<DeadJob> dead(@QueryParam("limit") Integer limit) {
    return new JobQueue(transactions).dead(limit == null ? 50 : Math.max(1, Math.min(limit, 500)));
  }

  @POST
  @Path("/{id}/retry")
  @Operation(summary = "Put a dead job back in the queue")
  public RetryOutcome retry(@PathParam("id") long id) {
    return new JobQueue(transactions).retry(id);
  }
}
