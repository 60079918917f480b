package io.arrears.console.agent;

import io.arrears.console.clients.ReminderApi;
import io.arrears.console.clients.Views;
import io.arrears.console.pages.Lang;
import io.arrears.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The agent's work queue, highest priority first as the reminder service orders it. The filters are
 * the case's bucket, state and strategy arm, never anything that identifies a cardholder, so a URL
 * copied into a ticket or a browser's history holds no personal data.
 */
@Path("/queue")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Produces(MediaType.TEXT_HTML)
public class QueueResource {

    /** The filters as the page shows them back. */
    public record Filter(boolean all, String state, String bucket, String arm) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Views.Page<Views.CaseSummary> cases, Filter filter, int pages);
    }

    private final ReminderApi reminder;
    private final Lang lang;
    private final int pageSize;

    QueueResource(@RestClient ReminderApi reminder, Lang lang, @ConfigProperty(name = "console.page-size") int pageSize) {
        this.reminder = reminder;
        this.lang = lang;
        this.pageSize = pageSize;
    }

    @GET
    public TemplateInstance queue(@QueryParam("all") @DefaultValue("false") boolean all, @QueryParam("state") String state, @QueryParam("bucket") String bucket,
                                  @QueryParam("arm") String arm, @QueryParam("page") @DefaultValue("0") int page) {
        Filter filter = new Filter(all, blankToNull(state), blankToNull(bucket), blankToNull(arm));
        Views.Page<Views.CaseSummary> cases = reminder.queue(!all, filter.state(), filter.bucket(), filter.arm(), Math.max(0, page), pageSize);
        int pages = (int) Math.max(1, (cases.total() + pageSize - 1) / pageSize);
        return Templates.queue(cases, filter, pages).setLocale(lang.locale());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
