package io.arrears.agency.rest;

import io.arrears.agency.config.AgencyConfig;
import io.arrears.agency.performance.CommissionStatement;
import io.arrears.agency.performance.Scorecard;
import io.arrears.agency.performance.Scorecards;
import io.arrears.agency.placement.PlacementNotFound;
import io.arrears.agency.placement.PlacementRepository;
import io.arrears.agency.whitelist.AgencyTerms;
import io.arrears.agency.whitelist.Whitelist;
import io.arrears.web.InvalidRequestException;
import io.arrears.web.ProblemResponses;
import io.arrears.web.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The whitelist, the agencies' terms, their scorecards and what the bank owes them. */
@Path("/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "agencies", description = "The whitelist of collection agencies, their scorecards and commission")
public class AgencyResource {

    private final Whitelist whitelist;
    private final PlacementRepository placements;
    private final Scorecards scorecards;
    private final Clock clock;
    private final ZoneId zone;
    private final String currency;

    AgencyResource(Whitelist whitelist, PlacementRepository placements, Scorecards scorecards, Clock clock, AgencyConfig config) {
        this.whitelist = whitelist;
        this.placements = placements;
        this.scorecards = scorecards;
        this.clock = clock;
        this.zone = ZoneId.of(config.placement().zone());
        this.currency = config.placement().currency();
    }

    @GET
    @Path("/whitelist")
    @PermitAll
    @Operation(summary = "The agencies the bank may place accounts with, as it publishes them: name, regions, contract and last review")
    @Extension(name = ProblemResponses.PUBLIC, value = "true")
    @APIResponse(responseCode = "200", description = "The whitelist")
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    @Transactional
    public List<AgencyViews.Listed> publishedWhitelist() {
        return whitelist.listed().stream().map(AgencyViews::listed).toList();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Every agency ever listed, with its terms and the placements it holds now")
    @Transactional
    public List<AgencyViews.Terms> agencies() {
        Set<String> listed = whitelist.listed().stream().map(AgencyTerms::id).collect(Collectors.toSet());
        Map<String, Integer> active = placements.activeCounts();
        return whitelist.all().stream().map(t -> AgencyViews.terms(t, listed.contains(t.id()), active.getOrDefault(t.id(), 0))).toList();
    }

    @GET
    @Path("/scorecards")
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Each agency's scorecard for a month (default: this one): placed, contacted, promises, cured, collected, complaints, refusals")
    @Transactional
    public List<Scorecard> scorecards(@QueryParam("month") String month) {
        YearMonth m = month(month);
        var from = m.atDay(1).atStartOfDay(zone).toInstant();
        var to = m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return whitelist.all().stream().map(a -> scorecards.of(a, from, to, currency)).toList();
    }

    @GET
    @Path("/{id}/commission")
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "What the bank owes the agency for a month (default: this one), per bucket, on the payments the bank received")
    @Transactional
    public CommissionStatement commission(@PathParam("id") String id, @QueryParam("month") String month) {
        AgencyTerms agency = whitelist.find(id).orElseThrow(() -> new PlacementNotFound("agency " + id));
        return scorecards.commission(agency, month(month), zone, currency);
    }

    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(LocalDate.now(clock.withZone(zone)));
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("month", "must be a month like 2030-04");
        }
    }
}
