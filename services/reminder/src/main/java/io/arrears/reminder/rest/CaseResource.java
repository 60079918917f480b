package io.arrears.reminder.rest;

import io.arrears.reminder.agent.AgentWork;
import io.arrears.reminder.agent.CaseQueries;
import io.arrears.reminder.agent.LimitBreached;
import io.arrears.reminder.agent.Negotiation;
import io.arrears.reminder.agent.PlanApprovals;
import io.arrears.reminder.agent.PlanRequest;
import io.arrears.reminder.cases.CaseConflict;
import io.arrears.reminder.cases.CaseNotFound;
import io.arrears.reminder.cases.CaseState;
import io.arrears.reminder.cases.PlanApproval;
import io.arrears.reminder.cases.PlanAudit;
import io.arrears.reminder.cases.RepaymentPlan;
import io.arrears.reminder.negotiation.PlanPolicy;
import io.arrears.reminder.negotiation.PlanRefused;
import io.arrears.web.InvalidRequestException;
import io.arrears.web.Page;
import io.arrears.web.Problem;
import io.arrears.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.Arrays;

@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Tag(name = "cases", description = "Collection cases: the agents' work queue, call outcomes, promises and plans")
public class CaseResource {

    private final CaseQueries queries;
    private final AgentWork agentWork;
    private final Negotiation negotiation;
    private final SecurityIdentity identity;
    private final PlanAudit audit;
    private final PlanApprovals approvals;

    CaseResource(CaseQueries queries, AgentWork agentWork, Negotiation negotiation, SecurityIdentity identity, PlanAudit audit,
                 PlanApprovals approvals) {
        this.approvals = approvals;
        this.queries = queries;
        this.agentWork = agentWork;
        this.negotiation = negotiation;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "The work queue: open cases needing an agent, highest priority first; needsAgent=false lists all cases")
    public Page<CaseViews.Summary> queue(
            @QueryParam("needsAgent") @DefaultValue("true") boolean needsAgent,
            @QueryParam("accountId") String accountId,
            @QueryParam("state") String state,
            @QueryParam("bucket") String bucket,
            @QueryParam("arm") String arm,
            @QueryParam("segment") String segment,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be between 0 and 100000") @Max(value = 100_000, message = "must be between 0 and 100000") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be between 1 and 200") @Max(value = 200, message = "must be between 1 and 200") int size) {
        CaseQueries.Listing listing = queries.queue(new CaseQueries.Filter(needsAgent, accountId, state(state), bucket, arm, segment), page, size);
        return new Page<>(listing.cases().stream().map(CaseViews::summary).toList(), page, size, listing.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A case with its timeline, steps, contact history, calls, promises and plans")
    public CaseViews.Detail get(@PathParam("id") String id) {
        return queries.file(id).map(CaseViews::detail).orElseThrow(() -> new CaseNotFound(id));
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "The case's money decisions: plans, waivers, overrides and refusals, with who took them and the limits in force")
    public java.util.List<CaseViews.AuditEntry> audit(@PathParam("id") String id) {
        if (queries.file(id).isEmpty()) {
            throw new CaseNotFound(id);
        }
        return audit.of(id).stream().map(CaseViews::audit).toList();
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the outcome of a call; PROMISE_TO_PAY pauses the ladder until the promised date")
    @APIResponse(responseCode = "201", description = "Recorded; the case as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.Detail.class)))
    @APIResponse(responseCode = "409", description = "The case is closed")
    public Response recordContact(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid ContactRequest request) {
        agentWork.recordContact(id,
                new AgentWork.ContactReport(request.outcome(), request.note(), request.promisedAmount(), request.promisedDate()), user());
        return Response.created(URI.create("/cases/" + id)).entity(get(id)).build();
    }

    @POST
    @Path("/{id}/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Agree a repayment plan, judged against the case's own figures; beyond an agent's limits it needs a supervisor")
    @APIResponse(responseCode = "201", description = "The plan, in force; PlanAgreed is on its way to the account service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.Plan.class)))
    @APIResponse(responseCode = "403", description = "Beyond the caller's role, or beyond the limits of a role; the problem names the limit")
    @APIResponse(responseCode = "409", description = "The case is closed, on hold, or already in a plan")
    public Response agreePlan(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid PlanRequest request) {
        RepaymentPlan plan = negotiation.agree(id, request, user(), authority());
        return Response.created(URI.create("/cases/" + id)).entity(CaseViews.plan(plan)).build();
    }

    @POST
    @Path("/{id}/plans/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a plan on these terms would be, judged as agreeing it would be, without agreeing it: the instalments, "
            + "what is forgiven, the caller's verdict (WITHIN_LIMITS, NEEDS_SUPERVISOR, BEYOND_ALL_LIMITS) and the limits of both roles")
    @APIResponse(responseCode = "200", description = "The plan these terms would make; nothing is agreed or recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.Preview.class)))
    @APIResponse(responseCode = "400", description = "The terms cannot make a plan; the problem names the field")
    @APIResponse(responseCode = "409", description = "The case is closed, on hold, or already in a plan")
    public CaseViews.Preview previewPlan(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid PlanRequest request) {
        return CaseViews.preview(negotiation.preview(id, request, authority()));
    }

    @POST
    @Path("/{id}/plan-approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Send terms beyond an agent's limits, but within a supervisor's, to a supervisor for approval")
    @APIResponse(responseCode = "201", description = "Waiting for a supervisor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.Approval.class)))
    @APIResponse(responseCode = "403", description = "Beyond every role's limits; the problem names the limit")
    @APIResponse(responseCode = "409", description = "Within the agent's own limits, the case cannot take a plan, or a request already waits")
    public Response askForApproval(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid PlanRequest request) {
        PlanApproval approval = approvals.request(id, request, user());
        return Response.created(URI.create("/plan-approvals/" + approval.id)).entity(CaseViews.approval(approval, request)).build();
    }

    private PlanPolicy.Authority authority() {
        return identity.hasRole(Roles.SUPERVISOR) ? PlanPolicy.Authority.SUPERVISOR : PlanPolicy.Authority.AGENT;
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static CaseState state(String state) {
        if (state == null) {
            return null;
        }
        try {
            return CaseState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("state", "must be one of " + Arrays.toString(CaseState.values()));
        }
    }
}
