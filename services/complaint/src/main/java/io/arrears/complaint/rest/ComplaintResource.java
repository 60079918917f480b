package io.arrears.complaint.rest;

import io.arrears.complaint.handling.AuditTrail;
import io.arrears.complaint.handling.Complaint;
import io.arrears.complaint.handling.ComplaintEvidence;
import io.arrears.complaint.handling.ComplaintNotFound;
import io.arrears.complaint.handling.ComplaintRepository;
import io.arrears.complaint.handling.ComplaintState;
import io.arrears.complaint.handling.Complaints;
import io.arrears.complaint.handling.NewComplaint;
import io.arrears.complaint.handling.NotTheirAccount;
import io.arrears.web.InvalidRequestException;
import io.arrears.web.Page;
import io.arrears.web.Problem;
import io.arrears.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

@Path("/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints", description = "Complaints about collection: intake, evidence, lifecycle, SLA")
public class ComplaintResource {

    private final Complaints workflow;
    private final ComplaintRepository complaints;
    private final AuditTrail audit;
    private final ComplaintEvidence evidence;
    private final SecurityIdentity identity;

    ComplaintResource(Complaints workflow, ComplaintRepository complaints, AuditTrail audit, ComplaintEvidence evidence,
                      SecurityIdentity identity) {
        this.workflow = workflow;
        this.complaints = complaints;
        this.audit = audit;
        this.evidence = evidence;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.COMPLAINTS_OFFICER, Roles.CARDHOLDER})
    @Operation(summary = "Receive a complaint; categories that hold contact pause all collection contact with the account at once")
    @APIResponse(responseCode = "201", description = "Received",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintViews.Summary.class)))
    public Response file(@NotNull(message = "a body is required") @Valid ComplaintRequest request) {
        if (request.cardholderTimezone() != null) {
            zone(request.cardholderTimezone(), "cardholderTimezone");
        }
        boolean onlyCardholder = identity.hasRole(Roles.CARDHOLDER) && !identity.hasRole(Roles.AGENT)
                && !identity.hasRole(Roles.COMPLAINTS_OFFICER);
        Complaint c = workflow.file(new NewComplaint(request.accountId(), request.category(), request.description().strip(), request.channel(),
                request.evidenceRefs(), request.cardholderTimezone()), onlyCardholder ? Optional.of(subject()) : Optional.empty(), user());
        return Response.created(URI.create("/complaints/" + c.id)).entity(ComplaintViews.summary(c)).build();
    }

    @GET
    @RolesAllowed({Roles.COMPLAINTS_OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Complaints, oldest first; slaBreached=true lists those past an SLA")
    @Transactional
    public Page<ComplaintViews.Summary> list(@QueryParam("accountId") String accountId, @QueryParam("state") String state,
                                             @QueryParam("slaBreached") Boolean slaBreached,
                                             @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be between 0 and 100000") @Max(value = 100_000, message = "must be between 0 and 100000") int page,
                                             @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be between 1 and 200")
                                             @Max(value = 200, message = "must be between 1 and 200") int size) {
        ComplaintRepository.Listing listing = complaints.list(new ComplaintRepository.Filter(accountId, state(state), slaBreached), page, size);
        return new Page<>(listing.complaints().stream().map(ComplaintViews::summary).toList(), page, size, listing.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMPLAINTS_OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "A complaint with its audit trail and the evidence: every contact in the period, and those that broke the rules")
    @Transactional
    public ComplaintViews.Detail get(@PathParam("id") String id) {
        Complaint c = Optional.ofNullable(complaints.findById(id)).orElseThrow(() -> new ComplaintNotFound(id));
        return ComplaintViews.detail(c, ComplaintViews.evidence(evidence.of(c)), audit.of(id));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.COMPLAINTS_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Acknowledge receipt to the cardholder")
    public ComplaintViews.Detail acknowledge(@PathParam("id") String id) {
        workflow.acknowledge(id, user());
        return get(id);
    }

    @POST
    @Path("/{id}/investigate")
    @RolesAllowed({Roles.COMPLAINTS_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Start (or, after an escalation, resume) the investigation")
    public ComplaintViews.Detail investigate(@PathParam("id") String id) {
        workflow.investigate(id, user());
        return get(id);
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPLAINTS_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Resolve: UPHELD, PARTIALLY_UPHELD or REJECTED, with the remedy; releases any contact hold")
    public ComplaintViews.Detail resolve(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid ResolveRequest request) {
        workflow.resolve(id, request.outcome(), request.remedy().strip(), user());
        return get(id);
    }

    @POST
    @Path("/{id}/escalate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPLAINTS_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Escalate to a supervisor, or refer to the regulator (with the regulator's reference)")
    public ComplaintViews.Detail escalate(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid EscalateRequest request) {
        if (request.target() == Complaints.EscalationTarget.REGULATOR_REFERRAL && (request.reference() == null || request.reference().isBlank())) {
            throw new InvalidRequestException("reference", "is required for a regulator referral");
        }
        workflow.escalate(id, request.target(), request.reference(), request.note(), user());
        return get(id);
    }

    @ServerExceptionMapper
    public Response notTheirs(NotTheirAccount e) {
        return Problem.of(Response.Status.FORBIDDEN, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(ComplaintNotFound e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response illegalTransition(ComplaintState.IllegalTransition e) {
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(Problem.of(409, "Not allowed now", e.getMessage())).build();
    }

    private static ComplaintState state(String state) {
        if (state == null) {
            return null;
        }
        try {
            return ComplaintState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("state", "must be one of " + Arrays.toString(ComplaintState.values()));
        }
    }

    private static ZoneId zone(String id, String field) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidRequestException(field, "'" + id + "' is not a time zone such as Asia/Shanghai");
        }
    }

    /**
     * For a cardholder, the customer the identity provider vouches for: the token's {@code sub} claim, read
     * as such, not the principal name, which a provider may fill from another claim (upn, preferred_username).
     */
    private String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        throw new ForbiddenException("the token names no subject");
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
