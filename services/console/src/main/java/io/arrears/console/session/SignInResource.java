package io.arrears.console.session;

import io.arrears.console.pages.Lang;
import io.arrears.console.pages.SessionCookie;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Signing in with a token from the bank's identity provider (locally: {@code deploy/local/arrears token ROLE}).
 * The token is checked here exactly as the services check it (issuer, audience, signature, expiry) and kept
 * in the session cookie; it never appears in a URL.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String error);
    }

    private final JWTParser parser;
    private final SessionCookie session;
    private final SecurityIdentity identity;
    private final Lang lang;
    /** A token expires in real time, whatever clock the bank's business day runs on. */
    private final Clock clock = Clock.systemUTC();

    SignInResource(JWTParser parser, SessionCookie session, SecurityIdentity identity, Lang lang) {
        this.parser = parser;
        this.session = session;
        this.identity = identity;
        this.lang = lang;
    }

    @GET
    public Response root() {
        return seeOther(identity.isAnonymous() ? "/sign-in" : Home.of(identity.getRoles()));
    }

    @GET
    @Path("sign-in")
    public TemplateInstance form() {
        return Templates.signIn(null).setLocale(lang.locale());
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token == null ? "" : token.strip());
        } catch (ParseException e) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.signIn("token_refused").setLocale(lang.locale())).build();
        }
        Duration lifetime = Duration.between(Instant.now(clock), Instant.ofEpochSecond(jwt.getExpirationTime()));
        Set<String> roles = jwt.getGroups();
        return Response.seeOther(URI.create(Home.of(roles == null ? Set.of() : roles))).cookie(session.holding(jwt.getRawToken(), lifetime))
                .build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create("/sign-in")).cookie(session.cleared()).build();
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

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
