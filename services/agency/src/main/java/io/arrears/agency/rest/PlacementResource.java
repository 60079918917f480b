package io.arrears.agency.rest;

import io.arrears.agency.actions.AgencyActions;
import io.arrears.agency.placement.Placement;
import io.arrears.agency.placement.PlacementNotFound;
import io.arrears.agency.placement.PlacementRepository;
import io.arrears.agency.placement.Placements;
import io.arrears.events.RecallReason;
import io.arrears.web.InvalidRequestException;
import io.arrears.web.Page;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/** Placements for the bank's staff: who holds which account, what the agency did, and the supervisor's recall. */
@Path("/placements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "placements", description = "Accounts placed with agencies, their actions, and recall")
public class PlacementResource {

    private final PlacementRepository placements;
    private final Placements workflow;
    private final AgencyActions actions;
    private final SecurityIdentity identity;

    PlacementResource(PlacementRepository placements, Placements workflow, AgencyActions actions, SecurityIdentity identity) {
        this.placements = placements;
        this.workflow = workflow;
        this.actions = actions;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Placements, newest first, by agency, status (ACTIVE, RECALLED, UNPLACED), account or case")
    @Transactional
    public Page<AgencyViews.BankPlacement> listPlacements(@QueryParam("agencyId") String agencyId, @QueryParam("status") String status,
                                                @QueryParam("accountId") String accountId, @QueryParam("caseId") String caseId,
                                                @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be between 0 and 100000") @Max(value = 100_000, message = "must be between 0 and 100000") int page,
                                                @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be between 1 and 200")
                                                @Max(value = 200, message = "must be between 1 and 200") int size) {
        PlacementRepository.Listing listing = placements.list(new PlacementRepository.Filter(agencyId, AgencyApiResource.status(status), accountId,
                caseId), page, size);
        return new Page<>(listing.placements().stream().map(p -> AgencyViews.forBank(p, actions.actionsOn(p.id))).toList(), page, size,
                listing.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "A placement with every action the agency asked to take, allowed or refused")
    @Transactional
    public AgencyViews.BankPlacement getPlacement(@PathParam("id") String id) {
        Placement p = Optional.ofNullable(placements.findById(id)).orElseThrow(() -> new PlacementNotFound(id));
        return AgencyViews.forBank(p, actions.actionsOn(id));
    }

    @POST
    @Path("/{id}/recall")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Recall an account; for NON_PERFORMANCE it is placed with another qualifying agency that has not held it")
    @Transactional
    public AgencyViews.Recalled recall(@PathParam("id") String id, @NotNull(message = "a body is required") @Valid RecallRequest request) {
        if (request.reason() != RecallReason.SUPERVISOR && request.reason() != RecallReason.NON_PERFORMANCE) {
            throw new InvalidRequestException("reason", "must be SUPERVISOR or NON_PERFORMANCE; the others are the bank's events' to make");
        }
        Optional<Placement> next = workflow.recallBySupervisor(id, request.reason(), request.note().strip(), identity.getPrincipal().getName());
        return new AgencyViews.Recalled(getPlacement(id), next.map(p -> AgencyViews.forBank(p, java.util.List.of())).orElse(null));
    }
}
