package io.arrears.testing;

import io.smallrye.jwt.build.Jwt;

import java.time.Duration;
import java.util.Set;

/** Signed JWTs for REST tests, from the same key pair the services under test verify against. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String bearer(String user, String... roles) {
        return "Bearer " + token(user, roles);
    }

    public static String token(String user, String... roles) {
        return Jwt.issuer(TestInfrastructure.JWT_ISSUER)
                .upn(user)
                .subject(user)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1))
                .sign(SigningKeys.privateKey(TestInfrastructure.signingKeys()));
    }
}
