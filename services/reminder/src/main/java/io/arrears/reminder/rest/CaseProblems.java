package io.arrears.reminder.rest;

import io.arrears.reminder.agent.ApprovalNotFound;
import io.arrears.reminder.agent.ApprovalRefused;
import io.arrears.reminder.agent.LimitBreached;
import io.arrears.reminder.cases.CaseConflict;
import io.arrears.reminder.cases.CaseNotFound;
import io.arrears.reminder.negotiation.PlanRefused;
import io.arrears.web.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The domain's refusals as problem responses, for every resource that works on cases and plans. */
public class CaseProblems {

    @ServerExceptionMapper
    public Response refused(PlanRefused e) {
        return new Problem("about:blank", "Bad Request", 400, e.field() + " " + e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(CaseConflict e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(CaseNotFound e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response approvalNotFound(ApprovalNotFound e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response limitBreached(LimitBreached e) {
        return new Problem("https://arrears.io/problems/plan-limit", "Plan beyond your limit", 403, e.getMessage(),
                List.of(new Problem.Violation(e.limit().limit(), e.limit().asked() + " > " + e.limit().allowed()))).toResponse();
    }

    @ServerExceptionMapper
    public Response fourEyes(ApprovalRefused e) {
        return new Problem("https://arrears.io/problems/four-eyes", "Another supervisor must decide", 403, e.getMessage(),
                List.of()).toResponse();
    }
}
