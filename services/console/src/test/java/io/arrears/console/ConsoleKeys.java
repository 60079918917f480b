package io.arrears.console;

import io.arrears.localinfra.SigningKeys;
import io.arrears.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The console verifies tokens as the services do: the test key pair and issuer, nothing else of the shared infrastructure. */
public class ConsoleKeys implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", TestInfrastructure.signingKeys().resolve(SigningKeys.PUBLIC_KEY).toString(),
                "mp.jwt.verify.issuer", TestInfrastructure.JWT_ISSUER);
    }

    @Override
    public void stop() {
    }
}
