package io.arrears.complaint.flow;

import io.agroal.api.AgroalDataSource;
import io.arrears.complaint.handling.SlaWatch;
import io.arrears.events.AgencyAction;
import io.arrears.events.AgencyActionReported;
import io.arrears.events.AgencyOutcome;
import io.arrears.events.Channel;
import io.arrears.events.ComplaintCategory;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintOutcome;
import io.arrears.events.ComplaintResolved;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.MissedReason;
import io.arrears.events.PaymentMissed;
import io.arrears.events.ReminderSent;
import io.arrears.events.Topics;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.SqlCount;
import io.arrears.clock.MovableClock;
import io.arrears.testing.TestTokens;
import io.arrears.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "complaint"))
class ComplaintFlowTest {

    private void agency(String id, AgencyAction action, AgencyOutcome outcome, LocalDateTime localTime) {
        boolean promise = outcome == AgencyOutcome.PROMISE_TO_PAY;
        KafkaTestClient.publish(new AgencyActionReported(prefixed(id), "PLC-" + account, "CASE-" + account, account, "CUS-" + account, "north-star",
                action, outcome, outcome.conversation(), promise ? new BigDecimal("100.00") : null,
                promise ? localTime.toLocalDate().plusDays(7) : null, "CNY", localTime.atZone(SHANGHAI).toOffsetDateTime()));
    }

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    MovableClock clock;
    @Inject
    SlaWatch slaWatch;
    @Inject
    AgroalDataSource dataSource;

    private String account;

    @BeforeEach
    void account() {
        account = "ACC-" + UUID.randomUUID();
    }

    @Test
    void aHarassmentComplaintHoldsContactAndItsResolutionReleasesIt() {
        try (TopicProbe opened = TopicProbe.open(Topics.COMPLAINT_OPENED); TopicProbe resolved = TopicProbe.open(Topics.COMPLAINT_RESOLVED)) {
            String id = file(ComplaintCategory.HARASSMENT, "agent");
            ComplaintOpened hold = opened.awaitEvents(ComplaintOpened.class, e -> e.complaintId().equals(id), 1, BOUND).get(0);
            assertThat(hold.holdsContact()).isTrue();
            assertThat(hold.accountId()).isEqualTo(account);

            String service = file(ComplaintCategory.SERVICE, "complaints-officer");
            assertThat(opened.awaitEvents(ComplaintOpened.class, e -> e.complaintId().equals(service), 1, BOUND).get(0).holdsContact()).isFalse();

            as("complaints-officer").post("/complaints/" + id + "/acknowledge").then().statusCode(200).body("state", equalTo("ACKNOWLEDGED"));
            as("complaints-officer").post("/complaints/" + id + "/investigate").then().statusCode(200).body("state", equalTo("INVESTIGATING"));
            as("complaints-officer").contentType("application/json").body(Map.of("outcome", "UPHELD", "remedy", "fee refunded; calls stopped"))
                    .post("/complaints/" + id + "/resolve").then().statusCode(200).body("state", equalTo("RESOLVED"))
                    .body("audit.action", contains("RECEIVED", "ACKNOWLEDGED", "INVESTIGATING", "RESOLVED"))
                    .body("audit[3].actor", equalTo("user-complaints-officer"));
            ComplaintResolved release = resolved.awaitEvents(ComplaintResolved.class, e -> e.complaintId().equals(id), 1, BOUND).get(0);
            assertThat(release.holdsContact()).isTrue();
            assertThat(release.outcome()).isEqualTo(ComplaintOutcome.UPHELD);
        }
    }

    @Test
    void forbiddenStepsAre409AndBadInputIs400NamingTheField() {
        String id = file(ComplaintCategory.WRONG_AMOUNT, "agent");

        as("complaints-officer").contentType("application/json").body(Map.of("outcome", "REJECTED", "remedy", "none"))
                .post("/complaints/" + id + "/resolve").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("a complaint that is RECEIVED cannot become RESOLVED"));
        as("complaints-officer").contentType("application/json").body(Map.of("target", "REGULATOR_REFERRAL"))
                .post("/complaints/" + id + "/escalate").then().statusCode(400).body("violations[0].field", equalTo("reference"));
        as("supervisor").contentType("application/json").body(Map.of("target", "SUPERVISOR", "note", "cardholder called three times"))
                .post("/complaints/" + id + "/escalate").then().statusCode(200).body("state", equalTo("ESCALATED_SUPERVISOR"));
        as("supervisor").contentType("application/json").body(Map.of("target", "REGULATOR_REFERRAL", "reference", "REG-2030-0042"))
                .post("/complaints/" + id + "/escalate").then().statusCode(200).body("state", equalTo("REGULATOR_REFERRAL"))
                .body("regulatorReference", equalTo("REG-2030-0042")).body("allowedNext", contains("RESOLVED"));
        as("supervisor").post("/complaints/" + id + "/acknowledge").then().statusCode(409);

        as("agent").contentType("application/json").body(Map.of("accountId", account, "description", "x", "channel", "PHONE"))
                .post("/complaints").then().statusCode(400).body("violations.field", hasItem(containsString("category")));
        as("agent").contentType("application/json").body(Map.of("accountId", account, "category", "HARASSMENT", "description", "x",
                "channel", "PIGEON")).post("/complaints").then().statusCode(400).body("violations.field", hasItem(containsString("channel")));
        as("agent").contentType("application/json").body(Map.of("accountId", account, "category", "HARASSMENT", "description", "x",
                "channel", "PHONE", "cardholderTimezone", "Mars/Olympus")).post("/complaints").then().statusCode(400)
                .body("violations[0].field", equalTo("cardholderTimezone"));
        as("complaints-officer").queryParam("state", "PONDERING").get("/complaints").then().statusCode(400);
        as("complaints-officer").get("/complaints/CMP-NOPE").then().statusCode(404);
    }

    @Test
    void rolesDecideWhoMayDoWhatAndNobodyDeletes() {
        String id = file(ComplaintCategory.PRIVACY, "agent");

        given().get("/complaints/" + id).then().statusCode(401);
        as("agent").get("/complaints/" + id).then().statusCode(403);
        as("auditor").get("/complaints/" + id).then().statusCode(200).body("category", equalTo("PRIVACY"));
        as("auditor").post("/complaints/" + id + "/acknowledge").then().statusCode(403);
        as("supervisor").delete("/complaints/" + id).then().statusCode(405);

        KafkaTestClient.publish(missed("CUS-" + account));
        await().atMost(BOUND).untilAsserted(() -> given().header("Authorization", TestTokens.bearer("CUS-" + account, "cardholder"))
                .contentType("application/json").body(request(ComplaintCategory.CONTACT_TIME)).post("/complaints").then().statusCode(201));
        given().header("Authorization", TestTokens.bearer("CUS-SOMEONE-ELSE", "cardholder")).contentType("application/json")
                .body(request(ComplaintCategory.CONTACT_TIME)).post("/complaints").then().statusCode(403);
        given().header("Authorization", TestTokens.withSubject("CUS-" + account, "CUS-SOMEONE-ELSE", "cardholder"))
                .contentType("application/json").body(request(ComplaintCategory.CONTACT_TIME)).post("/complaints").then().statusCode(403);
    }

    @Test
    void theComplaintShowsEveryContactOfThePeriodAndFlagsThoseThatBrokeTheRules() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        LocalDate monday = today.minusDays(10);
        send("NIGHT", Channel.SMS, monday.atTime(22, 30), DeliveryStatus.DELIVERED);
        send("SUPPRESSED", Channel.SMS, monday.atTime(23, 0), DeliveryStatus.SUPPRESSED);
        for (int day = 0; day < 7; day++) {
            send("CALL-" + day, Channel.VOICE, monday.plusDays(day).atTime(10, 0), DeliveryStatus.SENT);
        }
        send("CALL-7", Channel.VOICE, monday.plusDays(6).atTime(15, 0), DeliveryStatus.SENT);
        send("CALL-7", Channel.VOICE, monday.plusDays(6).atTime(15, 1), DeliveryStatus.DELIVERED);
        // An agency's call and visit the week before are contacts too.
        agency("AG-CALL", AgencyAction.CALL, AgencyOutcome.PROMISE_TO_PAY, monday.minusDays(8).atTime(10, 0));
        agency("AG-VISIT", AgencyAction.VISIT, AgencyOutcome.NOBODY_HOME, monday.minusDays(8).atTime(15, 0));
        String id = file(ComplaintCategory.HARASSMENT, "agent");

        JsonPath evidence = await().atMost(BOUND).until(() -> complaint(id), c -> c.getList("evidence.contacts").size() == 13);
        assertThat(evidence.getString("evidence.contacts.find { it.reminderId == '" + prefixed("AG-VISIT") + "' }.channel")).isEqualTo("VISIT");
        assertThat(evidence.getString("evidence.contacts.find { it.reminderId == '" + prefixed("AG-CALL") + "' }.reason"))
                .isEqualTo("agency north-star: CALL, PROMISE_TO_PAY of 100.00 CNY by " + monday.minusDays(1));
        assertThat(evidence.getString("evidence.contacts.find { it.reminderId == '" + prefixed("AG-CALL") + "' }.agencyId")).isEqualTo("north-star");
        assertThat(evidence.getList("evidence.flags.reminderId")).containsExactlyInAnyOrder(prefixed("NIGHT"), prefixed("CALL-7"));
        assertThat(evidence.getString("evidence.flags.find { it.rule == 'OUTSIDE_WINDOW' }.detail"))
                .isEqualTo("SMS at 22:30 Asia/Shanghai is outside 08:00-21:00");
        assertThat(evidence.getString("evidence.flags.find { it.rule == 'FREQUENCY_CAP' }.detail"))
                .isEqualTo("VOICE attempt 8 within 7 days; the cap is 7");
    }

    @Test
    void aTextToldWithItsReceiptIsJudgedByTheTimeItWasSent() throws Exception {
        LocalDate monday = LocalDate.ofInstant(clock.instant(), SHANGHAI).minusDays(10);
        // Sent inside the window, its receipt a minute outside it; and one sent outside it.
        sendWithReceipt("IN-TIME", monday.atTime(20, 59), monday.atTime(21, 1));
        sendWithReceipt("AFTER-HOURS", monday.atTime(21, 15), monday.atTime(21, 16));
        // A late receipt: its send was told alone first, and the receipt tells it again.
        send("TOLD-TWICE", Channel.SMS, monday.atTime(10, 0), DeliveryStatus.SENT);
        sendWithReceipt("TOLD-TWICE", monday.atTime(10, 0), monday.atTime(10, 3));
        String id = file(ComplaintCategory.HARASSMENT, "agent");

        // Shown as if SENT had come alone: a line for each outcome the events tell, the send told twice once.
        JsonPath evidence = await().atMost(BOUND).until(() -> complaint(id), c -> c.getList("evidence.contacts").size() == 6);
        assertThat(evidence.getList("evidence.contacts.findAll { it.reminderId == '" + prefixed("IN-TIME") + "' }.status", String.class))
                .containsExactly("SENT", "DELIVERED");
        assertThat(evidence.getList("evidence.contacts.findAll { it.reminderId == '" + prefixed("TOLD-TWICE") + "' }.status", String.class))
                .containsExactly("SENT", "DELIVERED");
        assertThat(OffsetDateTime.parse(evidence.getString("evidence.contacts.find { it.reminderId == '" + prefixed("IN-TIME")
                + "' && it.status == 'SENT' }.at")).toInstant()).isEqualTo(monday.atTime(20, 59).atZone(SHANGHAI).toInstant());
        // Kept as one row: the receipt with its send on it.
        assertThat(count("select count(*) from contact_event where reminder_id = ?", prefixed("IN-TIME"))).isEqualTo(1);
        assertThat(count("select count(*) from contact_event where reminder_id = ? and status = 'DELIVERED' and sent_at is not null",
                prefixed("IN-TIME"))).isEqualTo(1);
        assertThat(evidence.getList("evidence.flags.reminderId")).containsExactly(prefixed("AFTER-HOURS"));
        assertThat(evidence.getString("evidence.flags.find { it.rule == 'OUTSIDE_WINDOW' }.detail"))
                .isEqualTo("SMS at 21:15 Asia/Shanghai is outside 08:00-21:00");
    }

    /**
     * Evidence is keyed by reminder and status, so its consumer keeps no inbox: the relay's second copy of an outcome
     * (same ce_id) and a producer's repeat (a new ce_id) are each read and leave the one row.
     */
    @Test
    void anOutcomeReceivedThreeTimesIsEvidenceOnceAndLeavesNoInboxRow() throws Exception {
        ReminderSent sent = new ReminderSent(prefixed("TWICE"), "CASE-" + account, account, Channel.SMS, DeliveryStatus.SENT, null, "MSG-TWICE",
                OffsetDateTime.now(clock).minusMinutes(5));
        String first = KafkaTestClient.publish(sent);
        KafkaTestClient.publish(sent, first);
        String again = KafkaTestClient.publish(sent);
        // Same account, same partition: once the delivery is kept, the three copies before it have been read.
        send("TWICE", Channel.SMS, LocalDateTime.ofInstant(clock.instant(), SHANGHAI), DeliveryStatus.DELIVERED);

        await().atMost(BOUND).until(() -> count("select count(*) from contact_event where reminder_id = ? and status = 'DELIVERED'",
                prefixed("TWICE")) == 1);
        assertThat(count("select count(*) from contact_event where reminder_id = ? and status = 'SENT'", prefixed("TWICE"))).isEqualTo(1);
        assertThat(count("select count(*) from inbox where event_id = ?", first)).isZero();
        assertThat(count("select count(*) from inbox where event_id = ?", again)).isZero();
    }

    private long count(String sql, String parameter) throws Exception {
        return SqlCount.of(dataSource, sql, parameter);
    }

    @Test
    void breachedSlasAreFlaggedAcrossAWeekendAndAHolidayAndAMissedResolutionGoesToASupervisor() {
        Instant start = Instant.parse("2030-02-01T02:00:00Z");
        assertThat(clock.instant()).isEqualTo(start);
        String id = file(ComplaintCategory.NOT_MY_DEBT, "agent");
        JsonPath filed = complaint(id);
        assertThat(OffsetDateTime.parse(filed.getString("acknowledgeDue")).toInstant())
                .isEqualTo(LocalDateTime.parse("2030-02-12T00:00").atZone(SHANGHAI).toInstant());

        clock.moveTo(LocalDateTime.parse("2030-02-11T23:59").atZone(SHANGHAI).toInstant());
        slaWatch.check();
        assertThat(complaint(id).getString("ackBreachedAt")).isNull();

        clock.advance(Duration.ofMinutes(1));
        slaWatch.check();
        assertThat(complaint(id).getString("ackBreachedAt")).isNotNull();
        assertThat(as("complaints-officer").queryParam("slaBreached", true).queryParam("accountId", account).get("/complaints")
                .then().statusCode(200).extract().jsonPath().getList("items.id")).containsExactly(id);

        clock.moveTo(LocalDateTime.parse("2030-02-17T00:00").atZone(SHANGHAI).toInstant());
        slaWatch.check();
        JsonPath late = complaint(id);
        assertThat(late.getString("state")).isEqualTo("ESCALATED_SUPERVISOR");
        assertThat(late.getList("audit.action")).containsSubsequence("SLA_BREACHED", "SLA_BREACHED", "ESCALATED_SUPERVISOR");
        assertThat(late.getString("audit.find { it.action == 'ESCALATED_SUPERVISOR' }.actor")).isEqualTo("system");
    }

    private String file(ComplaintCategory category, String role) {
        return as(role).contentType("application/json").body(request(category)).post("/complaints")
                .then().statusCode(201).body("holdsContact", equalTo(category != ComplaintCategory.SERVICE && category != ComplaintCategory.WRONG_AMOUNT))
                .extract().jsonPath().getString("id");
    }

    private Map<String, Object> request(ComplaintCategory category) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountId", account);
        body.put("category", category.name());
        body.put("description", "They called me at night, many times.");
        body.put("channel", "PHONE");
        body.put("evidenceRefs", List.of("REC-1"));
        return body;
    }

    private void send(String reminder, Channel channel, LocalDateTime local, DeliveryStatus status) {
        KafkaTestClient.publish(new ReminderSent(prefixed(reminder), "CASE-" + account, account, channel, status,
                status == DeliveryStatus.SUPPRESSED ? "CONTACT_WINDOW" : null, "MSG-" + reminder,
                local.atZone(SHANGHAI).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC)));
    }

    /** A text's receipt that tells its send too ({@code sentAt}), as contact-channel tells most texts. */
    private void sendWithReceipt(String reminder, LocalDateTime sent, LocalDateTime delivered) {
        KafkaTestClient.publish(new ReminderSent(prefixed(reminder), "CASE-" + account, account, Channel.SMS, DeliveryStatus.DELIVERED, "DELIVRD",
                "MSG-" + reminder, delivered.atZone(SHANGHAI).toOffsetDateTime(), sent.atZone(SHANGHAI).toOffsetDateTime()));
    }

    private String prefixed(String reminder) {
        return account + "-" + reminder;
    }

    private PaymentMissed missed(String customerId) {
        return new PaymentMissed(account, customerId, "ST-" + account, LocalDate.parse("2030-01-20"), new BigDecimal("300.00"),
                new BigDecimal("300.00"), new BigDecimal("3000.00"), "CNY", 5, "1-29", MissedReason.MINIMUM_NOT_PAID, null, null, null);
    }

    private static JsonPath complaint(String id) {
        return as("auditor").get("/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer("user-" + role, role));
    }
}
