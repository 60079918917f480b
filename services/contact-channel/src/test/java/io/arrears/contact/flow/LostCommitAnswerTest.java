package io.arrears.contact.flow;

import io.arrears.clock.MovableClock;
import io.arrears.contact.Cardholder;
import io.arrears.contact.Peers;
import io.arrears.contact.ProviderPeers;
import io.arrears.contact.dispatch.AttemptRepository;
import io.arrears.contact.dispatch.AttemptStatus;
import io.arrears.contact.dispatch.ContactAttempt;
import io.arrears.events.Channel;
import io.arrears.events.ReminderRequested;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.FaultyPostgres;
import io.arrears.testing.FaultyPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commit that fails unanswered after the server has made it: the database crashed, or the connection dropped,
 * between the two. The transaction that marked attempts SENDING cannot know it committed them, and has sent
 * nothing; left alone, a text would wait for the reconciler to call it UNKNOWN and its reminder would never go. The
 * fault is caused, not imitated: the service reaches PostgreSQL through {@link FaultyPostgres}, which lets the
 * chosen transaction's COMMIT through and cuts the connection instead of passing the answer back.
 */
@QuarkusTest
// Global, as the other resources are, so that every test class of the service shares one application and one set of
// provider peers; disarmed, the proxy passes everything through.
@QuarkusTestResource(value = FaultyPostgresResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(ProviderPeers.class)
class LostCommitAnswerTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Set<AttemptStatus> HANDED_OVER = EnumSet.of(AttemptStatus.SENT, AttemptStatus.DELIVERED);

    @Inject
    AttemptRepository attempts;
    @Inject
    MovableClock clock;

    private FaultyPostgres database;

    @BeforeEach
    void open() {
        Peers.startAll();
        database = FaultyPostgresResource.proxy();
    }

    /** The consumer's transaction inserts the request's attempt SENDING; its commit goes unanswered. */
    @Test
    void aRequestJudgedAsItIsTakenInIsSentOnceWhenItsCommitGoesUnanswered() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        int cutBefore = database.cut();
        database.cutCommitsOf("insert into contact_attempt", 1);

        ReminderRequested request = holder.reminder(Channel.SMS, "overdue-notice");
        KafkaTestClient.publish(request);

        await().atMost(BOUND).until(() -> HANDED_OVER.contains(status(request.reminderId())));
        assertThat(database.cut()).as("the fault happened").isEqualTo(cutBefore + 1);
        assertThat(textsTo(holder)).isEqualTo(1);
        assertThat(attempt(request.reminderId()).tries).isEqualTo(1);
    }

    /** A request due later waits PENDING; the poll's transaction that marks it SENDING has its commit go unanswered. */
    @Test
    void aDueAttemptClaimedByThePollIsSentOnceWhenItsCommitGoesUnanswered() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        OffsetDateTime later = OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        ReminderRequested base = holder.reminder(Channel.SMS, "overdue-notice");
        ReminderRequested request = new ReminderRequested(base.reminderId(), base.caseId(), base.accountId(), base.customerId(),
                base.channel(), base.templateId(), base.language(), base.facts(), later);
        KafkaTestClient.publish(request);
        await().atMost(BOUND).until(() -> status(request.reminderId()) == AttemptStatus.PENDING);
        int cutBefore = database.cut();
        // Hibernate's update of the whole row: the poll's change to SENDING (answers and receipts are set-based and aliased).
        database.cutCommitsOf("update contact_attempt set", 1);

        clock.advance(Duration.ofMinutes(10));

        await().atMost(BOUND).until(() -> HANDED_OVER.contains(status(request.reminderId())));
        assertThat(database.cut()).as("the fault happened").isEqualTo(cutBefore + 1);
        assertThat(textsTo(holder)).isEqualTo(1);
        assertThat(attempt(request.reminderId()).tries).isEqualTo(1);
    }

    private ContactAttempt attempt(String reminderId) {
        return QuarkusTransaction.requiringNew().call(() -> attempts.findById(reminderId));
    }

    private AttemptStatus status(String reminderId) {
        ContactAttempt attempt = attempt(reminderId);
        return attempt == null ? null : attempt.status;
    }

    private static long textsTo(Cardholder holder) {
        return Peers.smsc().submitted().stream().filter(s -> s.destination().equals(holder.phoneDigits())).count();
    }
}
