package io.arrears.agency.rest;

import io.arrears.web.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The agency a caller works for, from its signed token; a token with the role but no agency is refused. */
@RequestScoped
public class AgencyCaller {

    private final JsonWebToken token;

    AgencyCaller(JsonWebToken token) {
        this.token = token;
    }

    public String agencyId() {
        Object claim = token.getClaim(Roles.AGENCY_CLAIM);
        String id = claim == null ? null : claim.toString().replace("\"", "");
        if (id == null || id.isBlank()) {
            throw new ForbiddenException("the token names no agency (claim " + Roles.AGENCY_CLAIM + ")");
        }
        return id;
    }

    public String user() {
        return token.getName();
    }
}
