package io.arrears.e2e;

import io.arrears.simulators.IvrSimulator;
import io.arrears.simulators.LocalIdentityProvider;
import io.arrears.simulators.MailSink;
import io.arrears.simulators.SmscSimulator;
import io.arrears.localinfra.FreePort;
import io.arrears.localinfra.KafkaTopics;
import io.arrears.testing.PackagedService;
import io.arrears.localinfra.PostgresServer;
import io.arrears.localinfra.SigningKeys;
import io.arrears.testing.TestInfrastructure;
import io.arrears.testing.ScratchSpace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The whole system for the end-to-end tests, started once per test JVM: one Kafka broker and one
 * PostgreSQL (a database per service), the provider simulators, and the services from their
 * packaged jars (five services and the console), each in its own JVM, configured as an operator would configure them. The broker is
 * secured with the Kubernetes KafkaUsers' logins and ACLs, so the flow also proves that each service
 * can do its work with only the grants its principal has.
 */
final class TheSystem {

    static final String CALLBACK_SECRET = "e2e-callback-secret";
    static final String CONSOLE_SECRET = "e2e-console-secret-0123456789abcdef";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration START_BOUND = Duration.ofSeconds(180);
    private static TheSystem instance;

    final MailSink mail;
    final SmscSimulator smsc;
    final IvrSimulator ivr;
    final Path printFolder;
    final LocalIdentityProvider signIn;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, PackagedService> services = new LinkedHashMap<>();
    private final int ivrPort;

    private TheSystem() throws IOException {
        TestInfrastructure.ensureStarted();
        KafkaTopics.createAll(TestInfrastructure.kafkaClientSettings(), 3);
        for (String db : new String[] {"account", "reminder", "contact", "complaint", "agency"}) {
            PostgresServer.createDatabase(TestInfrastructure.postgresPort(), "e2e_" + db);
        }
        for (String name : new String[] {"account", "reminder", "contact-channel", "complaint", "agency", "console"}) {
            ports.put(name, FreePort.pick());
        }
        printFolder = ScratchSpace.directory("arrears-e2e-print-");
        mail = MailSink.start(FreePort.pick());
        smsc = SmscSimulator.start(FreePort.pick()).autoReceipts(true);
        ivrPort = FreePort.pick();
        ivr = IvrSimulator.start(ivrPort, url("contact-channel") + "/callbacks/voice", CALLBACK_SECRET);
        Path keys = TestInfrastructure.signingKeys();
        signIn = LocalIdentityProvider.start(FreePort.pick(), TestInfrastructure.JWT_ISSUER, SigningKeys.privateKey(keys),
                SigningKeys.publicKey(keys), Map.of("arrears-console", CONSOLE_SECRET));

        start("account", "e2e_account", Map.of());
        start("reminder", "e2e_reminder", Map.of(
                // Dated steps fall due at the start of their day, so the tests do not depend on the hour they run at.
                "reminder.schedule.send-at", "00:00",
                // Half the cases go to the challenger arm, so the strategy results have both arms to compare. Its
                // first-bucket ladder is the champion's here, so every test sees the same first contacts.
                "reminder.strategy.challenger.share", "0.5",
                "reminder.strategy.ladders.challenger.standard.1-29", "${reminder.strategy.ladders.champion.standard.1-29}"));
        start("contact-channel", "e2e_contact", Map.of(
                "contact.adapters.smtp.port", Integer.toString(mail.port()),
                "SMTP_START_TLS", "DISABLED",
                "contact.adapters.smpp.port", Integer.toString(smsc.port()),
                "contact.adapters.smpp.rebind-every", "2s",
                "contact.adapters.ivr.url", "http://127.0.0.1:" + ivrPort,
                "contact.adapters.letter.drop-folder", printFolder.toString(),
                "contact.callback-secret", CALLBACK_SECRET,
                "contact.dispatch.poll-every", "500ms"));
        start("complaint", "e2e_complaint", Map.of());
        // The agencies' contracts are reviewed yearly; the tests run on the wall clock, so their last review is recent.
        String reviewed = java.time.LocalDate.now().minusDays(30).toString();
        start("agency", "e2e_agency", Map.of(
                "agency.agencies.east-river.reviewed-on", reviewed,
                "agency.agencies.north-star.reviewed-on", reviewed));
        startConsole();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e-stop"));
        awaitReady();
    }

    static synchronized TheSystem get() {
        if (instance == null) {
            try {
                instance = new TheSystem();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** What each service has written to its log so far. */
    Map<String, String> logs() {
        Map<String, String> logs = new LinkedHashMap<>();
        services.forEach((name, service) -> logs.put(name, service.output()));
        return logs;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private void start(String name, String database, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(extra);
        config.put("quarkus.http.port", Integer.toString(ports.get(name)));
        // As its own Kafka principal, when the broker is secured (see the failsafe configuration).
        config.putAll(TestInfrastructure.serviceKafkaConfig(name));
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        // The jars run in the prod profile, where secrets have no defaults; the test server trusts loopback.
        config.put("quarkus.datasource.password", "unused");
        config.put(database.replace("e2e_", "").toUpperCase() + "_DB_PASSWORD", "unused");
        config.put("contact.adapters.smpp.password", "e2e-smpp");
        config.put("contact.phone-digest-key", "e2e-phone-digest-key");
        config.put("agency.phone-digest-key", "e2e-agency-digest-key");
        config.put("mp.jwt.verify.publickey.location", TestInfrastructure.signingKeys().resolve(SigningKeys.PUBLIC_KEY).toString());
        config.put("mp.jwt.verify.issuer", TestInfrastructure.JWT_ISSUER);
        config.put("arrears.messaging.relay.idle-wait", "200ms");
        services.put(name, PackagedService.start(ROOT.resolve("services").resolve(name), config));
    }

    /**
     * The console has no database and no broker: people sign in at the bank's identity provider (here its
     * local stand-in, signing with the key the services trust), and it calls the services with their token.
     */
    private void startConsole() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.port", Integer.toString(ports.get("console")));
        config.put("quarkus.rest-client.account.url", url("account"));
        config.put("quarkus.rest-client.reminder.url", url("reminder"));
        config.put("quarkus.rest-client.contact.url", url("contact-channel"));
        config.put("quarkus.rest-client.complaint.url", url("complaint"));
        config.put("quarkus.rest-client.agency.url", url("agency"));
        config.put("quarkus.oidc.auth-server-url", signIn.url());
        config.put("quarkus.oidc.credentials.secret", CONSOLE_SECRET);
        config.put("quarkus.oidc.token.issuer", TestInfrastructure.JWT_ISSUER);
        // Plain HTTP on loopback: a Secure cookie would never be sent back.
        config.put("quarkus.oidc.authentication.cookie-force-secure", "false");
        services.put("console", PackagedService.start(ROOT.resolve("services").resolve("console"), config));
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        for (Map.Entry<String, PackagedService> service : services.entrySet()) {
            await().atMost(START_BOUND).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!service.getValue().isAlive()) {
                    throw new IllegalStateException(service.getKey() + " exited while starting:\n" + service.getValue().output());
                }
                try {
                    return client.send(HttpRequest.newBuilder(URI.create(url(service.getKey()) + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notListeningYet) {
                    return false;
                }
            });
        }
    }

    private void stop() {
        services.values().forEach(PackagedService::close);
        mail.close();
        smsc.close();
        ivr.close();
        signIn.close();
    }
}
