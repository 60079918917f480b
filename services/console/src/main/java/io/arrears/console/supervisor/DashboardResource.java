package io.arrears.console.supervisor;

import io.arrears.console.clients.ComplaintApi;
import io.arrears.console.clients.ReminderApi;
import io.arrears.console.clients.Views;
import io.arrears.console.pages.Lang;
import io.arrears.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Where collections stand now. Every number is counted by the service that owns the rows (the reminder
 * service's operations report, the complaint service's queue); the console adds nothing but the bars.
 */
@Path("/dashboard")
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Views.Operations figures, Crosstab cases, Crosstab reminders, Bars promises,
                                                 Bars plans, Bars escalations, long openComplaints, long complaintsPastSla);
    }

    private final ReminderApi reminder;
    private final ComplaintApi complaints;
    private final Lang lang;

    DashboardResource(@RestClient ReminderApi reminder, @RestClient ComplaintApi complaints, Lang lang) {
        this.reminder = reminder;
        this.complaints = complaints;
        this.lang = lang;
    }

    @GET
    public TemplateInstance dashboard() {
        Views.Operations figures = reminder.operations();
        long open = complaints.queue(null, 0, 1).total() - complaints.queue("RESOLVED", 0, 1).total();
        long pastSla = complaints.pastSla(true, 0, 1).total();
        return Templates.dashboard(figures, Crosstab.of(figures.cases()), Crosstab.of(figures.reminders()),
                Bars.byKey(figures.promises()), Bars.byGroupAndKey(figures.plans()), Bars.byKey(figures.escalations()), open, pastSla)
                .setLocale(lang.locale());
    }
}
