package io.arrears.contact.rest;

import io.arrears.contact.customer.CustomerRepositories;
import io.arrears.contact.dispatch.AttemptRepository;
import io.arrears.contact.dispatch.DecisionRepository;
import io.arrears.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contacts/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.AUDITOR})
@Tag(name = "contact history", description = "Every contact attempt for an account with every decision of the compliance guard")
public class ContactHistoryResource {

    private final AttemptRepository attempts;
    private final DecisionRepository decisions;
    private final CustomerRepositories.Holds holds;

    ContactHistoryResource(AttemptRepository attempts, DecisionRepository decisions, CustomerRepositories.Holds holds) {
        this.attempts = attempts;
        this.decisions = decisions;
        this.holds = holds;
    }

    @GET
    @Path("/{accountId}")
    @Operation(summary = "The account's complaint holds and contact attempts, oldest first, each with the guard's decisions (SEND, DEFER, SUPPRESS) and the rule")
    public ContactViews.History history(@PathParam("accountId") String accountId) {
        return ContactViews.history(accountId, holds.ofAccount(accountId), attempts.ofAccount(accountId), decisions.ofAccount(accountId));
    }
}
