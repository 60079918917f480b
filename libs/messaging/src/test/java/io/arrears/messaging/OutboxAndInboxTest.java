package io.arrears.messaging;

import io.agroal.api.AgroalDataSource;
import io.arrears.events.BusinessDayClosed;
import io.arrears.events.CloudEventHeaders;
import io.arrears.events.EventJson;
import io.arrears.events.EventType;
import io.arrears.events.PlanCompleted;
import io.arrears.events.Topics;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.SqlCount;
import io.arrears.testing.TestInfrastructure;
import io.arrears.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "messaging"))
class OutboxAndInboxTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    DayConsumer days;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventIntake intake;

    @Inject
    RowsAtCommit rows;

    @Inject
    KafkaClientService clients;

    @Inject
    EntityManager entityManager;

    @Inject
    Config settings;

    @Test
    void theServicesOwnConsumerOfAQuietTopicIsAnsweredAtTheFirstRecord() {
        // The days channel reads business days: FetchByVolume has replaced the library's batch-sized wait.
        Map<String, Object> consumer = Map.copyOf(clients.getConsumer("days").configuration());
        assertThat(consumer)
                .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
    }

    @Test
    void anEventAddedInATransactionIsPublishedWithCloudEventsHeaders() {
        PlanCompleted completed = new PlanCompleted("PLAN-" + UUID.randomUUID(), "ACC-1", LocalDate.of(2026, 11, 2));
        try (TopicProbe probe = TopicProbe.open(Topics.PLAN_COMPLETED)) {
            String id = QuarkusTransaction.requiringNew().call(() -> outbox.add(completed));

            List<ConsumerRecord<String, byte[]>> records = probe.awaitRecords(r -> id.equals(TopicProbe.ceId(r)), BOUND);

            ConsumerRecord<String, byte[]> record = records.get(0);
            assertThat(records).hasSize(1);
            assertThat(record.key()).isEqualTo("ACC-1");
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventType.PLAN_COMPLETED.ceType());
            assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/arrears/messaging-test");
            assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo("ACC-1");
            assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(completed.planId());
        }
    }

    @Test
    void theEventsOfOneTransactionLeaveInTheOrderTheyWereAdded() {
        String account = "ACC-ORDER-" + UUID.randomUUID();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            added.add("PLAN-" + i + "-" + UUID.randomUUID());
        }
        try (TopicProbe probe = TopicProbe.open(Topics.PLAN_COMPLETED)) {
            QuarkusTransaction.requiringNew().run(() -> added.forEach(planId ->
                    outbox.add(new PlanCompleted(planId, account, LocalDate.of(2026, 11, 2)))));

            await().atMost(BOUND).until(() -> probe.matching(r -> account.equals(r.key())).size() == added.size());
            assertThat(probe.events(PlanCompleted.class, e -> account.equals(e.accountId())).stream().map(PlanCompleted::planId))
                    .containsExactlyElementsOf(added);
        }
    }

    @Test
    void rowsHeldForTheCommitCanBeReadInTheTransactionOnceWrittenNow() {
        String planId = "PLAN-" + UUID.randomUUID();
        long seenInside = QuarkusTransaction.requiringNew().call(() -> {
            outbox.add(new PlanCompleted(planId, "ACC-4", LocalDate.of(2026, 11, 2)));
            rows.writeNow();
            // Inside the transaction the data source hands out the transaction's own connection.
            try (Connection connection = dataSource.getConnection();
                 var statement = connection.prepareStatement("select count(*) from outbox where convert_from(payload, 'UTF8') like ?")) {
                statement.setString(1, "%" + planId + "%");
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });

        assertThat(seenInside).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String planId = "PLAN-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open(Topics.PLAN_COMPLETED)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    outbox.add(new PlanCompleted(planId, "ACC-2", LocalDate.of(2026, 11, 2)));
                    throw new IllegalStateException("business rule failed after the event was added");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back, taking the outbox row with it
            }
            String marker = QuarkusTransaction.requiringNew().call(() ->
                    outbox.add(new PlanCompleted("PLAN-" + UUID.randomUUID(), "ACC-2", LocalDate.of(2026, 11, 3))));

            probe.awaitRecords(r -> marker.equals(TopicProbe.ceId(r)), BOUND);
            assertThat(probe.matching(r -> new String(r.value(), StandardCharsets.UTF_8).contains(planId))).isEmpty();
        }
    }

    @Test
    void anEventCommittedWhileTheBrokerIsDownIsPublishedOnceItIsBack() {
        PlanCompleted completed = new PlanCompleted("PLAN-" + UUID.randomUUID(), "ACC-3", LocalDate.of(2026, 11, 4));
        TestInfrastructure.stopBroker();
        String id;
        try {
            id = QuarkusTransaction.requiringNew().call(() -> outbox.add(completed));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> pendingRows() >= 1);
        } finally {
            TestInfrastructure.startBroker();
        }
        try (TopicProbe probe = TopicProbe.openFromStart(Topics.PLAN_COMPLETED)) {
            List<ConsumerRecord<String, byte[]>> published = probe.awaitRecords(r -> id.equals(TopicProbe.ceId(r)), Duration.ofSeconds(60));

            assertThat(published).hasSize(1);
            await().atMost(BOUND).until(() -> pendingRows() == 0);
        }
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        LocalDate date = uniqueDate();
        BusinessDayClosed day = new BusinessDayClosed(date);
        String id = KafkaTestClient.publish(day);
        KafkaTestClient.publish(day, id);
        LocalDate marker = date.plusDays(1);
        KafkaTestClient.publish(new BusinessDayClosed(marker));

        await().atMost(BOUND).until(() -> timesApplied(marker) == 1);
        assertThat(timesApplied(date)).isEqualTo(1);
    }

    @Test
    void aMalformedRecordIsDeadLetteredWithItsReasonAndTheStreamGoesOn() {
        LocalDate after = uniqueDate();
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.BUSINESS_DAY))) {
            String badId = UUID.randomUUID().toString();
            KafkaTestClient.publish(Topics.BUSINESS_DAY, "bad", Map.of(
                    CloudEventHeaders.ID, badId, CloudEventHeaders.SOURCE, "/corebanking/test",
                    CloudEventHeaders.TYPE, EventType.BUSINESS_DAY_CLOSED.ceType(), CloudEventHeaders.SPEC_VERSION, "1.0"),
                    "{\"businessDate\":\"31/12/2026\"}".getBytes(StandardCharsets.UTF_8));
            KafkaTestClient.publish(Topics.BUSINESS_DAY, "garbage", Map.of(), "not json at all".getBytes(StandardCharsets.UTF_8));
            KafkaTestClient.publish(new BusinessDayClosed(after));

            List<ConsumerRecord<String, byte[]>> schemaInvalid = dlq.awaitRecords(r -> badId.equals(TopicProbe.ceId(r)), BOUND);
            List<ConsumerRecord<String, byte[]>> noHeaders = dlq.awaitRecords(r -> "garbage".equals(r.key()), BOUND);

            assertThat(TopicProbe.header(schemaInvalid.get(0), Outbox.DLQ_REASON)).contains("businessDate");
            assertThat(TopicProbe.header(schemaInvalid.get(0), Outbox.DLQ_ORIGINAL_TOPIC)).isEqualTo(Topics.BUSINESS_DAY);
            assertThat(TopicProbe.header(schemaInvalid.get(0), Outbox.DLQ_CONSUMER)).isEqualTo("day-consumer");
            assertThat(new String(schemaInvalid.get(0).value(), StandardCharsets.UTF_8)).contains("31/12/2026");
            assertThat(TopicProbe.header(noHeaders.get(0), Outbox.DLQ_REASON)).contains("ce_id");
            await().atMost(BOUND).until(() -> timesApplied(after) == 1);
        }
    }

    @Test
    void anEventTheServiceRejectsIsDeadLetteredWithTheServicesReason() {
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.BUSINESS_DAY))) {
            String id = KafkaTestClient.publish(new BusinessDayClosed(LocalDate.of(1999, 12, 31)));

            List<ConsumerRecord<String, byte[]>> dead = dlq.awaitRecords(r -> id.equals(TopicProbe.ceId(r)), BOUND);

            assertThat(TopicProbe.header(dead.get(0), Outbox.DLQ_REASON)).isEqualTo("business date 1999-12-31 predates the ledger");
            assertThat(timesApplied(LocalDate.of(1999, 12, 31))).isZero();
        }
    }

    @Test
    void aBatchIsAppliedInKeyOrderAndEachKeyKeepsItsOffsetOrder() {
        LocalDate first = uniqueDate();
        String[] keys = {"ACC-B", "ACC-A", "ACC-C", "ACC-A", "ACC-B", "ACC-A"};
        TopicPartition partition = new TopicPartition(Topics.BUSINESS_DAY, 0);
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int offset = 0; offset < keys.length; offset++) {
            batch.add(record(partition, offset, keys[offset], new BusinessDayClosed(first.plusDays(offset))));
        }
        List<String> applied = new ArrayList<>();

        intake.apply(Subscription.of("order-test-" + UUID.randomUUID(), BusinessDayClosed.class, (day, headers) -> {
            applied.add(headers.subject() + "@" + (day.businessDate().toEpochDay() - first.toEpochDay()));
            return Outcome.applied();
        }), new ConsumerRecords<>(Map.of(partition, batch)));

        assertThat(applied).containsExactly("ACC-A@1", "ACC-A@3", "ACC-A@5", "ACC-B@0", "ACC-B@4", "ACC-C@2");
    }

    @Test
    void anEventTwiceInOneBatchIsAppliedOnceAndNotAgainWhenTheBatchIsRedelivered() {
        LocalDate first = uniqueDate();
        TopicPartition partition = new TopicPartition(Topics.BUSINESS_DAY, 0);
        ConsumerRecord<String, byte[]> once = record(partition, 0, "ACC-A", new BusinessDayClosed(first));
        ConsumerRecord<String, byte[]> again = copy(once, 1);
        ConsumerRecord<String, byte[]> other = record(partition, 2, "ACC-B", new BusinessDayClosed(first.plusDays(1)));
        List<String> applied = new ArrayList<>();
        Subscription<BusinessDayClosed> subscription = Subscription.of("batch-dedup-" + UUID.randomUUID(), BusinessDayClosed.class,
                (day, headers) -> {
                    applied.add(headers.subject() + "@" + (day.businessDate().toEpochDay() - first.toEpochDay()));
                    return Outcome.applied();
                });

        intake.apply(subscription, new ConsumerRecords<>(Map.of(partition, List.of(once, again, other))));
        intake.apply(subscription, new ConsumerRecords<>(Map.of(partition, List.of(copy(once, 0), copy(other, 2)))));

        assertThat(applied).containsExactly("ACC-A@0", "ACC-B@1");
    }

    @Test
    void aBatchConsumerGetsABatchsNewEventsInOneCallInKeyOrderAndNothingOnRedelivery() {
        LocalDate first = uniqueDate();
        TopicPartition partition = new TopicPartition(Topics.BUSINESS_DAY, 0);
        ConsumerRecord<String, byte[]> b = record(partition, 0, "ACC-B", new BusinessDayClosed(first));
        ConsumerRecord<String, byte[]> a = record(partition, 1, "ACC-A", new BusinessDayClosed(first.plusDays(1)));
        ConsumerRecord<String, byte[]> unreadable = new ConsumerRecord<>(Topics.BUSINESS_DAY, 0, 3, "ACC-C", "not json".getBytes(StandardCharsets.UTF_8));
        List<List<Long>> calls = new ArrayList<>();
        Subscription<BusinessDayClosed> subscription = Subscription.inBatches("batch-handler-" + UUID.randomUUID(), BusinessDayClosed.class,
                days -> calls.add(days.stream().map(d -> d.businessDate().toEpochDay() - first.toEpochDay()).toList()));

        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.BUSINESS_DAY))) {
            intake.apply(subscription, new ConsumerRecords<>(Map.of(partition, List.of(b, a, copy(b, 2), unreadable))));
            intake.apply(subscription, new ConsumerRecords<>(Map.of(partition, List.of(copy(a, 1), copy(b, 0)))));

            assertThat(calls).containsExactly(List.of(1L, 0L));
            assertThat(dlq.awaitRecords(r -> "ACC-C".equals(r.key()), BOUND)).hasSize(1);
        }
    }

    @Test
    void aBatchConsumerThatFailsOnOneEventHasTheOthersAppliedOneByOneAndThatOneDeadLettered() {
        LocalDate first = uniqueDate();
        TopicPartition partition = new TopicPartition(Topics.BUSINESS_DAY, 0);
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            batch.add(record(partition, offset, "ACC-" + offset, new BusinessDayClosed(first.plusDays(offset))));
        }
        List<Long> applied = new ArrayList<>();
        Subscription<BusinessDayClosed> subscription = Subscription.inBatches("batch-fallback-" + UUID.randomUUID(), BusinessDayClosed.class,
                days -> {
                    if (days.stream().anyMatch(d -> d.businessDate().equals(first.plusDays(1)))) {
                        throw new IllegalStateException("a day this consumer cannot apply");
                    }
                    days.forEach(d -> applied.add(d.businessDate().toEpochDay() - first.toEpochDay()));
                });

        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.BUSINESS_DAY))) {
            intake.apply(subscription, new ConsumerRecords<>(Map.of(partition, batch)));

            assertThat(applied).containsExactly(0L, 2L);
            ConsumerRecord<String, byte[]> dead = dlq.awaitRecords(r -> "ACC-1".equals(r.key()), BOUND).get(0);
            assertThat(TopicProbe.header(dead, Outbox.DLQ_REASON)).contains("a day this consumer cannot apply");
        }
    }

    /** A batch consumer with a handler for events alone: after its batch fails, that handler applies each event, not the batch path. */
    @Test
    void aBatchConsumerWithAHandlerForEventsAloneHasItApplyEachAfterTheBatchFailed() {
        LocalDate first = uniqueDate();
        TopicPartition partition = new TopicPartition(Topics.BUSINESS_DAY, 0);
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            batch.add(record(partition, offset, "ACC-" + offset, new BusinessDayClosed(first.plusDays(offset))));
        }
        List<Integer> batchCalls = new ArrayList<>();
        List<Long> alone = new ArrayList<>();
        Subscription<BusinessDayClosed> subscription = Subscription.inBatches("batch-alone-" + UUID.randomUUID(), BusinessDayClosed.class,
                days -> {
                    batchCalls.add(days.size());
                    throw new IllegalStateException("the batch path fails");
                }).aloneBy((day, headers) -> {
                    alone.add(day.businessDate().toEpochDay() - first.toEpochDay());
                    return Outcome.applied();
                });

        intake.apply(subscription, new ConsumerRecords<>(Map.of(partition, batch)));

        assertThat(batchCalls).containsExactly(3);
        assertThat(alone).containsExactly(0L, 1L, 2L);
    }

    /**
     * A consumer whose rows are keyed by the event itself keeps no inbox row: its table de-duplicates. A copy inside
     * a batch still reaches it once; a redelivered batch reaches it again and writes nothing new.
     */
    @Test
    void aConsumerDeduplicatedByItsOwnRowsKeepsNoInboxRowAndWritesEachRowOnce() throws Exception {
        LocalDate first = uniqueDate();
        TopicPartition partition = new TopicPartition(Topics.BUSINESS_DAY, 0);
        ConsumerRecord<String, byte[]> a = record(partition, 0, "ACC-K1", new BusinessDayClosed(first));
        ConsumerRecord<String, byte[]> b = record(partition, 1, "ACC-K2", new BusinessDayClosed(first.plusDays(1)));
        String consumer = "keyed-rows-" + UUID.randomUUID();
        List<List<LocalDate>> calls = new ArrayList<>();
        Subscription<BusinessDayClosed> subscription = Subscription.inBatches(consumer, BusinessDayClosed.class, days -> {
            calls.add(days.stream().map(BusinessDayClosed::businessDate).toList());
            days.forEach(d -> entityManager.createNativeQuery("insert into day_note (business_date, note) values (?1, 'kept') on conflict do nothing")
                    .setParameter(1, d.businessDate()).executeUpdate());
        }).deduplicatedByItsRows();

        intake.apply(subscription, new ConsumerRecords<>(Map.of(partition, List.of(a, copy(a, 2), b))));

        assertThat(calls).containsExactly(List.of(first, first.plusDays(1)));
        assertThat(notes(first, first.plusDays(1))).isEqualTo(2);
        assertThat(inboxRows(consumer)).isZero();

        intake.apply(subscription, new ConsumerRecords<>(Map.of(partition, List.of(copy(a, 0), copy(b, 1)))));

        assertThat(calls).hasSize(2);
        assertThat(notes(first, first.plusDays(1))).isEqualTo(2);
        assertThat(inboxRows(consumer)).isZero();
    }

    private long inboxRows(String consumer) throws Exception {
        return SqlCount.of(dataSource, "select count(*) from inbox where consumer = ?", consumer);
    }

    /**
     * A row one event's handler persists is written only at the next flush (every 25 events), so a rule the database
     * enforces refuses it only once later events of the batch have been applied too. The batch is then redone one event
     * per transaction: only the refused event is dead-lettered, every other is applied once, and a redelivery applies none again.
     */
    @Test
    void aRowRefusedOnlyAtALaterFlushDeadLettersItsOwnEventAndTheRestAreAppliedOnce() throws Exception {
        LocalDate first = uniqueDate();
        int events = 30;
        TopicPartition partition = new TopicPartition(Topics.BUSINESS_DAY, 0);
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int offset = 0; offset < events; offset++) {
            batch.add(record(partition, offset, "ACC-N" + (100 + offset), new BusinessDayClosed(first.plusDays(offset))));
        }
        LocalDate refused = first.plusDays(3);
        List<LocalDate> handled = new ArrayList<>();
        Subscription<BusinessDayClosed> subscription = Subscription.of("flush-fault-" + UUID.randomUUID(), BusinessDayClosed.class,
                (day, headers) -> {
                    handled.add(day.businessDate());
                    entityManager.persist(new DayNote(day.businessDate(), day.businessDate().equals(refused) ? "refused" : "kept"));
                    return Outcome.applied();
                });

        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.BUSINESS_DAY))) {
            intake.apply(subscription, new ConsumerRecords<>(Map.of(partition, batch)));

            // Twenty-five events were applied together before their flush refused the row; then all thirty, one at a time.
            assertThat(handled).hasSize(25 + events);
            assertThat(handled.subList(0, 25)).doesNotHaveDuplicates().contains(refused);
            ConsumerRecord<String, byte[]> dead = dlq.awaitRecords(r -> "ACC-N103".equals(r.key()), BOUND).get(0);
            assertThat(TopicProbe.header(dead, Outbox.DLQ_REASON)).contains("processing failed");
        }
        assertThat(notes(first, first.plusDays(events - 1))).isEqualTo(events - 1);

        handled.clear();
        intake.apply(subscription, new ConsumerRecords<>(Map.of(partition, batch)));

        // Redelivered, the applied events are skipped; the refused one is tried again (a fix may have come since) and refused again.
        assertThat(handled).containsOnly(refused);
        assertThat(notes(first, first.plusDays(events - 1))).isEqualTo(events - 1);
    }

    private long notes(LocalDate from, LocalDate to) throws Exception {
        return SqlCount.of(dataSource, "select count(*) from day_note where business_date between ? and ? and note = 'kept'", from, to);
    }

    private static ConsumerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> original, long offset) {
        ConsumerRecord<String, byte[]> copy = new ConsumerRecord<>(original.topic(), original.partition(), offset, original.key(), original.value());
        original.headers().forEach(copy.headers()::add);
        return copy;
    }

    private static ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset, String key, BusinessDayClosed day) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(partition.topic(), partition.partition(), offset, key,
                EventJson.write(day));
        CloudEventHeaders.forNewEvent(day, "/corebanking/order-test", OffsetDateTime.now()).toMap().entrySet().stream()
                .filter(h -> !CloudEventHeaders.SUBJECT.equals(h.getKey()))
                .forEach(h -> record.headers().add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(CloudEventHeaders.SUBJECT, key.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void onlyOneRelayIsActivePerDatabase() throws Exception {
        await().atMost(BOUND).until(relay::isLeader);
        try (Connection second = dataSource.getConnection()) {
            assertThat(RelayLeadership.tryAcquire(second)).isFalse();
        }
    }

    @Test
    void theRelaysSessionPlansEachStatementForTheOutboxAsItIsNow() throws Exception {
        try (Connection session = RelayLeadership.connect(settings.getValue("quarkus.datasource.jdbc.url", String.class),
                settings.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                settings.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
             var rs = session.createStatement().executeQuery("show plan_cache_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void theRelayVacuumsTheOutboxOnceItHasPublishedAndDeletedEnoughRows() throws Exception {
        int every = settings.getValue("arrears.messaging.relay.vacuum-every", Integer.class);
        long before = outboxVacuums();
        String account = "ACC-VACUUM-" + UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < every; i++) {
                outbox.add(new PlanCompleted("PLAN-" + i + "-" + UUID.randomUUID(), account, LocalDate.of(2026, 11, 2)));
            }
        });

        // Autovacuum counts apart (autovacuum_count): vacuum_count grows only when a session vacuums the table.
        await().atMost(BOUND).until(() -> outboxVacuums() > before);
        assertThat(pendingRows()).isZero();
    }

    private long outboxVacuums() throws Exception {
        try (Connection connection = dataSource.getConnection();
             var rs = connection.createStatement().executeQuery("select vacuum_count from pg_stat_user_tables where relname = 'outbox'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int timesApplied(LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> days.timesApplied(date));
    }

    private long pendingRows() throws Exception {
        try (Connection connection = dataSource.getConnection();
             var rs = connection.createStatement().executeQuery("select count(*) from outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static LocalDate uniqueDate() {
        return LocalDate.of(2030, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1, 50_000));
    }
}
