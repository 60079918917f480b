package io.arrears.console.clients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Calls a service as the signed-in user: their own token goes as the bearer, so the service checks their
 * roles and records their name, exactly as if they had called it themselves. The console has no login of its own.
 */
@ApplicationScoped
public class ForwardedToken implements ClientHeadersFactory {

    private final JsonWebToken user;

    ForwardedToken(JsonWebToken user) {
        this.user = user;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String raw = user.getRawToken();
        if (raw != null) {
            headers.putSingle("Authorization", "Bearer " + raw);
        }
        return headers;
    }
}
