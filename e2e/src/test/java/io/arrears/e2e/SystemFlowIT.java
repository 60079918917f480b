package io.arrears.e2e;

import io.arrears.e2e.CoreBanking.Cycle;
import io.arrears.e2e.CoreBanking.Holder;
import io.arrears.events.CloudEventHeaders;
import io.arrears.events.Topics;
import io.arrears.simulators.SmscSimulator;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.TopicProbe;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.arrears.e2e.Scenario.account;
import static io.arrears.e2e.Scenario.as;
import static io.arrears.e2e.Scenario.caseFile;
import static io.arrears.e2e.Scenario.contactHistory;
import static io.arrears.e2e.Scenario.middayZone;
import static io.arrears.e2e.Scenario.missedPayment;
import static io.arrears.e2e.Scenario.zoneWhereItIs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services as separate processes, agreeing with each other over a real broker: only the
 * feed topics, the REST APIs and the provider simulators are touched, as a bank would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemFlowIT {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static TheSystem system;

    @BeforeAll
    static void start() {
        system = TheSystem.get();
    }

    /** Last, over what every other flow made the services log: no cardholder's phone, email, name or address. */
    @Test
    @Order(Integer.MAX_VALUE)
    void noServiceLogsACardholdersPersonalData() {
        List<CoreBanking.Holder> holders = CoreBanking.issued();
        assertThat(holders).as("the flows before this one published cardholders").isNotEmpty();
        Map<String, String> logs = system.logs();
        assertThat(logs.values()).allSatisfy(log -> assertThat(log).isNotBlank());
        List<String> found = new java.util.ArrayList<>();
        logs.forEach((service, log) -> {
            for (CoreBanking.Holder holder : holders) {
                for (String personal : List.of(holder.phone(), holder.phoneDigits(), holder.email())) {
                    if (log.contains(personal)) {
                        found.add(service + " logs " + personal + ": " + lineWith(log, personal));
                    }
                }
            }
            for (String personal : List.of(CoreBanking.NAME, CoreBanking.STREET)) {
                if (log.contains(personal)) {
                    found.add(service + " logs " + personal + ": " + lineWith(log, personal));
                }
            }
        });
        assertThat(found).isEmpty();
    }

    private static String lineWith(String log, String text) {
        return log.lines().filter(line -> line.contains(text)).findFirst().orElse("");
    }

    @Test
    void theBrokerTheServicesWorkOnGrantsEachPrincipalOnlyItsAcls() {
        // What the flows here prove, they prove on a broker where a service's login may not publish core banking's records.
        java.util.Map<String, Object> settings = new java.util.HashMap<>(io.arrears.testing.TestInfrastructure.kafkaClientSettings("reminder"));
        settings.put("max.block.ms", 15_000);
        settings.put("delivery.timeout.ms", 20_000);
        settings.put("request.timeout.ms", 10_000);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(settings,
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> producer.send(
                            new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.PAYMENTS, "ACC-NOT-MINE", "{}")).get(30, java.util.concurrent.TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TopicAuthorizationException.class);
        }
        assertThat(settings).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void aMissedPaymentReachesTheCardholderBySmsAndEmailAndTheCaseSeesTheOutcomes() {
        Holder holder = CoreBanking.holder(middayZone());
        String caseId = missedPayment(holder);

        SmscSimulator.Submitted sms = await().atMost(BOUND).until(() -> smsTo(holder), s -> s != null);
        assertThat(sms.text()).contains("261.52 CNY").contains("card ending " + holder.cardLast4());
        await().atMost(BOUND).until(() -> mailTo(holder) != null);

        JsonPath file = await().atMost(BOUND).until(() -> caseFile(caseId),
                f -> f.getList("contacts.status").containsAll(List.of("DELIVERED", "SENT")));
        assertThat(file.getList("contacts.channel")).contains("SMS", "EMAIL");
        assertThat(file.getString("steps.find { it.channel == 'SMS' && it.ladderDay == 1 }.status")).isEqualTo("DELIVERED");
    }

    @Test
    void aPaymentThatCuresTheAccountStopsAllFurtherContact() {
        Holder holder = CoreBanking.holder(middayZone());
        Cycle cycle = CoreBanking.nextCycle();
        String caseId = missedPayment(holder, cycle);
        await().atMost(BOUND).until(() -> smsTo(holder) != null);

        CoreBanking.pay(holder, "261.52", cycle.firstDayPastDue().plusDays(1));
        CoreBanking.closeDays(cycle.firstDayPastDue().plusDays(1), cycle.firstDayPastDue().plusDays(2));

        JsonPath file = await().atMost(BOUND).until(() -> caseFile(caseId), f -> "CLOSED".equals(f.getString("state")));
        assertThat(file.getString("closedReason")).isEqualTo("PAID");
        assertThat(file.getList("steps.status", String.class)).doesNotContain("PENDING", "SUSPENDED").contains("CANCELLED");
        as("agent").get(system.url("account") + "/accounts/" + holder.accountId()).then().statusCode(200);
    }

    @Test
    void aComplaintHoldsContactEverywhereAndItsResolutionReleasesIt() {
        Holder holder = CoreBanking.holder(middayZone());
        String caseId = missedPayment(holder);
        // The cardholder complains about a contact that was made: wait for it, so the complaint has evidence.
        await().atMost(BOUND).until(() -> smsTo(holder) != null);

        String complaint = as("agent").contentType("application/json")
                .body(Map.of("accountId", holder.accountId(), "category", "HARASSMENT", "description", "too many calls", "channel", "PHONE"))
                .post(system.url("complaint") + "/complaints").then().statusCode(201).extract().jsonPath().getString("id");
        await().atMost(BOUND).until(() -> "ON_HOLD".equals(caseFile(caseId).getString("state")));
        await().atMost(BOUND).until(() -> contactHistory(holder).getList("holds").size() == 1);

        String officer = system.url("complaint") + "/complaints/" + complaint;
        as("complaints-officer").post(officer + "/acknowledge").then().statusCode(200);
        as("complaints-officer").post(officer + "/investigate").then().statusCode(200);
        as("complaints-officer").contentType("application/json").body(Map.of("outcome", "PARTIALLY_UPHELD", "remedy", "apology sent"))
                .post(officer + "/resolve").then().statusCode(200);

        await().atMost(BOUND).until(() -> "OPEN".equals(caseFile(caseId).getString("state")));
        await().atMost(BOUND).until(() -> contactHistory(holder).getString("holds[0].releasedAt") != null);
        JsonPath evidence = await().atMost(BOUND).until(() -> as("auditor").get(officer).then().statusCode(200).extract().jsonPath(),
                c -> !c.getList("evidence.contacts").isEmpty());
        assertThat(evidence.getList("evidence.contacts.channel")).contains("SMS");
    }

    @Test
    void anAgreedPlanStopsTheLadderTheAccountTracksItAndAMissedInstalmentResumesTheLadder() {
        Holder holder = CoreBanking.holder(middayZone());
        Cycle cycle = CoreBanking.nextCycle();
        String caseId = missedPayment(holder, cycle);

        as("agent").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 2))
                .post(system.url("reminder") + "/cases/" + caseId + "/plans").then().statusCode(201);
        assertThat(caseFile(caseId).getString("state")).isEqualTo("IN_PLAN");
        await().atMost(BOUND).until(() -> "IN_PLAN".equals(account(holder).getString("status")));
        assertThat(account(holder).getList("plan.instalments")).hasSize(2);
        await().atMost(BOUND).until(() -> mailTo(holder, "Your repayment plan is confirmed") != null);

        // The instalments fall due by the service's own calendar; core banking's days here lie long after them.
        CoreBanking.closeDays(cycle.firstDayPastDue().plusDays(1), cycle.firstDayPastDue().plusDays(1));
        JsonPath resumed = await().atMost(BOUND).until(() -> caseFile(caseId), f -> "OPEN".equals(f.getString("state")));
        assertThat(resumed.getList("plans.status")).containsExactly("BROKEN");
        assertThat(resumed.getInt("brokenPlans")).isEqualTo(1);
    }

    @Test
    void aReminderDueAtNightIsDeferredToEightInTheCardholdersMorning() {
        String zone = zoneWhereItIs(23);
        Holder holder = CoreBanking.holder(zone);
        missedPayment(holder);

        JsonPath history = await().atMost(BOUND).until(() -> contactHistory(holder),
                h -> h.getList("attempts").size() >= 2 && h.getList("attempts.status").stream().allMatch("DEFERRED"::equals));
        assertThat(history.getList("attempts.decisions.rule").toString()).contains("CONTACT_WINDOW");
        OffsetDateTime until = OffsetDateTime.parse(history.getString("attempts[0].decisions[0].until"));
        assertThat(until.withOffsetSameInstant(ZoneOffset.of(zone)).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(smsTo(holder)).isNull();
    }

    @Test
    void aMalformedFeedRecordGoesToTheDeadLetterTopicAndTheRecordsAroundItFlow() {
        Holder before = CoreBanking.holder(middayZone());
        Holder after = CoreBanking.holder(middayZone());
        Cycle cycle = CoreBanking.nextCycle();
        String badId = UUID.randomUUID().toString();
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.STATEMENTS))) {
            CoreBanking.statement(before, cycle, "100.00");
            KafkaTestClient.publish(Topics.STATEMENTS, "ACC-BROKEN", Map.of(CloudEventHeaders.ID, badId, CloudEventHeaders.TYPE,
                    "corebanking.StatementIssued.v1", CloudEventHeaders.SOURCE, "/corebanking/cards", CloudEventHeaders.SPEC_VERSION, "1.0"),
                    "{\"accountId\": \"ACC-BROKEN\", \"minimumDue\": ".getBytes(StandardCharsets.UTF_8));
            CoreBanking.statement(after, cycle, "100.00");

            ConsumerRecord<String, byte[]> dead = dlq.awaitRecords(r -> badId.equals(TopicProbe.ceId(r)), BOUND).get(0);
            assertThat(TopicProbe.header(dead, "dlq-reason")).isNotBlank();
        }
        await().atMost(BOUND).until(() -> as("agent").get(system.url("account") + "/accounts/" + before.accountId()).statusCode() == 200);
        await().atMost(BOUND).until(() -> as("agent").get(system.url("account") + "/accounts/" + after.accountId()).statusCode() == 200);
    }

    private static SmscSimulator.Submitted smsTo(Holder holder) {
        return system.smsc.submitted().stream().filter(s -> s.destination().equals(holder.phoneDigits())).findFirst().orElse(null);
    }

    private static MimeMessage mailTo(Holder holder) throws Exception {
        return mailTo(holder, null);
    }

    private static MimeMessage mailTo(Holder holder, String subject) throws Exception {
        for (MimeMessage m : system.mail.received()) {
            Address[] to = m.getAllRecipients();
            if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(holder.email()))
                    && (subject == null || subject.equals(m.getSubject()))) {
                return m;
            }
        }
        return null;
    }
}
