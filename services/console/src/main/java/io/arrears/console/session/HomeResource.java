package io.arrears.console.session;

import io.arrears.console.pages.Lang;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;

/**
 * Where a signed-in user starts, and the language switch. Signing in and out is the bank's identity
 * provider's (OpenID Connect, configured as quarkus.oidc): an anonymous request is sent there, and
 * {@code /sign-out} ends the session there too.
 */
@Path("/")
public class HomeResource {

    private final SecurityIdentity identity;

    HomeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(Home.of(identity.getRoles()))).build();
    }

    /** Signed in, but in no role the console serves (a cardholder's token, say). */
    @GET
    @Path("no-role")
    public Response noRole() {
        throw new ForbiddenException();
    }

    /** Switches the language and returns to the page the user was on; only a path of this site, never another site. */
    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@FormParam("lang") String tag, @HeaderParam("Referer") String referer) {
        NewCookie chosen = new NewCookie.Builder(Lang.COOKIE).value(Lang.of(tag).toLanguageTag()).path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds()).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create(backTo(referer))).cookie(chosen).build();
    }

    static String backTo(String referer) {
        if (referer == null) {
            return "/";
        }
        URI uri = URI.create(referer);
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return "/";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
