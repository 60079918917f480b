package io.arrears.local;

import io.arrears.local.demo.BankMonth;
import io.arrears.localinfra.KafkaBroker;
import io.arrears.localinfra.KafkaTopics;
import io.arrears.localinfra.PostgresServer;
import io.arrears.localinfra.SigningKeys;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The local infrastructure without containers: one durable PostgreSQL with a database per service and
 * one Kafka broker (KRaft), on 127.0.0.1, data under {@code .local/}. Started and stopped by
 * {@code deploy/local/arrears}; everything it starts stops with it.
 */
public final class Launcher {

    static final List<String> DATABASES = List.of("account", "reminder", "contact", "complaint", "agency");
    static final String ISSUER = "https://arrears.local/issuer";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "help";
        Path home = Path.of(System.getProperty("arrears.home", ".local")).toAbsolutePath();
        switch (command) {
            case "infra" -> infra(home, Integer.getInteger("arrears.kafka.port", 9092), Integer.getInteger("arrears.postgres.port", 15432));
            case "token" -> System.out.println(token(home, args.length > 1 ? args[1] : "agent"));
            case "publish" -> FeedTool.publish(bootstrap(), args[1], Files.readString(Path.of(args[2])));
            case "watch" -> FeedTool.watch(bootstrap(), args[1]);
            case "sinks" -> ProviderSinks.run(home);
            case "keys" -> keys(Path.of(args[1]), args.length > 2 ? Path.of(args[2]) : null);
            case "demo" -> BankMonth.play(role -> token(home, role));
            case "capacity" -> io.arrears.local.capacity.Capacity.run();
            case "capacity-chart" -> io.arrears.local.capacity.Capacity.chart();
            default -> {
                System.err.println("usage: Launcher infra | sinks | keys DIR [PUBLIC_KEY_DIR] | token ROLE | publish TOPIC FILE | watch TOPIC | demo");
                System.exit(2);
            }
        }
    }

    private static void infra(Path home, int kafkaPort, int postgresPort) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("run"));
        Path ready = home.resolve("run").resolve("infra.ready");
        Files.deleteIfExists(ready);
        SigningKeys.ensure(home.resolve("keys"));

        PostgresServer postgres = PostgresServer.durable(home.resolve("postgres"), postgresPort);
        DATABASES.forEach(postgres::createDatabase);
        System.out.println("PostgreSQL 17 on 127.0.0.1:" + postgresPort + " (databases " + DATABASES + ")");

        KafkaBroker broker = new KafkaBroker(home.resolve("kafka"), kafkaPort, kafkaPort + 1, "-Xmx1g");
        broker.start(Duration.ofSeconds(120));
        System.out.println("Kafka (KRaft) on " + broker.bootstrapServers());
        int created = KafkaTopics.createAll(broker.bootstrapServers(), 3);
        System.out.println("topics: " + KafkaTopics.contract().size() + " present (" + created + " created)");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop(Duration.ofSeconds(30));
            postgres.close();
            stopped.countDown();
        }, "local-infra-stop"));
        Files.writeString(ready, "kafka=" + broker.bootstrapServers() + "\npostgres=" + postgresPort + "\n");
        stopped.await();
    }

    /** Makes the key pair in {@code folder}, and copies the public key alone to {@code publicOnly} for the services. */
    private static void keys(Path folder, Path publicOnly) throws IOException {
        SigningKeys.ensure(folder);
        if (publicOnly != null) {
            Files.createDirectories(publicOnly);
            Files.copy(folder.resolve(SigningKeys.PUBLIC_KEY), publicOnly.resolve(SigningKeys.PUBLIC_KEY),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String bootstrap() {
        return "127.0.0.1:" + Integer.getInteger("arrears.kafka.port", 9092);
    }

    /** A token for {@code role}; "agency:ID" is a token of the agency ID's systems (role agency, claim agency_id). */
    private static String token(Path home, String role) {
        if (role.startsWith("agency:")) {
            String agency = role.substring("agency:".length());
            return Jwt.issuer(ISSUER).audience("arrears").upn("local-" + agency).subject("local-" + agency).groups(Set.of("agency"))
                    .claim("agency_id", agency).expiresIn(Duration.ofHours(8)).sign(SigningKeys.privateKey(home.resolve("keys")));
        }
        return Jwt.issuer(ISSUER).audience("arrears").upn("local-" + role).subject("local-" + role).groups(Set.of(role))
                .expiresIn(Duration.ofHours(8)).sign(SigningKeys.privateKey(home.resolve("keys")));
    }
}
