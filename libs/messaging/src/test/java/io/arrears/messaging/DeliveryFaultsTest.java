package io.arrears.messaging;

import io.agroal.api.AgroalDataSource;
import io.arrears.events.BusinessDayClosed;
import io.arrears.events.CloudEventHeaders;
import io.arrears.events.EventType;
import io.arrears.events.PlanCompleted;
import io.arrears.events.Topics;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.TestInfrastructure;
import io.arrears.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Faults of the delivery machinery, caused for real: the broker stopped under the relay, records a
 * misbehaving producer sends, a record Kafka refuses. Each test failed before the fix it covers.
 */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "messaging"))
class DeliveryFaultsTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DayConsumer dayConsumer;

    @Test
    void afterTheRelayFailsItsLeadershipLivesOnItsOwnConnectionNotOnOneBackInThePool() throws Exception {
        await().atMost(BOUND).until(relay::isLeader);
        TestInfrastructure.stopBroker();
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.add(new PlanCompleted("PLAN-" + UUID.randomUUID(), "ACC-F1", LocalDate.of(2026, 11, 2))));
            await().atMost(BOUND).until(() -> !relay.isLeader());
        } finally {
            TestInfrastructure.startBroker();
        }
        await().atMost(BOUND).until(relay::isLeader);
        await().atMost(BOUND).until(() -> pending("outbox") == 0);

        assertThat(lockHolders()).containsExactly(RelayLeadership.APPLICATION_NAME);
        await().atMost(BOUND).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200).body(containsString("active here")));
    }

    @Test
    void aRecordThatCannotBeStoredAsItCameIsDeadLetteredWithItsKeyAndHeaderBytesIntact() {
        String key = "K".repeat(300) + "\u0000end";
        byte[] notText = {(byte) 0xC3, (byte) 0x28, 0, 1, 2};
        RecordHeaders headers = new RecordHeaders();
        String id = UUID.randomUUID().toString();
        headers.add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/corebanking/test".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, EventType.BUSINESS_DAY_CLOSED.ceType().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("x-trace", "a\u0000b".getBytes(StandardCharsets.UTF_8));
        headers.add("x-binary", notText);
        LocalDate after = LocalDate.of(2031, 1, 1).plusDays(UUID.randomUUID().hashCode() & 0xFFF);

        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.BUSINESS_DAY))) {
            KafkaTestClient.publish(Topics.BUSINESS_DAY, key, headers, "{\"businessDate\":\u0000}".getBytes(StandardCharsets.UTF_8));
            KafkaTestClient.publish(new BusinessDayClosed(after));

            ConsumerRecord<String, byte[]> dead = dlq.awaitRecords(r -> id.equals(TopicProbe.ceId(r)), BOUND).get(0);

            assertThat(dead.key()).isEqualTo(key.replace('\u0000', '?'));
            assertThat(new String(java.util.Base64.getDecoder().decode(TopicProbe.header(dead, Outbox.DLQ_ORIGINAL_KEY_BASE64)),
                    StandardCharsets.UTF_8)).isEqualTo(key);
            assertThat(dead.headers().lastHeader("x-trace").value()).isEqualTo("a\u0000b".getBytes(StandardCharsets.UTF_8));
            assertThat(dead.headers().lastHeader("x-binary").value()).isEqualTo(notText);
            assertThat(dead.value()).isEqualTo("{\"businessDate\":\u0000}".getBytes(StandardCharsets.UTF_8));
            assertThat(TopicProbe.header(dead, Outbox.DLQ_REASON)).contains("JSON");
        }
        await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() -> daysApplied(after)) == 1);
    }

    @Test
    void aRecordKafkaRefusesIsParkedWithItsReasonAndTheEventsBehindItStillLeave() throws Exception {
        byte[] huge = new byte[2 * 1024 * 1024];
        ConsumerRecord<String, byte[]> tooLarge = new ConsumerRecord<>(Topics.BUSINESS_DAY, 0, 0, "ACC-HUGE", huge);
        String marker = "PLAN-" + UUID.randomUUID();
        try (TopicProbe completed = TopicProbe.open(Topics.PLAN_COMPLETED)) {
            QuarkusTransaction.requiringNew().run(() -> outbox.deadLetter(tooLarge, "fault-test", Outbox.DeadLetterCause.FAILED, "too large to forward"));
            String id = QuarkusTransaction.requiringNew().call(() ->
                    outbox.add(new PlanCompleted(marker, "ACC-F3", LocalDate.of(2026, 11, 3))));

            completed.awaitRecords(r -> id.equals(TopicProbe.ceId(r)), BOUND);
        }
        await().atMost(BOUND).until(() -> pending("outbox") == 0);
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("select record_key, reason from outbox_parked")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ACC-HUGE");
            assertThat(rs.getString(2)).contains("RecordTooLargeException");
        }
        given().get("/q/health/group/outbox").then().statusCode(503).body("checks[0].data.parked", org.hamcrest.Matchers.equalTo(1));
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate("delete from outbox_parked");
        }
        given().get("/q/health/group/outbox").then().statusCode(200);
    }

    @Test
    void aRefusedEventIsAppliedByItsOwnConsumerWhenReplayedAfterTheFixOnceAndNothingIsRepublished() throws Exception {
        LocalDate early = LocalDate.of(1900, 1, 1).plusDays(UUID.randomUUID().hashCode() & 0x7FFF);
        String id = UUID.randomUUID().toString();
        String key = "ACC-REPLAY-" + id;
        byte[] body = ("{\"businessDate\":\"" + early + "\"}").getBytes(StandardCharsets.UTF_8);
        java.util.Map<String, String> headers = java.util.Map.of(CloudEventHeaders.ID, id, CloudEventHeaders.SOURCE, "/corebanking/test",
                CloudEventHeaders.TYPE, EventType.BUSINESS_DAY_CLOSED.ceType(), CloudEventHeaders.SPEC_VERSION, "1.0");
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.BUSINESS_DAY))) {
            KafkaTestClient.publish(Topics.BUSINESS_DAY, key, headers, body);
            ConsumerRecord<String, byte[]> dead = dlq.awaitRecords(r -> id.equals(TopicProbe.ceId(r)), BOUND).get(0);
            assertThat(TopicProbe.header(dead, Outbox.DLQ_CAUSE)).isEqualTo("REFUSED");
            // A dead letter another service's consumer made on the same topic is that service's to replay.
            RecordHeaders foreign = new RecordHeaders();
            foreign.add(Outbox.DLQ_CONSUMER, "another-service.days".getBytes(StandardCharsets.UTF_8));
            KafkaTestClient.publish(Topics.deadLetter(Topics.BUSINESS_DAY), "ACC-FOREIGN", foreign, body);
            dlq.awaitRecords(r -> "ACC-FOREIGN".equals(r.key()), BOUND);
        }
        try (TopicProbe original = TopicProbe.open(Topics.BUSINESS_DAY)) {
            // Before the fix the consumer refuses it again: nothing applied, the attempt on record.
            given().header("Authorization", io.arrears.testing.TestTokens.bearer("sup-1", "supervisor"))
                    .post("/admin/dead-letters/{topic}/replay", Topics.deadLetter(Topics.BUSINESS_DAY))
                    .then().statusCode(200)
                    .body("stillUnusable", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                    .body("otherServices", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                    .body("notApplied", org.hamcrest.Matchers.hasItem(containsString(early + " predates the ledger")));
            assertThat(QuarkusTransaction.requiringNew().call(() -> daysApplied(early))).isZero();
            assertThat(replayRecord(id)).containsExactly("STILL_UNUSABLE", "sup-1");

            dayConsumer.backfill(early);
            given().header("Authorization", io.arrears.testing.TestTokens.bearer("sup-2", "supervisor"))
                    .post("/admin/dead-letters/{topic}/replay", Topics.deadLetter(Topics.BUSINESS_DAY))
                    .then().statusCode(200).body("applied", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
            assertThat(QuarkusTransaction.requiringNew().call(() -> daysApplied(early))).isEqualTo(1);
            assertThat(replayRecord(id)).containsExactly("APPLIED", "sup-2");

            given().header("Authorization", io.arrears.testing.TestTokens.bearer("sup-1", "supervisor"))
                    .post("/admin/dead-letters/{topic}/replay", Topics.deadLetter(Topics.BUSINESS_DAY))
                    .then().statusCode(200).body("alreadyApplied", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
            assertThat(QuarkusTransaction.requiringNew().call(() -> daysApplied(early))).isEqualTo(1);
            assertThat(replayRecord(id)).containsExactly("APPLIED", "sup-2");
            // A service may write only the topics it owns: the replay went to the consumer, not back on the topic.
            await().during(Duration.ofSeconds(2)).atMost(BOUND).until(() -> original.matching(r -> id.equals(TopicProbe.ceId(r))).isEmpty());
        }
        given().header("Authorization", io.arrears.testing.TestTokens.bearer("agent-1", "agent"))
                .post("/admin/dead-letters/{topic}/replay", Topics.deadLetter(Topics.BUSINESS_DAY)).then().statusCode(403);
        given().header("Authorization", io.arrears.testing.TestTokens.bearer("sup-1", "supervisor"))
                .post("/admin/dead-letters/{topic}/replay", Topics.BUSINESS_DAY).then().statusCode(400);
    }

    private List<String> replayRecord(String eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery(
                     "select outcome, replayed_by, dlq_reason from dead_letter_replay where event_id = '" + eventId + "'")) {
            assertThat(rs.next()).isTrue();
            List<String> row = List.of(rs.getString(1), rs.getString(2));
            assertThat(rs.getString(3)).contains("predates the ledger");
            assertThat(rs.next()).isFalse();
            return row;
        }
    }

    @Test
    void aBatchThatWaitsLongDoesNotTakeTheConsumerDown() throws Exception {
        // The commit strategy's own limit on how long a record may wait is off: with it, a batch waiting out a
        // database outage for 5 minutes would mark the channel failed and the pod would restart in a loop.
        assertThat(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms", Integer.class)).isNegative();
        LocalDate held = LocalDate.of(2033, 1, 1).plusDays(UUID.randomUUID().hashCode() & 0xFFF);
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                .createNativeQuery("insert into applied_day (business_date, times) values (?1, 0)").setParameter(1, held).executeUpdate());
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("select * from applied_day where business_date = '" + held + "' for update");
            KafkaTestClient.publish(new BusinessDayClosed(held));
            // The consumer's batch now waits on the row while the blocker holds it.
            Thread.sleep(6_000);
            blocker.rollback();
        }
        await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() -> daysApplied(held)) == 1);
        given().get("/q/health/live").then().statusCode(200);
        LocalDate after = held.plusDays(1);
        KafkaTestClient.publish(new BusinessDayClosed(after));
        await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() -> daysApplied(after)) == 1);
    }

    private int daysApplied(LocalDate date) {
        return ((Number) io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                .createNativeQuery("select coalesce(sum(times), 0) from applied_day where business_date = ?1")
                .setParameter(1, date).getSingleResult()).intValue();
    }

    private long pending(String table) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The application name of every session holding the relay's leadership lock. */
    private List<String> lockHolders() throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("""
                     select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
                     where l.locktype = 'advisory' and l.granted and l.objsubid = 1
                       and l.database = (select oid from pg_database where datname = current_database())
                       and l.classid = %d::bigint::oid and l.objid = %d::bigint::oid"""
                     .formatted(RelayLeadership.LOCK_KEY >>> 32, RelayLeadership.LOCK_KEY & 0xFFFFFFFFL))) {
            List<String> holders = new ArrayList<>();
            while (rs.next()) {
                holders.add(rs.getString(1));
            }
            return holders;
        }
    }
}
