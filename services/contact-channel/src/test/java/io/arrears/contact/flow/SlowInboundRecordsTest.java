package io.arrears.contact.flow;

import io.arrears.contact.Cardholder;
import io.arrears.contact.Peers;
import io.arrears.contact.ProviderPeers;
import io.arrears.contact.dispatch.AttemptRepository;
import io.arrears.contact.dispatch.AttemptStatus;
import io.arrears.contact.dispatch.ContactAttempt;
import io.arrears.events.Channel;
import io.arrears.events.ReminderRequested;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.FaultyPostgres;
import io.arrears.testing.FaultyPostgresResource;
import io.arrears.testing.KafkaTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jsmpp.extra.NegativeResponseException;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The SMS centre's session carries the delivery receipts and cardholders' replies we record and the answers to our
 * sends, on the same few threads. While the database is slow to record (restarting, swamped), a deliver_sm must not
 * hold those threads past the time a send waits for its answer: the answer would come too late, the send would be
 * ambiguous, and its text would end UNKNOWN though the SMS centre took it. Caused here, not imitated: the service
 * reaches PostgreSQL through {@link FaultyPostgres}, which holds back the statement that records them for several
 * seconds (more than a send's timeout).
 */
@QuarkusTest
@QuarkusTestResource(value = FaultyPostgresResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(ProviderPeers.class)
class SlowInboundRecordsTest {

    private static final Duration BOUND = Duration.ofSeconds(40);
    /** The statement that records receipts whose sends await one ({@code AttemptRepository.settleAwaitingReceipt}). */
    private static final String RECORDING_RECEIPTS = "as r(provider_message_id, status, reason, call_outcome)";
    /** The query that finds who a reply came from ({@code CustomerDirectory.customersWithPhone}), as Hibernate writes it. */
    private static final String FINDING_WHO_REPLIED = "from customer_phone cp1_0 where cp1_0.digest";
    /** More than the session's threads for incoming PDUs, so that receipts held there would leave none for answers. */
    private static final int TEXTS = 15;

    @Inject
    AttemptRepository attempts;
    @Inject
    MeterRegistry registry;

    private FaultyPostgres database;

    @BeforeEach
    void open() {
        Peers.startAll();
        database = FaultyPostgresResource.proxy();
    }

    @AfterEach
    void stopStalling() {
        database.stopStalling();
        Peers.smsc().autoReceipts(false);
    }

    /** More texts than the session has threads go out while their receipts are slow to record. */
    @Test
    void sendsAreAnsweredInTimeAndEveryReceiptRecordedWhileTheDatabaseIsSlowToRecordReceipts() {
        List<Cardholder> holders = IntStream.range(0, TEXTS).mapToObj(i -> Cardholder.create("en", "Asia/Shanghai")).toList();
        int stalledBefore = database.stalled();
        double refusedBefore = refused("receipt");
        database.stallStatementsOf(RECORDING_RECEIPTS, Duration.ofSeconds(6));
        // Each text's receipt right after it, offered again while refused, as a healthy network's SMS centre does.
        Peers.smsc().autoReceipts(true);

        List<ReminderRequested> requests = holders.stream().map(holder -> holder.reminder(Channel.SMS, "overdue-notice")).toList();
        requests.forEach(KafkaTestClient::publish);

        await().atMost(BOUND).untilAsserted(() -> assertThat(requests.stream().map(this::status)).as("the texts' attempts")
                .containsOnly(AttemptStatus.DELIVERED));
        assertThat(database.stalled()).as("the fault happened").isGreaterThan(stalledBefore);
        assertThat(refused("receipt")).as("receipts refused, then offered again").isGreaterThan(refusedBefore);
        assertThat(requests).allSatisfy(request -> assertThat(attempt(request).tries).isEqualTo(1));
        assertThat(holders).allSatisfy(holder -> assertThat(textsTo(holder)).isEqualTo(1));
    }

    /**
     * A STOP is refused at once rather than held while the database is slow, as the SMS centre's own timeout shows: it
     * hears a refusal, not silence; offered again, as an SMS centre does, it is recorded.
     */
    @Test
    void aStopReplyTheDatabaseIsSlowToRecordIsRefusedAtOnceAndRecordedWhenOfferedAgain() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        await().atMost(BOUND).until(() -> Peers.smsc().hasBoundClient());
        int stalledBefore = database.stalled();
        double refusedBefore = refused("reply");
        database.stallStatementsOf(FINDING_WHO_REPLIED, Duration.ofSeconds(5));

        assertThatThrownBy(() -> Peers.smsc().fromHandset(holder.phoneDigits(), "ARREARS", "STOP"))
                .as("refused, not left unanswered past the SMS centre's timeout")
                .hasRootCauseInstanceOf(NegativeResponseException.class);
        await().atMost(BOUND).ignoreExceptions().untilAsserted(() -> Peers.smsc().fromHandset(holder.phoneDigits(), "ARREARS", "STOP"));

        await().atMost(BOUND).until(() -> "false".equals(holder.profile().getString("consents.find { it.channel == 'SMS' }.granted")));
        assertThat(database.stalled()).as("the fault happened").isGreaterThan(stalledBefore);
        assertThat(refused("reply")).isGreaterThan(refusedBefore);
    }

    private double refused(String kind) {
        return registry.counter("arrears.contact.inbound.refused", "kind", kind).count();
    }

    private ContactAttempt attempt(ReminderRequested request) {
        return QuarkusTransaction.requiringNew().call(() -> attempts.findById(request.reminderId()));
    }

    private AttemptStatus status(ReminderRequested request) {
        ContactAttempt attempt = attempt(request);
        return attempt == null ? null : attempt.status;
    }

    private static long textsTo(Cardholder holder) {
        return Peers.smsc().submitted().stream().filter(s -> s.destination().equals(holder.phoneDigits())).count();
    }
}
