package io.arrears.agency.rest;

import io.arrears.agency.actions.ActionConflict;
import io.arrears.agency.actions.ActionNotFound;
import io.arrears.agency.actions.InvalidReport;
import io.arrears.agency.placement.PlacementConflict;
import io.arrears.agency.placement.PlacementNotFound;
import io.arrears.web.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The domain's refusals as problem responses. */
public class AgencyProblems {

    /** The problem type of an action the contact rules refused; its title names the rule. */
    public static final String RULE_TYPE = "https://arrears.io/problems/contact-rule";

    @ServerExceptionMapper
    public Response notFound(PlacementNotFound e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response actionNotFound(ActionNotFound e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(PlacementConflict e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response actionConflict(ActionConflict e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidReport e) {
        return new Problem("about:blank", "Bad Request", 400, e.field() + " " + e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage()))).toResponse();
    }

    /** A refused action: 409 when the placement was recalled, 422 when a contact rule stands in the way. */
    static Response refused(String rule, String detail, boolean recalled) {
        int status = recalled ? 409 : 422;
        return new Problem(RULE_TYPE, rule, status, rule + ": " + detail, List.of()).toResponse();
    }
}
