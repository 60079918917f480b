package io.arrears.contact.channel;

import io.arrears.contact.config.ContactConfig;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay conversation against a relay that fails where each test says; what it took is counted on its side. */
class SmtpRelayTest {

    @Test
    void aKeptConnectionTheRelayClosedWhileIdleIsReplacedAndTheMessageTakenOnce() throws Exception {
        // The first connection takes one message and then, like a relay ending an idle connection, answers 421.
        AtomicInteger mailsOnFirst = new AtomicInteger();
        ScriptedRelay.Script closesAfterOne = (line, connection) -> connection == 1 && line.startsWith("MAIL")
                && mailsOnFirst.incrementAndGet() > 1 ? "421 4.4.2 idle too long, closing" : ScriptedRelay.obliging(line);
        try (ScriptedRelay relay = new ScriptedRelay(closesAfterOne)) {
            SmtpRelay smtp = new SmtpRelay(config(relay.port(), Duration.ofHours(1)));

            assertThat(smtp.send(message(smtp), "first").kind()).isEqualTo(SendResult.Kind.ACCEPTED);
            assertThat(smtp.send(message(smtp), "second").kind()).isEqualTo(SendResult.Kind.ACCEPTED);

            assertThat(relay.endsOfData()).isEqualTo(2);
            assertThat(relay.connections()).isEqualTo(2);
            smtp.closeAll();
        }
    }

    @Test
    void aKeptConnectionIsUsedForTheNextMessage() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay(ScriptedRelay.OBLIGING)) {
            SmtpRelay smtp = new SmtpRelay(config(relay.port(), Duration.ofHours(1)));

            for (int i = 0; i < 3; i++) {
                assertThat(smtp.send(message(smtp), "message " + i).kind()).isEqualTo(SendResult.Kind.ACCEPTED);
            }

            assertThat(relay.endsOfData()).isEqualTo(3);
            assertThat(relay.connections()).isEqualTo(1);
            smtp.closeAll();
        }
    }

    @Test
    void aConnectionIdleLongerThanAllowedIsNotReused() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay(ScriptedRelay.OBLIGING)) {
            SmtpRelay smtp = new SmtpRelay(config(relay.port(), Duration.ZERO));

            smtp.send(message(smtp), "first");
            smtp.send(message(smtp), "second");

            assertThat(relay.connections()).isEqualTo(2);
            smtp.closeAll();
        }
    }

    @Test
    void aConnectionLostAfterTheEndOfDataLeavesTheSendAmbiguousAndItIsNotTriedAgain() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay((line, connection) -> line.equals(".") ? null : ScriptedRelay.obliging(line))) {
            SmtpRelay smtp = new SmtpRelay(config(relay.port(), Duration.ofHours(1)));

            SendResult result = smtp.send(message(smtp), "dropped");

            assertThat(result.kind()).isEqualTo(SendResult.Kind.AMBIGUOUS);
            assertThat(relay.endsOfData()).isEqualTo(1);
            assertThat(relay.connections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionLostBeforeTheEndOfDataDeliveredNothingSoTheSendMayBeTriedLater() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay((line, connection) -> line.startsWith("DATA") ? null : ScriptedRelay.obliging(line))) {
            SmtpRelay smtp = new SmtpRelay(config(relay.port(), Duration.ofHours(1)));

            assertThat(smtp.send(message(smtp), "dropped").kind()).isEqualTo(SendResult.Kind.TRANSIENT);
            assertThat(relay.endsOfData()).isZero();
        }
    }

    @Test
    void aGarbledGreetingIsNotAReplyToTheMessageAndNothingWasSent() throws Exception {
        // What an event-loop client reported when it read a greeting whose first bytes it had missed.
        try (ScriptedRelay relay = new ScriptedRelay((line, connection) -> line.isEmpty() ? "eenMail SMTP Service ready" : ScriptedRelay.obliging(line))) {
            SmtpRelay smtp = new SmtpRelay(config(relay.port(), Duration.ofHours(1)));

            SendResult result = smtp.send(message(smtp), "garbled");

            assertThat(result.kind()).isEqualTo(SendResult.Kind.TRANSIENT);
            assertThat(relay.endsOfData()).isZero();
        }
    }

    @Test
    void theRelaysRepliesDecideRefusedForGoodAndRefusedForNow() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay((line, connection) -> line.startsWith("RCPT") && connection == 1
                ? "550 5.1.1 <li.wei@example.com>: Recipient address rejected"
                : line.equals(".") && connection > 1 ? "451 4.3.0 try again later" : ScriptedRelay.obliging(line))) {
            SmtpRelay smtp = new SmtpRelay(config(relay.port(), Duration.ofHours(1)));

            SendResult refused = smtp.send(message(smtp), "refused");
            SendResult later = smtp.send(message(smtp), "later");

            assertThat(refused.kind()).isEqualTo(SendResult.Kind.REJECTED);
            assertThat(refused.error()).contains("550 5.1.1 <l*****@example.com>").doesNotContain("li.wei");
            assertThat(later.kind()).isEqualTo(SendResult.Kind.TRANSIENT);
            assertThat(later.error()).contains("451");
        }
    }

    @Test
    void manySendsAtOnceEachReadTheirWholeConversation() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay(ScriptedRelay.OBLIGING)) {
            SmtpRelay smtp = new SmtpRelay(config(relay.port(), Duration.ZERO));
            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<SendResult>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(senders.submit(() -> smtp.send(message(smtp), "message " + n)));
            }
            for (Future<SendResult> result : results) {
                assertThat(result.get().kind()).isEqualTo(SendResult.Kind.ACCEPTED);
            }
            senders.shutdown();

            assertThat(relay.endsOfData()).isEqualTo(200);
            smtp.closeAll();
        }
    }

    private static MimeMessage message(SmtpRelay smtp) throws Exception {
        MimeMessage m = new MimeMessage(smtp.session());
        m.setFrom(smtp.from());
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("li.wei@example.com"));
        m.setSubject("Your card payment is overdue", "UTF-8");
        m.setText("Please pay 120.00 CNY.", "UTF-8");
        m.saveChanges();
        return m;
    }

    private static ContactConfig.Smtp config(int port, Duration reuseIdleFor) {
        return new ContactConfig.Smtp() {
            public String host() { return "127.0.0.1"; }
            public int port() { return port; }
            public StartTls startTls() { return StartTls.DISABLED; }
            public Optional<String> username() { return Optional.empty(); }
            public Optional<String> password() { return Optional.empty(); }
            public String from() { return "Arrears Bank <collections@arrears.local>"; }
            public String heloName() { return "arrears.test"; }
            public Duration timeout() { return Duration.ofSeconds(5); }
            public Duration reuseIdleFor() { return reuseIdleFor; }
        };
    }
}
