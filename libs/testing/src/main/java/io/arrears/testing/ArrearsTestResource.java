package io.arrears.testing;

import io.arrears.localinfra.SigningKeys;
import io.arrears.localinfra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at the shared real broker and PostgreSQL, in its own database.
 * Use with {@code @QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = "database", value = "account"))}.
 */
public class ArrearsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";

    private String database = "arrears";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureStarted();
        PostgresServer.createDatabase(TestInfrastructure.postgresPort(), database);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", TestInfrastructure.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", "");
        config.put("mp.jwt.verify.publickey.location", TestInfrastructure.signingKeys().resolve(SigningKeys.PUBLIC_KEY).toString());
        config.put("mp.jwt.verify.issuer", TestInfrastructure.JWT_ISSUER);
        config.put("quarkus.devservices.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // The servers outlive each Quarkus start: they stop with the JVM.
    }
}
