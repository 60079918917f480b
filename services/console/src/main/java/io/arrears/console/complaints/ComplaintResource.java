package io.arrears.console.complaints;

import io.arrears.console.clients.ComplaintApi;
import io.arrears.console.clients.ServiceProblem;
import io.arrears.console.clients.Views;
import io.arrears.console.pages.Lang;
import io.arrears.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The complaint officer's desk: the queue with each complaint's SLA clocks, and a complaint with the
 * contact evidence and the breaches the complaint service flagged, moved on through its workflow.
 */
@Path("/complaints")
@RolesAllowed({Roles.COMPLAINTS_OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class ComplaintResource {

    private static final Set<String> ACTIONS = Set.of("acknowledge", "investigate", "resolve", "escalate");

    /** A queue line with its clock: how long until (or since) the SLA that applies now. */
    public record Line(Views.ComplaintSummary complaint, SlaClock clock) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance complaints(List<Line> lines, long total, String state);

        static native TemplateInstance complaint(Views.Complaint complaint, SlaClock clock, ServiceProblem problem, String done);
    }

    private final ComplaintApi complaints;
    private final Lang lang;
    private final int pageSize;
    /** SLA clocks count real time, as the complaint service's deadlines do. */
    private final Clock clock = Clock.systemUTC();

    ComplaintResource(@RestClient ComplaintApi complaints, Lang lang, @ConfigProperty(name = "console.page-size") int pageSize) {
        this.complaints = complaints;
        this.lang = lang;
        this.pageSize = pageSize;
    }

    @GET
    public TemplateInstance queue(@QueryParam("state") String state, @QueryParam("page") @DefaultValue("0") int page) {
        String filter = state == null || state.isBlank() ? null : state;
        Views.Page<Views.ComplaintSummary> found = complaints.queue(filter, Math.max(0, page), pageSize);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Line> lines = found.items().stream().map(c -> new Line(c, SlaClock.of(c, now))).toList();
        return Templates.complaints(lines, found.total(), filter).setLocale(lang.locale());
    }

    @GET
    @Path("{id}")
    public TemplateInstance complaint(@PathParam("id") String id, @QueryParam("done") String done) {
        return page(id, null, done == null || !ACTIONS.contains(done) ? null : done);
    }

    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.COMPLAINTS_OFFICER, Roles.SUPERVISOR})
    public Response act(@PathParam("id") String id, @PathParam("action") String action, @FormParam("outcome") String outcome,
                        @FormParam("remedy") String remedy, @FormParam("target") String target, @FormParam("reference") String reference,
                        @FormParam("note") String note) {
        if (!ACTIONS.contains(action)) {
            return Response.status(404).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "outcome", outcome);
        put(body, "remedy", remedy);
        put(body, "target", target);
        put(body, "reference", reference);
        put(body, "note", note);
        try {
            complaints.act(id, action, body);
            return Response.seeOther(URI.create("/complaints/" + id + "?done=" + action)).build();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 401 || e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE).entity(page(id, ServiceProblem.of(e), null)).build();
        }
    }

    private TemplateInstance page(String id, ServiceProblem problem, String done) {
        Views.Complaint complaint = complaints.complaint(id);
        return Templates.complaint(complaint, SlaClock.of(complaint, OffsetDateTime.now(clock)), problem, done).setLocale(lang.locale());
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }
}
