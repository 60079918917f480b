package io.arrears.console;

import io.arrears.localinfra.FreePort;
import io.arrears.localinfra.SigningKeys;
import io.arrears.simulators.LocalIdentityProvider;
import io.arrears.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * The bank's identity provider for the console's tests: the local stand-in, signing with the test key pair
 * the services trust, the console registered as its client.
 */
public class LocalSignIn implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT = "arrears-console";
    public static final String SECRET = "console-test-secret-0123456789abcdef";
    public static volatile String url;
    private LocalIdentityProvider provider;

    @Override
    public Map<String, String> start() {
        Path keys = TestInfrastructure.signingKeys();
        provider = LocalIdentityProvider.start(FreePort.pick(), TestInfrastructure.JWT_ISSUER, SigningKeys.privateKey(keys),
                SigningKeys.publicKey(keys), Map.of(CLIENT, SECRET));
        url = provider.url();
        return Map.of("quarkus.oidc.auth-server-url", provider.url(), "quarkus.oidc.client-id", CLIENT,
                "quarkus.oidc.credentials.secret", SECRET, "quarkus.oidc.token.issuer", TestInfrastructure.JWT_ISSUER);
    }

    @Override
    public void stop() {
        if (provider != null) {
            provider.close();
        }
    }
}
