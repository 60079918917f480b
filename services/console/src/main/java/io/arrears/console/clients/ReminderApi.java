package io.arrears.console.clients;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** The reminder service: cases, call outcomes, plans and their approvals, and its reports. */
@RegisterRestClient(configKey = "reminder")
@RegisterClientHeaders(ForwardedToken.class)
@Consumes(MediaType.APPLICATION_JSON)
public interface ReminderApi {

    @GET
    @Path("/cases")
    Views.Page<Views.CaseSummary> queue(@QueryParam("needsAgent") boolean needsAgent, @QueryParam("state") String state,
                                        @QueryParam("bucket") String bucket, @QueryParam("arm") String arm,
                                        @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/cases/{id}")
    Views.CaseFile caseFile(@PathParam("id") String id);

    @POST
    @Path("/cases/{id}/contacts")
    Views.CaseFile recordContact(@PathParam("id") String id, Map<String, Object> report);

    @POST
    @Path("/cases/{id}/plans/preview")
    Views.PlanPreview preview(@PathParam("id") String id, Map<String, Object> terms);

    @POST
    @Path("/cases/{id}/plans")
    Views.Plan agreePlan(@PathParam("id") String id, Map<String, Object> terms);

    @POST
    @Path("/cases/{id}/plan-approvals")
    Views.Approval askForApproval(@PathParam("id") String id, Map<String, Object> terms);

    @GET
    @Path("/plan-approvals")
    List<Views.Approval> waitingApprovals();

    @POST
    @Path("/plan-approvals/{id}/approve")
    Views.Approval approve(@PathParam("id") String id);

    @POST
    @Path("/plan-approvals/{id}/decline")
    Views.Approval decline(@PathParam("id") String id, Map<String, Object> note);

    @GET
    @Path("/reports/operations")
    Views.Operations operations();

    @GET
    @Path("/reports/strategy")
    Views.StrategyResults strategy(@QueryParam("from") String from, @QueryParam("to") String to);
}
