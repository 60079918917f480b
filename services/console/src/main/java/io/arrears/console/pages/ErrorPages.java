package io.arrears.console.pages;

import io.arrears.console.clients.ServiceProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


/**
 * Failures as pages a person can act on, ahead of the JSON problems the services answer with: a token
 * leads to the sign-in page, a refusal says who refused and why, a service that does not answer is named.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final int FIRST = Priorities.USER - 100;

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(int status, String key, String detail);
    }

    private final Lang lang;

    ErrorPages(Lang lang) {
        this.lang = lang;
    }

    /** Only when the sign-in policy was bypassed; the page says so instead of a bare 401. */
    @ServerExceptionMapper(priority = FIRST)
    public Response notSignedIn(UnauthorizedException e) {
        return page(401, "error_signed_out", null);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e) {
        return page(403, "error_forbidden", null);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            // The service did not accept the user's token: a new sign-in gets a new one.
            return page(401, "error_signed_out", null);
        }
        if (status < 400) {
            return e.getResponse();
        }
        ServiceProblem problem = ServiceProblem.of(e);
        return page(status, status == 404 ? "error_not_found" : status == 403 ? "error_forbidden" : "error_refused", problem.detail());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service did not answer: %s", e.getMessage());
        return page(503, "error_unreachable", null);
    }

    private Response page(int status, String key, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, key, detail).setLocale(lang.locale()).render()).build();
    }
}
