package io.arrears.console.supervisor;

import io.arrears.console.clients.AgencyApi;
import io.arrears.console.clients.ServiceProblem;
import io.arrears.console.clients.Views;
import io.arrears.console.pages.Lang;
import io.arrears.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The outsourced agencies: each one's scorecard for a month (counted by the agency service on the bank's
 * own records), the whitelist with its terms, and the accounts they hold, which a supervisor may recall.
 */
@Path("/agencies")
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class AgencyPageResource {

    private static final int SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agencies(String month, List<Views.Scorecard> scorecards, List<Views.AgencyTerms> agencies,
                                                Views.Page<Views.Placement> active, ServiceProblem problem, boolean recalled);
    }

    private final AgencyApi agencies;
    private final Lang lang;

    AgencyPageResource(@RestClient AgencyApi agencies, Lang lang) {
        this.agencies = agencies;
        this.lang = lang;
    }

    @GET
    public TemplateInstance page(@QueryParam("month") String month, @QueryParam("done") String done) {
        return render(month(month), null, "recalled".equals(done));
    }

    @POST
    @Path("placements/{id}/recall")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    public Response recall(@PathParam("id") String id, @FormParam("reason") String reason, @FormParam("note") String note) {
        try {
            agencies.recall(id, Map.of("reason", reason == null ? "" : reason, "note", note == null ? "" : note.strip()));
            return Response.seeOther(URI.create("/agencies?done=recalled")).build();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 401) {
                throw e;
            }
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE).entity(render(month(null), ServiceProblem.of(e), false)).build();
        }
    }

    private TemplateInstance render(String month, ServiceProblem problem, boolean recalled) {
        return Templates.agencies(month, agencies.scorecards(month), agencies.agencies(), agencies.placements("ACTIVE", 0, SHOWN), problem, recalled)
                .setLocale(lang.locale());
    }

    /** The month asked for, or this one; the agency service counts months in the bank's zone. */
    private static String month(String month) {
        if (month != null && !month.isBlank()) {
            try {
                return YearMonth.parse(month.strip()).toString();
            } catch (DateTimeException e) {
                // an unreadable month shows the current one
            }
        }
        return null;
    }
}
