package io.arrears.console.clients;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The account service: the account's own figures as of the last closed business day. */
@RegisterRestClient(configKey = "account")
@RegisterClientHeaders(ForwardedToken.class)
public interface AccountApi {

    @GET
    @Path("/accounts/{id}")
    Views.Account account(@PathParam("id") String id);
}
