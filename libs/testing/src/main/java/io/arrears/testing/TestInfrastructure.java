package io.arrears.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, shared by every test and every Quarkus
 * restart. Their coordinates live in system properties (plain strings), because Quarkus loads test
 * resources and test classes in different class loaders and a static field would exist once per loader.
 */
public final class TestInfrastructure {

    public static final String JWT_ISSUER = "https://arrears.test/issuer";
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static final String PREFIX = "arrears.testing.";
    private static final String BOOTSTRAP = PREFIX + "kafka.bootstrap";
    private static final String BROKER_HOME = PREFIX + "kafka.home";
    private static final String BROKER_PORT = PREFIX + "kafka.port";
    private static final String CONTROLLER_PORT = PREFIX + "kafka.controller-port";
    private static final String BROKER_PID = PREFIX + "kafka.pid";
    private static final String PG_PORT = PREFIX + "postgres.port";
    private static final String KEYS = PREFIX + "keys";
    private static final String BROKER_HEAP = "-Xmx512m";

    private TestInfrastructure() {
    }

    /** Starts the shared servers unless this JVM already has them. */
    public static void ensureStarted() {
        Properties lock = System.getProperties();
        synchronized (lock) {
            if (System.getProperty(BOOTSTRAP) != null) {
                return;
            }
            try {
                Path root = Files.createTempDirectory("arrears-test-");
                Path keys = root.resolve("keys");
                SigningKeys.ensure(keys);
                System.setProperty(KEYS, keys.toString());

                PostgresServer postgres = PostgresServer.ephemeral();
                System.setProperty(PG_PORT, Integer.toString(postgres.port()));

                KafkaBroker broker = new KafkaBroker(root.resolve("kafka"), FreePort.pick(), FreePort.pick(), BROKER_HEAP);
                broker.start(START_TIMEOUT);
                remember(broker);

                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    broker().stop(Duration.ofSeconds(20));
                    postgres.close();
                }, "arrears-test-infrastructure-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static String bootstrapServers() {
        ensureStarted();
        return System.getProperty(BOOTSTRAP);
    }

    public static int postgresPort() {
        ensureStarted();
        return Integer.parseInt(System.getProperty(PG_PORT));
    }

    public static String jdbcUrl(String database) {
        return PostgresServer.jdbcUrl(postgresPort(), database);
    }

    public static Path signingKeys() {
        ensureStarted();
        return Path.of(System.getProperty(KEYS));
    }

    /** The shared broker, e.g. to stop it and prove that nothing is lost while it is down. */
    public static KafkaBroker broker() {
        ensureStarted();
        return KafkaBroker.attach(Path.of(System.getProperty(BROKER_HOME)), Integer.parseInt(System.getProperty(BROKER_PORT)),
                Integer.parseInt(System.getProperty(CONTROLLER_PORT)), BROKER_HEAP, Long.parseLong(System.getProperty(BROKER_PID)));
    }

    /** Stops the broker; {@link #startBroker()} brings it back on the same port with the same data. */
    public static void stopBroker() {
        synchronized (System.getProperties()) {
            broker().stop(Duration.ofSeconds(30));
        }
    }

    public static void startBroker() {
        synchronized (System.getProperties()) {
            KafkaBroker broker = broker();
            broker.start(START_TIMEOUT);
            remember(broker);
        }
    }

    private static void remember(KafkaBroker broker) {
        System.setProperty(BROKER_HOME, broker.home().toString());
        System.setProperty(BROKER_PORT, Integer.toString(broker.port()));
        System.setProperty(CONTROLLER_PORT, Integer.toString(broker.controllerPort()));
        System.setProperty(BROKER_PID, Long.toString(broker.pid()));
        System.setProperty(BOOTSTRAP, broker.bootstrapServers());
    }
}
