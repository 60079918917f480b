package io.arrears.console.pages;

import io.arrears.console.clients.ServiceProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * Failures as pages a person can act on, ahead of the JSON problems the services answer with: no session
 * leads to the sign-in page, a refusal says who refused and why, a service that does not answer is named.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final int FIRST = Priorities.USER - 100;

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(int status, String key, String detail);
    }

    private final SessionCookie session;
    private final Lang lang;

    ErrorPages(SessionCookie session, Lang lang) {
        this.session = session;
        this.lang = lang;
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response signIn(UnauthorizedException e) {
        return toSignIn();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response badSession(AuthenticationFailedException e) {
        return toSignIn();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e) {
        return page(403, "error_forbidden", null);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return toSignIn();
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

    private Response toSignIn() {
        return Response.seeOther(URI.create("/sign-in")).cookie(session.cleared()).build();
    }

    private Response page(int status, String key, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, key, detail).setLocale(lang.locale()).render()).build();
    }
}
