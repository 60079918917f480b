package io.arrears.reminder.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.arrears.events.EventJson;
import io.arrears.reminder.agent.PlanApprovals;
import io.arrears.reminder.agent.PlanRequest;
import io.arrears.reminder.cases.PlanApproval;
import io.arrears.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.UncheckedIOException;
import java.util.List;

@Path("/plan-approvals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "plan approvals", description = "Plans beyond an agent's limits, decided by a supervisor other than the one who asked")
public class PlanApprovalResource {

    private final PlanApprovals approvals;
    private final SecurityIdentity identity;

    PlanApprovalResource(PlanApprovals approvals, SecurityIdentity identity) {
        this.approvals = approvals;
        this.identity = identity;
    }

    /** Why a supervisor declined, for the agent and the audit trail. */
    public record Decline(@NotBlank(message = "is required: say why the plan is declined")
                          @Size(max = 1000, message = "must be at most 1000 characters") String note) {
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "The plans waiting for a supervisor, oldest first")
    public List<CaseViews.Approval> waiting() {
        return approvals.waiting().stream().map(PlanApprovalResource::view).toList();
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Agree the waiting plan with a supervisor's authority, judged again on the case's present figures")
    @APIResponse(responseCode = "200", description = "Approved; the plan is in force and PlanAgreed is on its way to the account service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.Approval.class)))
    @APIResponse(responseCode = "403", description = "The request is the caller's own, or now beyond a supervisor's limits")
    @APIResponse(responseCode = "409", description = "Already decided, or the case can no longer take a plan")
    public CaseViews.Approval approve(@PathParam("id") String id) {
        return view(approvals.approve(id, identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline the waiting plan, saying why")
    @APIResponse(responseCode = "200", description = "Declined; the case stays as it was",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.Approval.class)))
    @APIResponse(responseCode = "409", description = "Already decided")
    public CaseViews.Approval decline(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid Decline decline) {
        return view(approvals.decline(id, identity.getPrincipal().getName(), decline.note()));
    }

    static CaseViews.Approval view(PlanApproval approval) {
        try {
            return CaseViews.approval(approval, EventJson.mapper().readValue(approval.terms, PlanRequest.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
