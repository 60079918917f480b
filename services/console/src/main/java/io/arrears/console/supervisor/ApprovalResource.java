package io.arrears.console.supervisor;

import io.arrears.console.clients.ReminderApi;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Plans beyond an agent's limits, waiting for a supervisor: the terms, the limit they pass, approve or decline. */
@Path("/approvals")
@RolesAllowed(Roles.SUPERVISOR)
@Produces(MediaType.TEXT_HTML)
public class ApprovalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvals(List<Views.Approval> waiting, ServiceProblem problem, String done);
    }

    private final ReminderApi reminder;
    private final Lang lang;

    ApprovalResource(@RestClient ReminderApi reminder, Lang lang) {
        this.reminder = reminder;
        this.lang = lang;
    }

    @GET
    public TemplateInstance waiting(@jakarta.ws.rs.QueryParam("done") String done) {
        return Templates.approvals(reminder.waitingApprovals(), null, "approved".equals(done) || "declined".equals(done) ? done : null)
                .setLocale(lang.locale());
    }

    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") String id) {
        try {
            reminder.approve(id);
            return Response.seeOther(URI.create("/approvals?done=approved")).build();
        } catch (WebApplicationException e) {
            return refused(e);
        }
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") String id, @FormParam("note") String note) {
        try {
            reminder.decline(id, Map.of("note", note == null ? "" : note.strip()));
            return Response.seeOther(URI.create("/approvals?done=declined")).build();
        } catch (WebApplicationException e) {
            return refused(e);
        }
    }

    private Response refused(WebApplicationException e) {
        if (e.getResponse().getStatus() == 401) {
            throw e;
        }
        return Response.status(422).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.approvals(reminder.waitingApprovals(), ServiceProblem.of(e), null).setLocale(lang.locale())).build();
    }
}
