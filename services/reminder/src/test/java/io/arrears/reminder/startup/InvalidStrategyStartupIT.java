package io.arrears.reminder.startup;

import io.arrears.localinfra.FreePort;
import io.arrears.testing.PackagedService;
import io.arrears.localinfra.PostgresServer;
import io.arrears.localinfra.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service, started as in production with a broken strategy, must refuse to run and say
 * why, naming every bad key; a service that started anyway would send whatever the broken ladder says.
 */
class InvalidStrategyStartupIT {

    @Test
    void theServiceRefusesToStartAndNamesEveryBadKey(@TempDir Path keys) {
        SigningKeys.ensure(keys);
        try (PostgresServer postgres = PostgresServer.ephemeral()) {
            postgres.createDatabase("reminder");
            Map<String, String> config = Map.of(
                    "quarkus.datasource.jdbc.url", postgres.jdbcUrl("reminder"),
                    "quarkus.datasource.password", "unused",
                    "REMINDER_DB_PASSWORD", "unused",
                    "kafka.bootstrap.servers", "127.0.0.1:" + FreePort.pick(),
                    "quarkus.http.port", Integer.toString(FreePort.pick()),
                    "mp.jwt.verify.publickey.location", keys.resolve(SigningKeys.PUBLIC_KEY).toString(),
                    "reminder.strategy.challenger.share", "1.5",
                    "reminder.strategy.ladders.champion.standard.1-29", "1 SMS overdue-notice, 2 FAX fax-notice");

            try (PackagedService service = PackagedService.start(Path.of("").toAbsolutePath(), config)) {
                int exit = service.awaitExit(Duration.ofSeconds(90));

                assertThat(exit).isNotZero();
                assertThat(service.output())
                        .contains("the treatment strategy (reminder.strategy.*) is invalid")
                        .contains("reminder.strategy.challenger.share: 1.5 is not between 0 and 1")
                        .contains("reminder.strategy.ladders.champion.standard.1-29: '2 FAX fax-notice': channel 'FAX' is not one of");
            }
        }
    }
}
