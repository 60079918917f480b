package io.arrears.account.messaging;

import io.agroal.api.AgroalDataSource;
import io.arrears.account.calendar.BusinessDay;
import io.arrears.account.ledger.AccountRepository;
import io.arrears.account.ledger.Payment;
import io.arrears.events.BusinessDayClosed;
import io.arrears.events.MissedReason;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentPosted;
import io.arrears.events.PaymentReceived;
import io.arrears.events.PlanAgreed;
import io.arrears.events.PlanRejected;
import io.arrears.events.PlanBroken;
import io.arrears.events.PlanType;
import io.arrears.events.StatementIssued;
import io.arrears.events.Topics;
import io.arrears.messaging.Outbox;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.TestTokens;
import io.arrears.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.arrears.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The account service end to end on a real broker and database. Business dates are shared by
 * every test (one calendar per service), so each test uses its own accounts and a later stretch
 * of days than the tests before could have closed.
 */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "account"))
class AccountFlowTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String DOWNSTREAM = "account-test-downstream";
    private static LocalDate nextFreeDay = LocalDate.of(2030, 1, 1);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccountRepository accounts;

    @Inject
    MeterRegistry registry;

    private TopicProbe missed;
    private String account;
    private LocalDate statementDate;

    @BeforeEach
    void open() {
        missed = TopicProbe.open(Topics.PAYMENT_MISSED);
        account = "ACC-" + UUID.randomUUID();
        statementDate = nextFreeDay;
        nextFreeDay = nextFreeDay.plusDays(200);
    }

    @AfterEach
    void close() {
        missed.close();
    }

    @Test
    void aStatementLeftUnpaidBecomesExactlyOnePaymentMissedPerBucket() {
        LocalDate due = statementDate.plusDays(25);
        issueStatement("ST-1", statementDate, due, "100.00", "CNY");
        closeDays(statementDate, due.plusDays(3 + 31));

        List<PaymentMissed> events = missed.awaitEvents(PaymentMissed.class, e -> e.accountId().equals(account), 2, BOUND);

        assertThat(events).extracting(PaymentMissed::bucket).containsExactly("1-29", "30-59");
        PaymentMissed first = events.get(0);
        assertThat(first.customerId()).isEqualTo("CUS-" + account);
        assertThat(first.statementId()).isEqualTo("ST-1-" + account);
        assertThat(first.dueDate()).isEqualTo(due);
        assertThat(first.daysPastDue()).isEqualTo(1);
        assertThat(first.amountOverdue()).isEqualByComparingTo("100.00");
        assertThat(first.minimumDue()).isEqualByComparingTo("100.00");
        assertThat(first.totalBalance()).isEqualByComparingTo("2000.00");
        assertThat(first.currency()).isEqualTo("CNY");
        assertThat(first.reason()).isEqualTo(MissedReason.MINIMUM_NOT_PAID);
        assertThat(first.planId()).isNull();
        assertThat(first.product()).isEqualTo("PLATINUM");
        assertThat(first.cardLast4()).isEqualTo("8842");
        assertThat(events.get(1).daysPastDue()).isEqualTo(30);
        accountView().body("status", equalTo("DELINQUENT")).body("bucket", equalTo("30-59"));
    }

    @Test
    void aDayOfMoreAccountsThanAChunkIsSharedByTheAgeingWorkersAndEachAccountMissesOnce() throws Exception {
        // Three chunks' worth (the chunk is 100), so that each worker has chunks of its own to review.
        List<String> accounts = accountsWithAStatement(250);
        LocalDate due = statementDate.plusDays(25);

        LocalDate firstDayPastDue = due.plusDays(4);
        closeDays(statementDate, firstDayPastDue);
        awaitAged(firstDayPastDue);

        Set<String> ours = Set.copyOf(accounts);
        await().atMost(BOUND).until(() -> missed.events(PaymentMissed.class, e -> ours.contains(e.accountId()))
                .stream().map(PaymentMissed::accountId).distinct().count() == accounts.size());
        assertThat(missed.events(PaymentMissed.class, e -> ours.contains(e.accountId())))
                .extracting(PaymentMissed::accountId).doesNotHaveDuplicates();
        assertThat(countOf("select count(*) from account where id = any(?) and as_of = ? and bucket = '1-29'", accounts, firstDayPastDue))
                .isEqualTo(accounts.size());
    }

    @Test
    void theEndOfDayRunAnnouncesNoFasterThanTheServiceDownstreamTakesItsAnnouncementsIn() throws Exception {
        // Five chunks (the chunk is 100): each worker checks before its chunk, so a hold lets through at most two.
        List<String> accounts = accountsWithAStatement(500);
        LocalDate due = statementDate.plusDays(25);
        Set<String> ours = Set.copyOf(accounts);
        Supplier<Long> announced = () -> missed.events(PaymentMissed.class, e -> ours.contains(e.accountId()))
                .stream().map(PaymentMissed::accountId).distinct().count();
        double stallsBefore = registry.counter("arrears.account.ageing.pace.stalls").count();

        // The test's downstream group (max-behind 0, stall 6 s in the test profile) takes in every other account's
        // announcements as they come, and ours only when told to.
        try (Downstream downstream = new Downstream(ours)) {
            closeDays(statementDate, due.plusDays(4));

            long first = heldAt(announced);
            assertThat(first).as("announced before the first hold").isBetween(100L, 200L);

            // Taken in: the run goes on, and holds again.
            downstream.takeInWhatCameSoFar();
            long second = heldAt(announced);
            assertThat(second).as("announced before the second hold").isBetween(first + 100, first + 200);

            // A group that makes no headway for the stall is down or stuck: the run stops waiting for it.
            await().atMost(BOUND).until(() -> announced.get() == accounts.size());
            assertThat(registry.counter("arrears.account.ageing.pace.stalls").count()).isEqualTo(stallsBefore + 1);
            assertThat(missed.events(PaymentMissed.class, e -> ours.contains(e.accountId())))
                    .extracting(PaymentMissed::accountId).doesNotHaveDuplicates();
            awaitAged(due.plusDays(4));
        }
    }

    /** Waits for some announcements and then none for 1.5 s (a hold lasts the 6 s stall), and gives their count. */
    private static long heldAt(Supplier<Long> announced) {
        long[] last = {-1};
        long[] since = {0};
        await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> {
            long now = announced.get();
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
                return false;
            }
            return now > 0 && System.nanoTime() - since[0] >= Duration.ofMillis(1500).toNanos();
        });
        return last[0];
    }

    /**
     * The pacing's downstream consumer group, committing as a consumer would: past every announcement of
     * other accounts as it comes, and in each partition up to the first of the given accounts' that it has not
     * been told to take in. Its group is deleted at the end, so it holds no later test.
     */
    private static final class Downstream implements AutoCloseable {

        private final Set<String> held;
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<TopicPartition, Long> committable = new HashMap<>();
        private final Set<TopicPartition> stopped = new java.util.HashSet<>();
        private final java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final Thread thread;

        Downstream(Set<String> held) {
            this.held = held;
            Map<String, Object> settings = new HashMap<>(TestInfrastructure.kafkaClientSettings());
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, DOWNSTREAM);
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAYMENT_MISSED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(p -> committable.put(p, consumer.position(p)));
            commit();
            thread = new Thread(this::run, "test-downstream");
            thread.start();
        }

        void takeInWhatCameSoFar() {
            release.set(true);
            await().atMost(BOUND).until(() -> !release.get());
        }

        private void run() {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (held.contains(record.key())) {
                        stopped.add(partition);
                    }
                    if (!stopped.contains(partition)) {
                        committable.put(partition, record.offset() + 1);
                    }
                }
                boolean releasing = release.get();
                if (releasing) {
                    stopped.clear();
                    committable.keySet().forEach(p -> committable.put(p, consumer.position(p)));
                }
                commit();
                if (releasing) {
                    release.set(false);
                }
            }
        }

        private void commit() {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            committable.forEach((p, offset) -> offsets.put(p, new OffsetAndMetadata(offset)));
            consumer.commitSync(offsets);
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            thread.join(30_000);
            consumer.close();
            try (Admin admin = Admin.create(TestInfrastructure.kafkaClientSettings())) {
                admin.deleteConsumerGroups(List.of(DOWNSTREAM)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aBookLoadedInOneGoRecordsEachStatementOnceForNewAndOpenAccountsAlike() throws Exception {
        // One account already open; in the burst it gets its next statement, while new accounts get their first,
        // one of them its second as well, and one its first sent again under a new event id.
        issueStatement("ST-1", statementDate, statementDate.plusDays(25), "100.00", "CNY");
        String twice = "ACC-" + UUID.randomUUID();
        String resent = "ACC-" + UUID.randomUUID();
        List<String> fresh = IntStream.range(0, 40).mapToObj(i -> "ACC-" + UUID.randomUUID()).toList();
        LocalDate next = statementDate.plusDays(30);
        StatementIssued again = statement(resent, "ST-1", statementDate, "80.00");
        List<StatementIssued> burst = new java.util.ArrayList<>();
        burst.add(statement(account, "ST-2", next, "150.00"));
        fresh.forEach(id -> burst.add(statement(id, "ST-1", statementDate, "100.00")));
        burst.add(statement(twice, "ST-1", statementDate, "100.00"));
        burst.add(statement(twice, "ST-2", next, "120.00"));
        burst.add(again);
        burst.add(again);
        KafkaTestClient.publishAll(burst);
        List<String> all = new java.util.ArrayList<>(fresh);
        all.addAll(List.of(account, twice, resent));
        await().atMost(BOUND).until(() -> countOf("select count(*) from statement where account_id = any(?)", all) == fresh.size() + 2 + 2 + 1);

        assertThat(countOf("select count(*) from account where id = any(?) and next_review_date is not null", all)).isEqualTo(all.size());
        assertThat(countOf("select count(*) from account where id = any(?) and last_statement_date = ?", List.of(account, twice), next)).isEqualTo(2);
        assertThat(countOf("select count(*) from statement where account_id = any(?) and minimum_paid = 0", all)).isEqualTo(fresh.size() + 5);
    }

    private static StatementIssued statement(String accountId, String id, LocalDate date, String minimum) {
        return new StatementIssued(accountId, "CUS-" + accountId, id + "-" + accountId, date, date.plusDays(25),
                new BigDecimal("2000.00"), new BigDecimal(minimum), "CNY", "PLATINUM", "8842");
    }

    private long countOf(String sql, List<String> ids, Object... more) throws SQLException {
        try (Connection db = dataSource.getConnection(); var query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            for (int i = 0; i < more.length; i++) {
                query.setObject(i + 2, more[i]);
            }
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aPaymentDuringGraceMeansNoPaymentMissed() {
        LocalDate due = statementDate.plusDays(25);
        issueStatement("ST-1", statementDate, due, "100.00", "CNY");
        closeDays(statementDate, due.plusDays(1));
        String paymentId = pay("100.00", "CNY", due.plusDays(2));
        awaitPaymentApplied(paymentId);
        closeDays(due.plusDays(2), due.plusDays(10));

        awaitAged(due.plusDays(10));
        assertThat(missed.events(PaymentMissed.class, e -> e.accountId().equals(account))).isEmpty();
        accountView().body("status", equalTo("CURRENT"));
    }

    @Test
    void aDuplicatedFeedRecordChangesNothing() {
        LocalDate due = statementDate.plusDays(25);
        issueStatement("ST-1", statementDate, due, "100.00", "CNY");
        closeDays(statementDate, due.plusDays(4));
        missed.awaitEvents(PaymentMissed.class, e -> e.accountId().equals(account), 1, BOUND);

        try (TopicProbe received = TopicProbe.open(Topics.PAYMENT_RECEIVED)) {
            PaymentPosted payment = payment("PAY-1-" + account, "30.00", "CNY", due.plusDays(5));
            String ceId = KafkaTestClient.publish(payment);
            KafkaTestClient.publish(payment, ceId);
            KafkaTestClient.publish(payment);
            PaymentPosted marker = payment("PAY-2-" + account, "10.00", "CNY", due.plusDays(5));
            KafkaTestClient.publish(marker);

            List<PaymentReceived> events = received.awaitEvents(PaymentReceived.class,
                    e -> e.paymentId().equals(marker.paymentId()), 1, BOUND);

            assertThat(events.get(0).remainingOverdue()).isEqualByComparingTo("60.00");
            assertThat(received.events(PaymentReceived.class, e -> e.accountId().equals(account))).hasSize(2);
        }
        accountView().body("amountOverdue", equalTo("60.00"));
    }

    @Test
    void aPaymentInAnotherCurrencyIsDeadLetteredAndTheNextRecordIsStillApplied() {
        LocalDate due = statementDate.plusDays(25);
        issueStatement("ST-1", statementDate, due, "100.00", "CNY");
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.PAYMENTS))) {
            String badId = KafkaTestClient.publish(payment("PAY-USD-" + account, "100.00", "USD", statementDate.plusDays(1)));
            String goodPayment = pay("100.00", "CNY", statementDate.plusDays(2));

            List<ConsumerRecord<String, byte[]>> dead = dlq.awaitRecords(r -> badId.equals(TopicProbe.ceId(r)), BOUND);

            assertThat(TopicProbe.header(dead.get(0), Outbox.DLQ_REASON)).contains("currency USD does not match");
            awaitPaymentApplied(goodPayment);
        }
    }

    @Test
    void eventsFromAnyoneButTheirProducerAreDeadLetteredWithTheReason() {
        LocalDate due = statementDate.plusDays(25);
        issueStatement("ST-1", statementDate, due, "100.00", "CNY");
        try (TopicProbe payments = TopicProbe.open(Topics.deadLetter(Topics.PAYMENTS));
             TopicProbe plans = TopicProbe.open(Topics.deadLetter(Topics.PLAN_AGREED))) {
            String forged = KafkaTestClient.publishFrom("/arrears/reminder", payment("PAY-FORGED-" + account, "100.00", "CNY",
                    statementDate.plusDays(1)));
            String forgedPlan = KafkaTestClient.publishFrom("/arrears/complaint", new PlanAgreed("PLAN-F-" + account, "CASE-" + account,
                    account, PlanType.DEFERRAL, List.of(new PlanAgreed.Instalment(due.plusDays(30), new BigDecimal("100.00"))),
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "CNY", "agent-7", OffsetDateTime.now()));

            assertThat(TopicProbe.header(payments.awaitRecords(r -> forged.equals(TopicProbe.ceId(r)), BOUND).get(0), Outbox.DLQ_REASON))
                    .contains("ce_source '/arrears/reminder' may not publish corebanking.PaymentPosted.v1; only /corebanking/* may");
            assertThat(TopicProbe.header(plans.awaitRecords(r -> forgedPlan.equals(TopicProbe.ceId(r)), BOUND).get(0), Outbox.DLQ_REASON))
                    .contains("only /arrears/reminder may");
        }
        String genuine = pay("100.00", "CNY", statementDate.plusDays(2));
        awaitPaymentApplied(genuine);
        accountView().body("plan", nullValue());
        assertThat(QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().find(Payment.class, "PAY-FORGED-" + account)))
                .isNull();
    }

    @Test
    void aMissedPlanInstalmentBreaksThePlanAndIsAPaymentMissed() {
        LocalDate due = statementDate.plusDays(25);
        issueStatement("ST-1", statementDate, due, "100.00", "CNY");
        closeDays(statementDate, due.plusDays(5));
        missed.awaitEvents(PaymentMissed.class, e -> e.accountId().equals(account), 1, BOUND);
        LocalDate instalmentDue = due.plusDays(10);
        String planId = "PLAN-" + account;
        KafkaTestClient.publish(new PlanAgreed(planId, "CASE-" + account, account, PlanType.INSTALMENTS,
                List.of(new PlanAgreed.Instalment(instalmentDue, new BigDecimal("50.00")),
                        new PlanAgreed.Instalment(instalmentDue.plusDays(30), new BigDecimal("50.00"))),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "CNY", "agent-7", OffsetDateTime.of(due.plusDays(6).atTime(10, 0), ZoneOffset.UTC)));
        await().atMost(BOUND).untilAsserted(() -> accountView().body("status", equalTo("IN_PLAN")).body("plan.planId", equalTo(planId)));

        try (TopicProbe broken = TopicProbe.open(Topics.PLAN_BROKEN)) {
            closeDays(due.plusDays(6), instalmentDue.plusDays(4));

            List<PlanBroken> plans = broken.awaitEvents(PlanBroken.class, e -> e.planId().equals(planId), 1, BOUND);
            List<PaymentMissed> events = missed.awaitEvents(PaymentMissed.class,
                    e -> e.accountId().equals(account) && e.reason() == MissedReason.PLAN_INSTALMENT_MISSED, 1, BOUND);

            assertThat(plans.get(0).missedInstalmentDueDate()).isEqualTo(instalmentDue);
            assertThat(events.get(0).planId()).isEqualTo(planId);
            assertThat(missed.events(PaymentMissed.class, e -> e.accountId().equals(account))).hasSize(2);
        }
    }

    @Test
    void aPlanThatDoesNotCoverTheArrearsIsRefusedAndAnnouncedAndOneThatNamesItsWriteOffIsPutInForce() {
        LocalDate due = statementDate.plusDays(25);
        issueStatement("ST-1", statementDate, due, "400.00", "CNY");
        closeDays(statementDate, due.plusDays(5));
        missed.awaitEvents(PaymentMissed.class, e -> e.accountId().equals(account), 1, BOUND);
        OffsetDateTime agreedAt = OffsetDateTime.of(due.plusDays(6).atTime(10, 0), ZoneOffset.UTC);
        String twoCents = "PLAN-2C-" + account;
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.PLAN_AGREED));
             TopicProbe rejected = TopicProbe.open(Topics.PLAN_REJECTED)) {
            String eventId = KafkaTestClient.publish(new PlanAgreed(twoCents, "CASE-" + account, account, PlanType.INSTALMENTS,
                    List.of(new PlanAgreed.Instalment(due.plusDays(36), new BigDecimal("0.01")),
                            new PlanAgreed.Instalment(due.plusDays(66), new BigDecimal("0.01"))),
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "CNY", "agent-7", agreedAt));

            List<ConsumerRecord<String, byte[]>> dead = dlq.awaitRecords(r -> eventId.equals(TopicProbe.ceId(r)), BOUND);
            assertThat(TopicProbe.header(dead.get(0), Outbox.DLQ_REASON))
                    .contains("covers 0.02 CNY").contains("of the 400.00 CNY arrears it would settle");
            PlanRejected refusal = rejected.awaitEvents(PlanRejected.class, e -> e.planId().equals(twoCents), 1, BOUND).get(0);
            assertThat(refusal.caseId()).isEqualTo("CASE-" + account);
            assertThat(refusal.reason()).contains("399.98 CNY would be neither paid nor forgiven");
        }
        accountView().body("status", equalTo("DELINQUENT")).body("plan", nullValue());

        String settlement = "PLAN-SET-" + account;
        KafkaTestClient.publish(new PlanAgreed(settlement, "CASE-" + account, account, PlanType.SETTLEMENT,
                List.of(new PlanAgreed.Instalment(due.plusDays(20), new BigDecimal("300.00"))),
                BigDecimal.ZERO, new BigDecimal("20.00"), new BigDecimal("80.00"), "CNY", "supervisor-1", agreedAt));
        await().atMost(BOUND).untilAsserted(() -> accountView().body("status", equalTo("IN_PLAN")).body("plan.planId", equalTo(settlement)));
    }

    @Test
    void ageingPassesOverAnAccountAPaymentHoldsAndReviewsItOnceThePaymentIsDone() throws Exception {
        LocalDate due = statementDate.plusDays(25);
        String other = account + "-B";
        issueStatement("ST-1", statementDate, due, "100.00", "CNY");
        issueStatement(other, "ST-1", statementDate, due, "100.00", "CNY");
        closeDays(statementDate, due.plusDays(2));
        awaitAged(due.plusDays(2));

        try (Connection payment = dataSource.getConnection()) {
            payment.setAutoCommit(false);
            try (PreparedStatement lock = payment.prepareStatement("select id from account where id = ? for update")) {
                lock.setString(1, account);
                lock.executeQuery().close();
            }
            closeDays(due.plusDays(3), due.plusDays(4));

            missed.awaitEvents(PaymentMissed.class, e -> e.accountId().equals(other), 1, BOUND);
            assertThat(missed.events(PaymentMissed.class, e -> e.accountId().equals(account))).isEmpty();
            assertThat(aged(due.plusDays(4))).isFalse();
            payment.rollback();
        }

        missed.awaitEvents(PaymentMissed.class, e -> e.accountId().equals(account), 1, BOUND);
        awaitAged(due.plusDays(4));
    }

    @Test
    void anAccountAgeingCannotHandleIsParkedWithItsReasonAndTheDayIsAgedForEveryOther() throws Exception {
        String unreadable = "ACC-" + UUID.randomUUID();
        LocalDate due = statementDate.plusDays(25);
        issueStatement("ST-1", statementDate, due, "100.00", "CNY");
        issueStatement(unreadable, "ST-1", statementDate, due, "100.00", "CNY");
        // A release after this one wrote a status this one does not know.
        try (Connection db = dataSource.getConnection()) {
            assertThat(db.createStatement().executeUpdate("update account set status = 'FROZEN' where id = '" + unreadable + "'")).isEqualTo(1);
        }
        double parkedBefore = registry.counter("arrears.account.ageing.parked").count();
        try {
            LocalDate firstDayPastDue = due.plusDays(4);
            closeDays(statementDate, firstDayPastDue);

            missed.awaitEvents(PaymentMissed.class, e -> e.accountId().equals(account), 1, BOUND);
            awaitAged(firstDayPastDue);
            List<LocalDate> parkedOn = new ArrayList<>();
            try (Connection db = dataSource.getConnection();
                 var rs = db.createStatement().executeQuery("select business_date, reason from ageing_parked where account_id = '" + unreadable + "'")) {
                while (rs.next()) {
                    assertThat(rs.getString(2)).contains("FROZEN");
                    parkedOn.add(rs.getObject(1, LocalDate.class));
                }
            }
            // Parked again on each day it came up for review, and counted once for each of those days.
            assertThat(parkedOn).isNotEmpty().doesNotHaveDuplicates();
            assertThat(registry.counter("arrears.account.ageing.parked").count() - parkedBefore).isEqualTo(parkedOn.size());
            // A second worker that failed on it the same day finds it parked already: not a new park.
            assertThat(QuarkusTransaction.requiringNew().call(() -> accounts.parkFromAgeing(unreadable, parkedOn.get(0), "again"))).isFalse();
            assertThat(missed.events(PaymentMissed.class, e -> e.accountId().equals(unreadable))).isEmpty();
        } finally {
            try (Connection db = dataSource.getConnection()) {
                db.createStatement().executeUpdate("update account set status = 'CURRENT' where id = '" + unreadable + "'");
            }
        }
    }

    /** {@code n} new accounts, each with a statement of {@code statementDate} due 25 days later, once all are on record. */
    private List<String> accountsWithAStatement(int n) {
        List<String> accounts = IntStream.range(0, n).mapToObj(i -> "ACC-" + UUID.randomUUID()).toList();
        LocalDate due = statementDate.plusDays(25);
        accounts.forEach(id -> KafkaTestClient.publish(new StatementIssued(id, "CUS-" + id, "ST-1-" + id, statementDate, due,
                new BigDecimal("2000.00"), new BigDecimal("100.00"), "CNY", "PLATINUM", "8842")));
        await().atMost(BOUND).until(() -> countOf("select count(*) from account where id = any(?)", accounts) == accounts.size());
        return accounts;
    }

    private void issueStatement(String id, LocalDate date, LocalDate due, String minimum, String currency) {
        issueStatement(account, id, date, due, minimum, currency);
    }

    private void issueStatement(String accountId, String id, LocalDate date, LocalDate due, String minimum, String currency) {
        KafkaTestClient.publish(new StatementIssued(accountId, "CUS-" + accountId, id + "-" + accountId, date, due,
                new BigDecimal("2000.00"), new BigDecimal(minimum), currency, "PLATINUM", "8842"));
        await().atMost(BOUND).untilAsserted(() -> given().header("Authorization", TestTokens.bearer("agent-1", "agent"))
                .get("/accounts/{id}", accountId).then().statusCode(200));
    }

    private String pay(String amount, String currency, LocalDate postedOn) {
        PaymentPosted payment = payment("PAY-" + UUID.randomUUID(), amount, currency, postedOn);
        KafkaTestClient.publish(payment);
        return payment.paymentId();
    }

    private PaymentPosted payment(String id, String amount, String currency, LocalDate postedOn) {
        return new PaymentPosted(account, id, new BigDecimal(amount), currency,
                OffsetDateTime.of(postedOn.atTime(9, 30), ZoneOffset.ofHours(8)), "MOBILE_BANKING");
    }

    private void awaitPaymentApplied(String paymentId) {
        await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Panache.getEntityManager().find(Payment.class, paymentId) != null));
    }

    private void awaitAged(LocalDate date) {
        await().atMost(BOUND).until(() -> aged(date));
    }

    private static boolean aged(LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BusinessDay day = Panache.getEntityManager().find(BusinessDay.class, date);
            return day != null && day.agedAt != null;
        });
    }

    private void closeDays(LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            KafkaTestClient.publish(new BusinessDayClosed(day));
        }
    }

    private io.restassured.response.ValidatableResponse accountView() {
        return given().header("Authorization", TestTokens.bearer("agent-1", "agent")).get("/accounts/{id}", account).then().statusCode(200);
    }
}
