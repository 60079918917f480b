package io.arrears.contact.startup;

import io.arrears.events.Channel;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.ReminderRequested;
import io.arrears.events.TemplateFacts;
import io.arrears.simulators.MailSink;
import io.arrears.simulators.SmscSimulator;
import io.arrears.localinfra.FreePort;
import io.arrears.testing.KafkaTestClient;
import io.arrears.localinfra.KafkaTopics;
import io.arrears.testing.PackagedService;
import io.arrears.localinfra.PostgresServer;
import io.arrears.localinfra.SigningKeys;
import io.arrears.testing.TestInfrastructure;
import io.arrears.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service under the us-reg-f pack: every text and every email, read as the cardholder gets
 * them, says how to opt out (12 CFR 1006.6(e)). The service runs as a process of its own here, because
 * the policy pack is fixed for the life of the application.
 */
class RegulationFOptOutIT {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void regF1006_6eEveryTextAndEmailAsSentSaysHowToOptOut(@TempDir Path print) throws Exception {
        TestInfrastructure.ensureStarted();
        KafkaTopics.createAll(TestInfrastructure.bootstrapServers(), 3);
        PostgresServer.createDatabase(TestInfrastructure.postgresPort(), "contact_regf");
        int port = FreePort.pick();
        try (MailSink mail = MailSink.start(FreePort.pick()); SmscSimulator smsc = SmscSimulator.start(FreePort.pick())) {
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.http.port", Integer.toString(port));
            config.put("kafka.bootstrap.servers", TestInfrastructure.bootstrapServers());
            config.put("quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl("contact_regf"));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", "unused");
            config.put("CONTACT_DB_PASSWORD", "unused");
            config.put("mp.jwt.verify.publickey.location", TestInfrastructure.signingKeys().resolve(SigningKeys.PUBLIC_KEY).toString());
            config.put("mp.jwt.verify.issuer", TestInfrastructure.JWT_ISSUER);
            config.put("arrears.policy.pack", "us-reg-f");
            config.put("contact.adapters.smtp.port", Integer.toString(mail.port()));
            config.put("SMTP_START_TLS", "DISABLED");
            config.put("contact.adapters.smpp.port", Integer.toString(smsc.port()));
            config.put("contact.adapters.smpp.password", "it-smpp");
            config.put("contact.adapters.smpp.rebind-every", "2s");
            config.put("contact.adapters.letter.drop-folder", print.toString());
            config.put("contact.callback-secret", "it-callback-secret");
            config.put("contact.phone-digest-key", "it-phone-digest-key");
            config.put("contact.dispatch.poll-every", "500ms");
            // Consumer groups of its own, from the end of each topic: it takes what is published from here on.
            for (String channel : List.of("customers", "reminder-requested", "plan-agreed", "complaint-opened", "complaint-resolved", "agent-call-logged")) {
                config.put("mp.messaging.incoming." + channel + ".group.id", "regf-" + port);
                config.put("mp.messaging.incoming." + channel + ".auto.offset.reset", "latest");
            }
            try (PackagedService service = PackagedService.start(Path.of("").toAbsolutePath(), config)) {
                HttpClient http = HttpClient.newHttpClient();
                String root = "http://127.0.0.1:" + port;
                await().atMost(BOUND).ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(URI.create(root + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

                // A cardholder for whom it is midday, inside the 08:00-21:00 window.
                int hour = OffsetDateTime.now(ZoneOffset.UTC).getHour();
                ZoneOffset zone = ZoneOffset.ofHours(Math.floorMod(12 - hour + 12, 24) - 12);
                String account = "ACC-" + UUID.randomUUID();
                String customer = "CUS-" + account;
                String phone = "+1312555" + String.format("%04d", Math.floorMod(account.hashCode(), 10_000));
                String email = "pat+" + account.substring(4, 12) + "@example.com";
                KafkaTestClient.publish(new CustomerUpdated(customer, List.of(account), "Pat Doe",
                        List.of(new CustomerUpdated.Phone(phone, "MOBILE", true)), email, null, "en", zone.getId(), List.of(), false));
                await().atMost(BOUND).until(() -> http.send(HttpRequest.newBuilder(URI.create(root + "/contacts/customers/" + customer))
                        .header("Authorization", TestTokens.bearer("agent-1", "agent")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
                HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(root + "/contacts/customers/" + customer
                                + "/consents/SMS")).header("Authorization", TestTokens.bearer("agent-1", "agent"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"granted\":true,\"reason\":\"asked for texts on a recorded call\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);

                TemplateFacts facts = TemplateFacts.ofCase("CASE-" + account, "USD", new java.math.BigDecimal("300.00"),
                        new java.math.BigDecimal("300.00"), new java.math.BigDecimal("3000.00"), java.time.LocalDate.parse("2030-02-20"), 5, "1-29", null);
                for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
                    KafkaTestClient.publish(new ReminderRequested("REM-" + UUID.randomUUID(), "CASE-" + account, account, customer, channel,
                            "overdue-notice", "en", facts, OffsetDateTime.now(ZoneOffset.UTC)));
                }

                String digits = phone.substring(1);
                SmscSimulator.Submitted text;
                MimeMessage message;
                try {
                    text = await().atMost(BOUND).until(() -> smsc.submitted().stream()
                            .filter(s -> s.destination().equals(digits)).findFirst().orElse(null), s -> s != null);
                    message = await().atMost(BOUND).until(() -> mail.received().stream()
                            .filter(m -> recipient(m).equals(email)).findFirst().orElse(null), m -> m != null);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    String history = http.send(HttpRequest.newBuilder(URI.create(root + "/contacts/accounts/" + account))
                            .header("Authorization", TestTokens.bearer("auditor-1", "auditor")).build(), HttpResponse.BodyHandlers.ofString()).body();
                    throw new AssertionError("nothing reached the cardholder; contact history: " + history + "\nservice output:\n"
                            + service.output(), e);
                }

                assertThat(text.text()).contains("300.00").endsWith("Reply STOP to stop these texts.");
                assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(message).replace("=\r\n", ""))
                        .contains("To stop emails from us about this account, call 400 820 0000");
            }
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
