package io.arrears.console.agent;

import io.arrears.console.clients.AccountApi;
import io.arrears.console.clients.ContactApi;
import io.arrears.console.clients.ReminderApi;
import io.arrears.console.clients.ServiceProblem;
import io.arrears.console.clients.Views;
import io.arrears.console.pages.Lang;
import io.arrears.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case as an agent works it: the account's figures, the cardholder's contact points (masked by the
 * contact-channel service), every event and contact on one timeline, and the forms to record a call or
 * a promise and to negotiate a plan. Every decision is the services': the console only shows it.
 */
@Path("/cases/{id}")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Produces(MediaType.TEXT_HTML)
public class CaseResource {

    /** What the page shows above the forms after an action: done (a message key), or the service's refusal. */
    public record Outcome(String done, ServiceProblem contactProblem, ServiceProblem planProblem, PlanForm plan, String verdict) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance casePage(Views.CaseFile file, Views.Account account, Views.Customer customer,
                                                List<TimelineLine> timeline, List<Views.Hold> holds, Outcome outcome);

        static native TemplateInstance preview(Views.PlanPreview preview, ServiceProblem problem);
    }

    private final ReminderApi reminder;
    private final AccountApi accounts;
    private final ContactApi contacts;
    private final Lang lang;

    CaseResource(@RestClient ReminderApi reminder, @RestClient AccountApi accounts, @RestClient ContactApi contacts, Lang lang) {
        this.reminder = reminder;
        this.accounts = accounts;
        this.contacts = contacts;
        this.lang = lang;
    }

    @GET
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("done") String done) {
        return page(id, new Outcome(done == null ? null : "done_" + done.replaceAll("[^a-z_]", ""), null, null, PlanForm.EMPTY, null));
    }

    @POST
    @Path("contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object recordContact(@PathParam("id") String id, @FormParam("outcome") String outcome, @FormParam("note") String note,
                                @FormParam("promisedAmount") String promisedAmount, @FormParam("promisedDate") String promisedDate) {
        Map<String, Object> report = new LinkedHashMap<>();
        putIfPresent(report, "outcome", outcome);
        putIfPresent(report, "note", note);
        if ("PROMISE_TO_PAY".equals(outcome)) {
            putIfPresent(report, "promisedAmount", promisedAmount);
            putIfPresent(report, "promisedDate", promisedDate);
        }
        try {
            reminder.recordContact(id, report);
            return back(id, "PROMISE_TO_PAY".equals(outcome) ? "promise" : "contact");
        } catch (WebApplicationException e) {
            return refusedWith(page(id, new Outcome(null, ServiceProblem.of(e), null, PlanForm.EMPTY, null)), e);
        }
    }

    /** The live preview: the reminder service judges the terms as it would on agreeing them, and nothing is agreed. */
    @POST
    @Path("plan/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@PathParam("id") String id, @BeanParam PlanForm form) {
        try {
            return Templates.preview(reminder.preview(id, form.terms()), null).setLocale(lang.locale());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 401) {
                throw e;
            }
            return Templates.preview(null, ServiceProblem.of(e)).setLocale(lang.locale());
        }
    }

    /** Agree the plan, or, when it is beyond the agent's limits, send it to a supervisor ({@code action=ask}). */
    @POST
    @Path("plan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object plan(@PathParam("id") String id, @BeanParam PlanForm form, @FormParam("action") String action) {
        try {
            if ("ask".equals(action)) {
                reminder.askForApproval(id, form.terms());
                return back(id, "approval");
            }
            reminder.agreePlan(id, form.terms());
            return back(id, "plan");
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            // Beyond the caller's limits: the service's own verdict says whether a supervisor could agree it.
            String verdict = problem.forbidden() ? verdictOn(id, form) : null;
            return refusedWith(page(id, new Outcome(null, null, problem, form, verdict)), e);
        }
    }

    private String verdictOn(String id, PlanForm form) {
        try {
            return reminder.preview(id, form.terms()).verdict();
        } catch (WebApplicationException e) {
            return null;
        }
    }

    private TemplateInstance page(String id, Outcome outcome) {
        Views.CaseFile file = reminder.caseFile(id);
        Views.Account account = accounts.account(file.accountId());
        Views.ContactHistory history = contacts.history(file.accountId());
        Views.Customer customer = contacts.customer(file.customerId());
        return Templates.casePage(file, account, customer, TimelineLine.of(file, history), history.holds(), outcome).setLocale(lang.locale());
    }

    private static Response back(String id, String done) {
        return Response.seeOther(URI.create("/cases/" + id + "?done=" + done)).build();
    }

    /** The page again with the refusal beside the form, under the service's own status (a 401 still leads to sign-in). */
    private static Response refusedWith(TemplateInstance page, WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status >= 500) {
            throw e;
        }
        return Response.status(status == 404 ? 404 : 422).entity(page).type(MediaType.TEXT_HTML_TYPE).build();
    }

    private static void putIfPresent(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }
}
