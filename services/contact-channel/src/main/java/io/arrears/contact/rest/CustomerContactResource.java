package io.arrears.contact.rest;

import io.arrears.contact.customer.ChannelConsent;
import io.arrears.contact.customer.CustomerDirectory;
import io.arrears.contact.customer.CustomerProfile;
import io.arrears.contact.customer.CustomerRepositories;
import io.arrears.contact.privacy.Erasure;
import io.arrears.events.Channel;
import io.arrears.web.InvalidRequestException;
import io.arrears.web.Problem;
import io.arrears.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;

@Path("/contacts/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers", description = "A customer's contact data (masked) and consents per channel")
public class CustomerContactResource {

    private final CustomerDirectory directory;
    private final CustomerRepositories.Phones phones;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Erasure erasure;

    CustomerContactResource(CustomerDirectory directory, CustomerRepositories.Phones phones, SecurityIdentity identity, Clock clock,
                            Erasure erasure) {
        this.directory = directory;
        this.phones = phones;
        this.identity = identity;
        this.erasure = erasure;
        this.clock = clock;
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "The customer's contact data, masked, with consents and their history")
    public ContactViews.Customer get(@PathParam("customerId") String customerId) {
        return view(profile(customerId));
    }

    @PUT
    @Path("/{customerId}/consents/{channel}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Record the cardholder's consent or opt-out for one channel, with the reason; kept in the consent history")
    public ContactViews.Customer changeConsent(@PathParam("customerId") String customerId, @PathParam("channel") String channel,
                                               @NotNull(message = "a body is required") @Valid ConsentRequest request) {
        CustomerProfile profile = profile(customerId);
        directory.record(customerId, channel(channel), request.granted(), ChannelConsent.Source.AGENT, identity.getPrincipal().getName(),
                request.reason().strip(), OffsetDateTime.now(clock));
        return view(profile);
    }

    @POST
    @Path("/{customerId}/erasure")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Erase a former customer's personal data (contact points, name, address, consent reasons); the anonymous"
            + " record of contacts stays for the period the law sets")
    @APIResponse(responseCode = "200", description = "Erased; the customer as now recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactViews.Customer.class)))
    @APIResponse(responseCode = "409", description = "The customer still holds accounts, or contact with them is under way")
    public ContactViews.Customer erase(@PathParam("customerId") String customerId) {
        return view(erasure.erase(customerId, identity.getPrincipal().getName()));
    }

    private CustomerProfile profile(String customerId) {
        return directory.profile(customerId).orElseThrow(() -> new NotFoundException("customer " + customerId + " is not known"));
    }

    private ContactViews.Customer view(CustomerProfile profile) {
        return ContactViews.customer(profile, phones.of(profile.customerId).stream().map(p -> p.number).toList(),
                directory.consents(profile.customerId), directory.consentHistory(profile.customerId));
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("channel", "'" + name + "' is not one of " + Arrays.toString(Channel.values()));
        }
    }

    @ServerExceptionMapper
    public Response erasureRefused(Erasure.Refused refused) {
        return Problem.of(refused.unknownCustomer() ? Response.Status.NOT_FOUND : Response.Status.CONFLICT, refused.getMessage())
                .toResponse();
    }
}
