package io.arrears.console.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The session: the identity provider's signed token in a cookie that scripts cannot read (HttpOnly), that
 * other sites cannot send (SameSite=Strict), and that expires when the token does.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "arrears_session";

    private final boolean secure;

    SessionCookie(@ConfigProperty(name = "console.session.secure-cookie") boolean secure) {
        this.secure = secure;
    }

    public NewCookie holding(String token, Duration lifetime) {
        return cookie(token, (int) Math.max(0, lifetime.toSeconds()));
    }

    public NewCookie cleared() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
