package io.arrears.contact.startup;

import io.arrears.localinfra.FreePort;
import io.arrears.testing.PackagedService;
import io.arrears.localinfra.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service runs in the prod profile, where no secret has a fallback value: without them it
 * refuses to start and says which are missing, instead of running with a secret anyone can read here.
 */
class MissingSecretsStartupIT {

    @Test
    void withoutItsSecretsTheServiceRefusesToStartAndNamesThem(@TempDir Path keys) {
        SigningKeys.ensure(keys);
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:" + FreePort.pick(),
                "quarkus.http.port", Integer.toString(FreePort.pick()),
                "mp.jwt.verify.publickey.location", keys.resolve(SigningKeys.PUBLIC_KEY).toString()));

        assertThat(failedStart(config)).contains("ARREARS_CALLBACK_SECRET").contains("SMPP_PASSWORD").contains("ARREARS_PHONE_DIGEST_KEY");

        // The datasource is configured after the service's own settings: given those, the database password is the one missing.
        config.put("contact.callback-secret", "given");
        config.put("contact.adapters.smpp.password", "given");
        config.put("contact.phone-digest-key", "given");
        assertThat(failedStart(config)).contains("CONTACT_DB_PASSWORD");
    }

    private static String failedStart(Map<String, String> config) {
        try (PackagedService service = PackagedService.start(Path.of("").toAbsolutePath(), config)) {
            assertThat(service.awaitExit(Duration.ofSeconds(90))).isNotZero();
            return service.output();
        }
    }
}
