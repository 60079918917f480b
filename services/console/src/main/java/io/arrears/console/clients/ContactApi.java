package io.arrears.console.clients;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The contact-channel service: every attempt with the guard's decisions, and the cardholder's contact points, masked. */
@RegisterRestClient(configKey = "contact")
@RegisterClientHeaders(ForwardedToken.class)
public interface ContactApi {

    @GET
    @Path("/contacts/accounts/{accountId}")
    Views.ContactHistory history(@PathParam("accountId") String accountId);

    @GET
    @Path("/contacts/customers/{customerId}")
    Views.Customer customer(@PathParam("customerId") String customerId);
}
