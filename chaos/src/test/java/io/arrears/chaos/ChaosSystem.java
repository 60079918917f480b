package io.arrears.chaos;

import io.arrears.simulators.IvrSimulator;
import io.arrears.simulators.MailSink;
import io.arrears.simulators.SmscSimulator;
import io.arrears.localinfra.FreePort;
import io.arrears.localinfra.KafkaBroker;
import io.arrears.localinfra.KafkaTopics;
import io.arrears.testing.PackagedService;
import io.arrears.localinfra.PostgresServer;
import io.arrears.localinfra.SigningKeys;
import io.arrears.testing.ScratchSpace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The system the fault suite breaks: a Kafka broker and a durable PostgreSQL of its own (so that
 * killing them loses only what a real crash would), the provider simulators, and the four services
 * from their packaged jars, each as one or more replicas in their own JVMs. Every part can be
 * killed with SIGKILL and started again.
 */
final class ChaosSystem implements AutoCloseable {

    static final List<String> SERVICES = List.of("account", "reminder", "contact-channel", "complaint");
    static final String CALLBACK_SECRET = "chaos-callback-secret";
    static final String ISSUER = "https://arrears.chaos/issuer";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration START_BOUND = Duration.ofSeconds(240);
    private static final Map<String, String> DATABASES = Map.of(
            "account", "account", "reminder", "reminder", "contact-channel", "contact", "complaint", "complaint");

    final Path home;
    final Path keys;
    final KafkaBroker broker;
    final MailSink mail;
    final SmtpDropProxy smtp;
    private int smtpPort;
    final SmscSimulator smsc;
    final IvrSimulator ivr;
    final Path printFolder;
    private PostgresServer postgres;
    private PostgresServer.Crashed crashedPostgres;
    private final int ivrPort;
    private final Map<String, List<Replica>> replicas = new LinkedHashMap<>();

    /** One running JVM of a service, on its own HTTP port. */
    record Replica(String service, int port, PackagedService process) {

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    ChaosSystem() {
        try {
            home = Files.createTempDirectory("arrears-chaos-");
            keys = home.resolve("keys");
            SigningKeys.ensure(keys);
            postgres = PostgresServer.durable(home.resolve("postgres"), FreePort.pick());
            DATABASES.values().forEach(postgres::createDatabase);
            broker = new KafkaBroker(home.resolve("kafka"), FreePort.pick(), FreePort.pick(), "-Xmx512m");
            broker.start(Duration.ofSeconds(90));
            KafkaTopics.createAll(broker.bootstrapServers(), 6);
            printFolder = Files.createDirectories(home.resolve("print-drop"));
            mail = MailSink.start(FreePort.pick());
            smtpPort = FreePort.pick();
            smtp = new SmtpDropProxy(smtpPort, mail.port());
            smsc = SmscSimulator.start(FreePort.pick()).autoReceipts(true);
            ivrPort = FreePort.pick();
            SERVICES.forEach(s -> replicas.put(s, new ArrayList<>()));
            int contactPort = FreePort.pick();
            ivr = IvrSimulator.start(ivrPort, "http://127.0.0.1:" + contactPort + "/callbacks/voice", CALLBACK_SECRET);
            for (String service : SERVICES) {
                startReplica(service, service.equals("contact-channel") ? contactPort : FreePort.pick());
            }
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    String jdbcUrl(String service) {
        return postgres.jdbcUrl(DATABASES.get(service));
    }

    Connection database(String service) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(service), PostgresServer.USER, "");
    }

    /** The first live replica's URL, for the public REST APIs. */
    String url(String service) {
        return replicas.get(service).stream().filter(r -> r.process().isAlive()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no replica of " + service + " runs")).url();
    }

    List<Replica> replicas(String service) {
        return List.copyOf(replicas.get(service));
    }

    Replica startReplica(String service) {
        return startReplica(service, FreePort.pick());
    }

    /** SIGKILL to one replica, as a crash or an OOM kill would. */
    void kill(Replica replica) {
        replica.process().kill();
    }

    /**
     * SIGTERM to each replica at once, as a deploy or a drained node sends it; fails unless each has exited within
     * the grace period its manifest gives a pod before the orchestrator's SIGKILL.
     */
    void stopWithinGrace(List<Replica> stopping) {
        stopping.stream().map(r -> CompletableFuture.runAsync(() -> r.process().stop(graceOf(r.service())))).toList()
                .forEach(CompletableFuture::join);
    }

    /** The service's {@code terminationGracePeriodSeconds} in the Kubernetes manifests. */
    private static Duration graceOf(String service) {
        try {
            Matcher grace = Pattern.compile("terminationGracePeriodSeconds:\\s*(\\d+)")
                    .matcher(Files.readString(ROOT.resolve("deploy/k8s/base/" + service + ".yaml")));
            if (!grace.find()) {
                throw new IllegalStateException("no terminationGracePeriodSeconds in the manifest of " + service);
            }
            return Duration.ofSeconds(Long.parseLong(grace.group(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a killed or stopped replica again on its port, as an orchestrator restarts a pod. */
    Replica restart(Replica replica) {
        replicas.get(replica.service()).remove(replica);
        return startReplica(replica.service(), replica.port());
    }

    /** Stops a replica as a scale-down would (SIGTERM, clean shutdown), and forgets it. */
    void scaleDown(Replica replica) {
        replica.process().stop(Duration.ofSeconds(60));
        replicas.get(replica.service()).remove(replica);
    }

    void killBroker() {
        broker.kill(Duration.ofSeconds(30));
    }

    void startBroker() {
        broker.start(Duration.ofSeconds(90));
    }

    void killPostgres() {
        crashedPostgres = postgres.kill();
    }

    void restartPostgres() {
        crashedPostgres.restart(Duration.ofSeconds(90));
        crashedPostgres = null;
    }

    /** Ids of the records published by {@link #publishUnstorableRecords()}, to find them in the dead-letter topic. */
    final List<String> unstorable = new ArrayList<>();

    /** Payments a misbehaving producer might send: a key too long for a column, NUL and bytes that are not text in headers. */
    void publishUnstorableRecords() {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "acks", "all",
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName(),
                "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName()))) {
            for (int i = 0; i < 3; i++) {
                String id = "BAD-" + java.util.UUID.randomUUID();
                var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
                headers.add("ce_id", id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                headers.add("ce_source", "/corebanking/chaos".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                headers.add("ce_type", "corebanking.PaymentPosted.v1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                headers.add("ce_specversion", "1.0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                headers.add("x-note", ("a\u0000b" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                headers.add("x-raw", new byte[] {(byte) 0xC3, 0x28, (byte) i});
                String key = "K".repeat(300) + i;
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("corebanking.payments.v1", null, key,
                        ("{\"amount\":" + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8), headers));
                unstorable.add(id);
            }
            producer.flush();
        }
    }

    /** Every live replica answers ready: its consumers have joined their groups and a relay holds each outbox. */
    void awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        for (List<Replica> service : replicas.values()) {
            for (Replica replica : service) {
                await().atMost(START_BOUND).pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!replica.process().isAlive()) {
                        throw new IllegalStateException(replica.service() + " exited:\n" + tail(replica.process().output()));
                    }
                    try {
                        return client.send(HttpRequest.newBuilder(URI.create(replica.url() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notListeningYet) {
                        return false;
                    }
                });
            }
        }
    }

    /** The last lines of every replica's output, for a failure message. */
    String logs() {
        StringBuilder all = new StringBuilder();
        replicas.values().forEach(list -> list.forEach(r -> all.append("---- ").append(r.service()).append(" :").append(r.port())
                .append('\n').append(tail(r.process().output())).append('\n')));
        return all.toString();
    }

    private Replica startReplica(String service, int port) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(service));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        // The jars run in the prod profile, where secrets have no defaults; the test server trusts loopback.
        config.put("quarkus.datasource.password", "unused");
        config.put((service.equals("contact-channel") ? "CONTACT" : service.toUpperCase()) + "_DB_PASSWORD", "unused");
        config.put("contact.adapters.smpp.password", "chaos-pw");
        config.put("contact.phone-digest-key", "chaos-phone-digest-key");
        config.put("mp.jwt.verify.publickey.location", keys.resolve(SigningKeys.PUBLIC_KEY).toString());
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("arrears.messaging.relay.idle-wait", "200ms");
        config.put("arrears.messaging.relay.standby-retry", "1s");
        // A killed replica's group membership ends by session timeout: short, so partitions move on quickly.
        config.put("mp.messaging.connector.smallrye-kafka.session.timeout.ms", "10000");
        config.put("mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms", "2000");
        switch (service) {
            case "reminder" -> config.put("reminder.schedule.send-at", "00:00");
            case "contact-channel" -> {
                config.put("contact.adapters.smtp.port", Integer.toString(smtpPort));
                config.put("SMTP_START_TLS", "DISABLED");
                config.put("contact.adapters.smpp.port", Integer.toString(smsc.port()));
                config.put("contact.adapters.smpp.rebind-every", "2s");
                config.put("contact.adapters.smpp.timeout", "2s");
                config.put("contact.adapters.ivr.url", "http://127.0.0.1:" + ivrPort);
                config.put("contact.adapters.letter.drop-folder", printFolder.toString());
                config.put("contact.callback-secret", CALLBACK_SECRET);
                config.put("contact.dispatch.poll-every", "500ms");
                config.put("contact.dispatch.stale-sending-after", "15s");
                // Shorter, with room for a send's 2 s: the reconciler must never take an attempt whose answers still wait.
                config.put("contact.dispatch.record-answers-within", "10s");
                config.put("contact.dispatch.reconcile-every", "2s");
                config.put("contact.dispatch.first-backoff", "2s");
            }
            default -> { }
        }
        Replica replica = new Replica(service, port, PackagedService.start(ROOT.resolve("services").resolve(service), config));
        replicas.get(service).add(replica);
        return replica;
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }

    @Override
    public void close() {
        replicas.values().forEach(list -> list.forEach(r -> r.process().close()));
        try {
            smtp.close();
        } catch (IOException e) {
            // closing anyway
        }
        mail.close();
        smsc.close();
        ivr.close();
        broker.stop(Duration.ofSeconds(30));
        postgres.close();
        ScratchSpace.remove(home);
    }
}
