package io.arrears.testing;

import io.arrears.localinfra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Puts {@link FaultyPostgres} between the service under test and its database. Use beside
 * {@link ArrearsTestResource}, with the same database:
 * {@code @QuarkusTestResource(value = FaultyPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "contact"))};
 * it starts after that resource and its JDBC URL replaces the direct one. Disarmed, it passes everything through.
 */
public class FaultyPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FaultyPostgres proxy;
    private String database;

    /** The proxy of the running test class. */
    public static FaultyPostgres proxy() {
        if (proxy == null) {
            throw new IllegalStateException("no FaultyPostgresResource is started for this test class");
        }
        return proxy;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(ArrearsTestResource.DATABASE);
        if (database == null) {
            throw new IllegalArgumentException("FaultyPostgresResource needs the database's name (init arg \"database\")");
        }
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureStarted();
        try {
            proxy = new FaultyPostgres(TestInfrastructure.postgresPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", PostgresServer.jdbcUrl(proxy.port(), database));
    }

    /** After {@link ArrearsTestResource} (order 0), whose database it needs and whose URL it replaces. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        proxy = null;
    }
}
