package io.arrears.console.clients;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Calls a service as the signed-in user: the access token the bank's identity provider gave them goes as
 * the bearer, so the service checks their roles and records their name, exactly as if they had called it
 * themselves. The console has no login of its own at the services.
 */
@ApplicationScoped
public class ForwardedToken implements ClientHeadersFactory {

    private final SecurityIdentity user;

    ForwardedToken(SecurityIdentity user) {
        this.user = user;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        AccessTokenCredential token = user.getCredential(AccessTokenCredential.class);
        if (token != null) {
            headers.putSingle("Authorization", "Bearer " + token.getToken());
        }
        return headers;
    }
}
