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

import java.util.Map;

/** The complaint service: the queue with its SLA clocks, a complaint with its contact evidence, and its workflow. */
@RegisterRestClient(configKey = "complaint")
@RegisterClientHeaders(ForwardedToken.class)
@Consumes(MediaType.APPLICATION_JSON)
public interface ComplaintApi {

    @GET
    @Path("/complaints")
    Views.Page<Views.ComplaintSummary> queue(@QueryParam("state") String state, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/complaints")
    Views.Page<Views.ComplaintSummary> pastSla(@QueryParam("slaBreached") boolean slaBreached, @QueryParam("page") int page,
                                               @QueryParam("size") int size);

    @GET
    @Path("/complaints/{id}")
    Views.Complaint complaint(@PathParam("id") String id);

    @POST
    @Path("/complaints/{id}/{action}")
    Views.Complaint act(@PathParam("id") String id, @PathParam("action") String action, Map<String, Object> body);
}
