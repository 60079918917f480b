package io.arrears.agency.rest;

import io.arrears.agency.actions.ActionStatus;
import io.arrears.agency.actions.AgencyActionRow;
import io.arrears.agency.actions.AgencyActions;
import io.arrears.agency.placement.Placement;
import io.arrears.agency.placement.PlacementRepository;
import io.arrears.agency.placement.PlacementStatus;
import io.arrears.agency.records.AccountFile;
import io.arrears.agency.records.BankRecords;
import io.arrears.agency.whitelist.AgencyTerms;
import io.arrears.web.InvalidRequestException;
import io.arrears.web.Page;
import io.arrears.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

import java.net.URI;
import java.util.Locale;

/**
 * The agencies' own API. Every call is for the caller's agency only (the {@code agency_id} claim of its
 * token); a placement of another agency is not found.
 */
@Path("/agency")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY)
@Tag(name = "agency API", description = "For outsourced agencies: their placements, their actions under the contact rules, their collections")
public class AgencyApiResource {

    private final AgencyActions actions;
    private final PlacementRepository placements;
    private final BankRecords records;
    private final AgencyCaller caller;

    AgencyApiResource(AgencyActions actions, PlacementRepository placements, BankRecords records, AgencyCaller caller) {
        this.actions = actions;
        this.placements = placements;
        this.records = records;
        this.caller = caller;
    }

    @GET
    @Path("/placements")
    @Operation(summary = "The agency's placements, newest first; status=ACTIVE for those it may work on")
    @Transactional
    public Page<AgencyViews.AgencyPlacement> ownPlacements(@QueryParam("status") String status,
                                                  @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be between 0 and 100000") @Max(value = 100_000, message = "must be between 0 and 100000") int page,
                                                  @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "must be between 1 and 200")
                                                  @Max(value = 200, message = "must be between 1 and 200") int size) {
        String agency = caller.agencyId();
        AgencyTerms terms = actions.terms(agency);
        PlacementRepository.Listing listing = placements.list(new PlacementRepository.Filter(agency, status(status), null, null), page, size);
        return new Page<>(listing.placements().stream().map(p -> view(p, terms)).toList(), page, size, listing.total());
    }

    @GET
    @Path("/placements/{id}")
    @Operation(summary = "One of the agency's placements, with what its contract lets it see of the cardholder and its actions so far")
    @Transactional
    public AgencyViews.AgencyPlacement ownPlacement(@PathParam("id") String id) {
        String agency = caller.agencyId();
        return view(actions.placementOf(agency, id), actions.terms(agency));
    }

    @POST
    @Path("/placements/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask to act (call, text, letter, visit) now; the contact rules allow it or refuse it with the rule, before it happens")
    @APIResponse(responseCode = "201", description = "Allowed: act now, then report the outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyViews.Action.class)))
    @APIResponse(responseCode = "422", description = "Refused by a contact rule, named in the problem's title",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The account was recalled: the agency may no longer act on it",
            content = @Content(mediaType = "application/problem+json"))
    @Transactional
    public Response askToAct(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid ActionRequest request) {
        AgencyActionRow row = actions.request(caller.agencyId(), caller.user(), id, request.action(), request.number());
        if (row.status() == ActionStatus.REFUSED) {
            return AgencyProblems.refused(row.rule, row.detail, AgencyActions.RECALLED.equals(row.rule));
        }
        return Response.created(URI.create("/agency/actions/" + row.id)).entity(AgencyViews.action(row)).build();
    }

    @POST
    @Path("/actions/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report what came of an allowed action; it goes on the case's timeline and into the cardholder's contact history")
    @Transactional
    public AgencyViews.Action reportOutcome(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid OutcomeRequest request) {
        return AgencyViews.action(actions.report(caller.agencyId(), id, request.outcome(), request.promisedAmount(), request.promisedDate()));
    }

    @POST
    @Path("/placements/{id}/collections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say what the agency collected; kept beside the bank's own record of the payment, on which commission is paid")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyViews.Claim.class)))
    @Transactional
    public Response reportCollection(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid ClaimRequest request) {
        var claim = actions.claim(caller.agencyId(), id, request.reference().strip(), request.amount(), request.collectedOn());
        return Response.created(URI.create("/agency/placements/" + id)).entity(AgencyViews.claim(claim)).build();
    }

    private AgencyViews.AgencyPlacement view(Placement p, AgencyTerms terms) {
        AccountFile account = records.account(p.accountId).orElse(null);
        return AgencyViews.forAgency(p, terms, account, account == null ? null : records.customer(account.customerId).orElse(null),
                actions.actionsOn(p.id));
    }

    static PlacementStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return PlacementStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be one of ACTIVE, RECALLED, UNPLACED");
        }
    }
}
