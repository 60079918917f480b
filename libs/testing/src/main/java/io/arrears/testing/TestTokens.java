package io.arrears.testing;

import io.arrears.localinfra.SigningKeys;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Signed JWTs for REST tests, from the same key pair the services under test verify against. */
public final class TestTokens {

    /** The audience every arrears service expects in a token. */
    public static final String AUDIENCE = "arrears";

    private static Path strangerKeys;

    private TestTokens() {
    }

    public static String bearer(String user, String... roles) {
        return "Bearer " + token(user, roles);
    }

    public static String token(String user, String... roles) {
        return claims(user, roles).sign(SigningKeys.privateKey(TestInfrastructure.signingKeys()));
    }

    /** An agency's token: the role "agency" and the claim naming the agency. */
    public static String agency(String user, String agencyId) {
        return "Bearer " + claims(user, "agency").claim("agency_id", agencyId).sign(SigningKeys.privateKey(TestInfrastructure.signingKeys()));
    }

    /** A token whose principal name ({@code upn}) and subject ({@code sub}) differ, as some identity providers issue. */
    public static String withSubject(String upn, String subject, String... roles) {
        return "Bearer " + claims(upn, roles).subject(subject).sign(SigningKeys.privateKey(TestInfrastructure.signingKeys()));
    }

    /** Right in every way but its age: it expired an hour ago. */
    public static String expired(String user, String... roles) {
        return claims(user, roles).issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign(SigningKeys.privateKey(TestInfrastructure.signingKeys()));
    }

    /** Right in every way but its signature: another key signed it. */
    public static String signedByAnotherKey(String user, String... roles) {
        return claims(user, roles).sign(SigningKeys.privateKey(strangerKeys()));
    }

    /** Right in every way but its audience: it was minted for another system. */
    public static String forAnotherAudience(String user, String... roles) {
        return claims(user, roles).audience("another-system").sign(SigningKeys.privateKey(TestInfrastructure.signingKeys()));
    }

    private static JwtClaimsBuilder claims(String user, String... roles) {
        return Jwt.issuer(TestInfrastructure.JWT_ISSUER)
                .audience(AUDIENCE)
                .upn(user)
                .subject(user)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1));
    }

    private static synchronized Path strangerKeys() {
        if (strangerKeys == null) {
            strangerKeys = ScratchSpace.directory("arrears-stranger-keys-");
            SigningKeys.ensure(strangerKeys);
        }
        return strangerKeys;
    }
}
