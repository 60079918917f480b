package io.arrears.testing;

import io.arrears.localinfra.SigningKeys;
import io.arrears.localinfra.PostgresServer;
import io.arrears.localinfra.KafkaBroker;
import io.arrears.localinfra.FreePort;
import io.arrears.localinfra.BrokerSecurity;
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
 *
 * <p>With the system property {@value #SECURED_BY} naming a manifest of Strimzi {@code KafkaUser}s, the
 * broker is secured as production's: SCRAM-SHA-512 over TLS, one login per user of the manifest, and
 * its ACLs as the only grants. The tests' own clients then log in as the admin;
 * {@link #serviceKafkaConfig(String)} gives a service its own login.
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
    /** A system property naming a KafkaUser manifest: with it, the broker runs secured by those users' ACLs. */
    public static final String SECURED_BY = PREFIX + "kafka.secured-by";

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

                KafkaBroker broker = new KafkaBroker(root.resolve("kafka"), FreePort.pick(), FreePort.pick(), BROKER_HEAP, security());
                broker.start(START_TIMEOUT);
                remember(broker);
                grantAcls(broker);

                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    broker().stop(Duration.ofSeconds(20));
                    postgres.close();
                    ScratchSpace.remove(root);
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

    /** Settings for a test's own Kafka client: the bootstrap servers, and the admin's login on a secured broker. */
    public static java.util.Map<String, Object> kafkaClientSettings() {
        return kafkaClientSettings(BrokerSecurity.ADMIN);
    }

    /** As {@link #kafkaClientSettings()}, logged in as {@code user} of the manifest on a secured broker. */
    public static java.util.Map<String, Object> kafkaClientSettings(String user) {
        ensureStarted();
        return broker().clientSettings(user);
    }

    /** The configuration a packaged service needs to log in to the broker as {@code user} (none on a plaintext broker). */
    public static java.util.Map<String, String> serviceKafkaConfig(String user) {
        ensureStarted();
        java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        BrokerSecurity security = security();
        if (security != null) {
            security.clientSettings(broker().home(), user).forEach((key, value) -> config.put("kafka." + key, value.toString()));
        }
        return config;
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
                Integer.parseInt(System.getProperty(CONTROLLER_PORT)), BROKER_HEAP, Long.parseLong(System.getProperty(BROKER_PID)), security());
    }

    /** The users of the manifest named by {@value #SECURED_BY}, each with a password made from its name; null without one. */
    private static BrokerSecurity security() {
        String manifest = System.getProperty(SECURED_BY);
        if (manifest == null || manifest.isBlank()) {
            return null;
        }
        return SECURITY.computeIfAbsent(manifest, m -> {
            java.util.Map<String, String> passwords = new java.util.LinkedHashMap<>();
            KafkaUsers.read(Path.of(m)).names().forEach(user -> passwords.put(user, user + "-test-secret"));
            return BrokerSecurity.withUsers(passwords);
        });
    }

    private static final java.util.Map<String, BrokerSecurity> SECURITY = new java.util.concurrent.ConcurrentHashMap<>();

    private static void grantAcls(KafkaBroker broker) {
        String manifest = System.getProperty(SECURED_BY);
        if (manifest == null || manifest.isBlank()) {
            return;
        }
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(broker.clientSettings(BrokerSecurity.ADMIN))) {
            admin.createAcls(KafkaUsers.read(Path.of(manifest)).bindings()).all().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot grant the ACLs of " + manifest, e);
        }
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
