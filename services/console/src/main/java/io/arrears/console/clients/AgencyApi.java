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

/** The agency service: the whitelist, the agencies' scorecards, the placements and the supervisor's recall. */
@RegisterRestClient(configKey = "agency")
@RegisterClientHeaders(ForwardedToken.class)
@Consumes(MediaType.APPLICATION_JSON)
public interface AgencyApi {

    @GET
    @Path("/agencies")
    List<Views.AgencyTerms> agencies();

    @GET
    @Path("/agencies/scorecards")
    List<Views.Scorecard> scorecards(@QueryParam("month") String month);

    @GET
    @Path("/placements")
    Views.Page<Views.Placement> placements(@QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/placements/{id}/recall")
    Map<String, Object> recall(@PathParam("id") String id, Map<String, Object> body);
}
