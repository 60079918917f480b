package io.arrears.messaging;

import io.arrears.web.InvalidRequestException;
import io.arrears.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every service can replay a dead-letter topic once the cause of its records is fixed:
 * {@code POST /admin/dead-letters/<topic>.dlq/replay} as a supervisor. The same call serves the local
 * run ({@code deploy/local/arrears replay}) and Kubernetes (through the service).
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "dead letters", description = "Records a service could not use, applied again once their cause is fixed")
public class DeadLetterResource {

    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @POST
    @Path("/{topic}/replay")
    @Operation(summary = "Hands every dead letter this service's consumers made on the topic, not applied before, to its consumer again")
    @APIResponse(responseCode = "200", description = "What was applied, what had been applied before, and what is still unusable or was skipped, and why")
    @APIResponse(responseCode = "400", description = "The topic is not a dead-letter topic")
    public DeadLetterReplay.Report replay(@PathParam("topic") String topic, @Context SecurityContext security) {
        try {
            return replay.replay(topic, security.getUserPrincipal().getName());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("topic", e.getMessage());
        }
    }
}
