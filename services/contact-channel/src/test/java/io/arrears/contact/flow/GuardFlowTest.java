package io.arrears.contact.flow;

import io.arrears.contact.Cardholder;
import io.arrears.contact.Peers;
import io.arrears.contact.ProviderPeers;
import io.arrears.contact.SentEvents;
import io.arrears.contact.dispatch.Dispatcher;
import io.arrears.events.AgencyAction;
import io.arrears.events.AgencyActionReported;
import io.arrears.events.AgencyOutcome;
import io.arrears.events.AgentCallLogged;
import io.arrears.events.Channel;
import io.arrears.events.ComplaintCategory;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintOutcome;
import io.arrears.events.ComplaintResolved;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.ReminderRequested;
import io.arrears.events.ReminderSent;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.SqlCount;
import io.arrears.clock.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.arrears.contact.Cardholder.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The guard seen from outside: a night-time reminder waits for the morning, a complaint holds contact until resolved. */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(ProviderPeers.class)
class GuardFlowTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    Dispatcher dispatcher;
    @Inject
    MovableClock clock;
    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private SentEvents sent;

    @BeforeEach
    void open() {
        Peers.startAll();
        sent = new SentEvents(dispatcher);
    }

    @AfterEach
    void close() {
        sent.close();
    }

    @Test
    void aReminderThatArrivesAtNightIsSentAtEightInTheMorningOfTheCardholder() throws Exception {
        // A cardholder for whom it is 23:xx right now, wherever the shared clock stands.
        OffsetDateTime nowUtc = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        ZoneOffset zone = ZoneOffset.ofHours(Math.floorMod(23 - nowUtc.getHour() + 12, 24) - 12);
        OffsetDateTime morning = nowUtc.withOffsetSameInstant(zone).toLocalDate().plusDays(1).atTime(8, 0).atOffset(zone);
        Cardholder holder = Cardholder.create("en", zone.getId());
        ReminderRequested request = holder.reminder(Channel.EMAIL, "overdue-notice");
        KafkaTestClient.publish(request);

        await().atMost(BOUND).until(() -> {
            dispatcher.dispatchDue();
            return "DEFERRED".equals(holder.history().getString("attempts[0].status"));
        });
        JsonPath history = holder.history();
        assertThat(history.getString("attempts[0].decisions[0].rule")).isEqualTo("CONTACT_WINDOW");
        assertThat(OffsetDateTime.parse(history.getString("attempts[0].decisions[0].until")).toInstant()).isEqualTo(morning.toInstant());

        clock.advance(Duration.between(nowUtc, morning).minusMinutes(1));
        dispatcher.dispatchDue();
        assertThat(sent.of(request.reminderId())).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        sent.await(request.reminderId(), DeliveryStatus.SENT);
        assertThat(holder.history().getList("attempts[0].decisions.decision")).containsExactly("DEFER", "SEND");
        // The deferral is a decision row; the SEND it first went out on is kept on the attempt.
        assertThat(SqlCount.of(dataSource, "select count(*) from guard_decision where reminder_id = ?", request.reminderId())).isEqualTo(1);
        assertThat(SqlCount.of(dataSource, "select count(*) from contact_attempt where reminder_id = ? and allowed_at is not null "
                + "and allowed_by_pack = 'cn'", request.reminderId())).isEqualTo(1);
    }

    @Test
    void aReminderThatOvertakesTheCustomerFeedWaitsForTheContactDataAndOneWithoutAnyIsSuppressedInTheEnd() {
        Cardholder late = Cardholder.unpublished("en", "Asia/Shanghai");
        ReminderRequested waiting = late.reminder(Channel.EMAIL, "overdue-notice");
        Cardholder unknown = Cardholder.unpublished("en", "Asia/Shanghai");
        ReminderRequested hopeless = unknown.reminder(Channel.EMAIL, "overdue-notice");
        KafkaTestClient.publish(waiting);
        KafkaTestClient.publish(hopeless);
        await().atMost(BOUND).until(() -> {
            dispatcher.dispatchDue();
            return "DEFERRED".equals(late.history().getString("attempts[0].status"))
                    && "DEFERRED".equals(unknown.history().getString("attempts[0].status"));
        });
        assertThat(late.history().getString("attempts[0].decisions[0].rule")).isEqualTo("AWAITING_CONTACT_DATA");

        late.publish();
        clock.advance(Duration.ofMinutes(1));
        sent.await(waiting.reminderId(), DeliveryStatus.SENT);

        clock.advance(Duration.ofHours(1));
        assertThat(sent.await(hopeless.reminderId(), DeliveryStatus.SUPPRESSED).reason())
                .isEqualTo("NO_CONTACT_POINT: no contact data for the holder of the account after waiting PT1H");
        assertThat(unknown.history().getList("attempts[0].decisions.rule")).containsExactly("AWAITING_CONTACT_DATA", "NO_CONTACT_POINT");
    }

    @Test
    void aComplaintThatHoldsContactSuppressesRemindersUntilItIsResolved() {
        Cardholder holder = Cardholder.create("zh-CN", "Asia/Shanghai");
        String complaint = "CMP-" + holder.accountId();
        KafkaTestClient.publish(new ComplaintOpened(complaint, holder.accountId(), ComplaintCategory.HARASSMENT, true,
                OffsetDateTime.now(clock)));
        await().atMost(BOUND).until(() -> holder.history().getList("holds").size() == 1);

        ReminderRequested held = holder.reminder(Channel.SMS, "overdue-notice");
        KafkaTestClient.publish(held);
        assertThat(sent.await(held.reminderId(), DeliveryStatus.SUPPRESSED).reason()).startsWith("COMPLAINT_HOLD");

        KafkaTestClient.publish(new ComplaintResolved(complaint, holder.accountId(), ComplaintCategory.HARASSMENT, true,
                ComplaintOutcome.REJECTED, OffsetDateTime.now(clock)));
        await().atMost(BOUND).until(() -> holder.history().getString("holds[0].releasedAt") != null);
        ReminderRequested after = holder.reminder(Channel.SMS, "second-notice");
        KafkaTestClient.publish(after);
        sent.await(after.reminderId(), DeliveryStatus.SENT);
        assertThat(Peers.smsc().submitted()).filteredOn(s -> s.destination().equals(holder.phoneDigits())).hasSize(1);
    }

    @Test
    void underCnAgentsAndAgenciesConversationsCountWithTheAutomatedCallsTowardsThreeADay() {
        // Two cardholders for whom it is midday; one has spoken with agents twice today and with an agency once.
        OffsetDateTime nowUtc = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        ZoneOffset zone = ZoneOffset.ofHours(Math.floorMod(12 - nowUtc.getHour() + 12, 24) - 12);
        Cardholder talkedTo = Cardholder.create("en", zone.getId());
        Cardholder notYet = Cardholder.create("en", zone.getId());
        KafkaTestClient.publish(new AgencyActionReported("ACT-" + talkedTo.accountId(), "PLC-" + talkedTo.accountId(), "CASE-" + talkedTo.accountId(),
                talkedTo.accountId(), talkedTo.customerId(), "east-river", AgencyAction.CALL, AgencyOutcome.REFUSED_TO_PAY, true, null, null, "CNY",
                nowUtc.minusMinutes(30)));
        for (int call = 1; call <= 2; call++) {
            KafkaTestClient.publish(new AgentCallLogged("CALL-" + talkedTo.accountId() + "-" + call, "CASE-" + talkedTo.accountId(),
                    talkedTo.accountId(), talkedTo.customerId(), true, nowUtc.minusMinutes(10L * call)));
        }
        // An agent's unanswered call is no conversation, and another customer's calls are not this one's.
        KafkaTestClient.publish(new AgentCallLogged("CALL-" + notYet.accountId() + "-1", "CASE-" + notYet.accountId(),
                notYet.accountId(), notYet.customerId(), false, nowUtc.minusMinutes(5)));
        await().atMost(BOUND).until(() -> agentCallsOf(talkedTo) == 3 && agentCallsOf(notYet) == 1);
        ReminderRequested fourth = talkedTo.reminder(Channel.VOICE, "overdue-notice");
        ReminderRequested first = notYet.reminder(Channel.VOICE, "overdue-notice");
        KafkaTestClient.publish(fourth);
        KafkaTestClient.publish(first);

        await().atMost(BOUND).until(() -> {
            dispatcher.dispatchDue();
            return "DEFERRED".equals(talkedTo.history().getString("attempts[0].status"))
                    && !"PENDING".equals(notYet.history().getString("attempts[0].status"));
        });
        JsonPath held = talkedTo.history();
        assertThat(held.getString("attempts[0].decisions[0].rule")).isEqualTo("CONVERSATIONS");
        assertThat(held.getString("attempts[0].decisions[0].detail")).startsWith("3 answered calls with the debtor today");
        assertThat(notYet.history().getString("attempts[0].decisions[0].decision")).isEqualTo("SEND");
        assertThat(Peers.ivr().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/calls"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(fourth.reminderId())))).isEmpty();
    }

    @Test
    void theDailyCapCountsTheTextsHandedOverMomentsBeforeInTheSameDispatch() {
        OffsetDateTime nowUtc = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        ZoneOffset midday = ZoneOffset.ofHours(Math.floorMod(12 - nowUtc.getHour() + 12, 24) - 12);
        Cardholder holder = Cardholder.create("en", midday.getId());
        List<ReminderRequested> four = IntStream.range(0, 4).mapToObj(i -> holder.reminder(Channel.SMS, "overdue-notice")).toList();
        four.forEach(KafkaTestClient::publish);

        await().atMost(BOUND).until(() -> {
            dispatcher.dispatchDue();
            List<String> statuses = holder.history().getList("attempts.status", String.class);
            return statuses.size() == 4 && statuses.stream().noneMatch(s -> s.equals("PENDING") || s.equals("SENDING"));
        });
        JsonPath history = holder.history();
        assertThat(history.getList("attempts.findAll { it.status == 'DEFERRED' }.decisions[0].rule", String.class)).containsExactly("DAILY_CAP");
        assertThat(history.getString("attempts.find { it.status == 'DEFERRED' }.decisions[0].detail")).startsWith("3 attempts today");
        assertThat(Peers.smsc().submitted()).filteredOn(s -> s.destination().equals(holder.phoneDigits())).hasSize(3);
    }

    private int agentCallsOf(Cardholder holder) throws java.sql.SQLException {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("select count(*) from agent_call where customer_id = ?")) {
            statement.setString(1, holder.customerId());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void consentChangesNeedAReasonAndARoleAndAreKeptInTheHistory() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        String url = "/contacts/customers/" + holder.customerId() + "/consents/email";

        given().contentType("application/json").body(Map.of("granted", false, "reason", "x")).put(url).then().statusCode(401);
        as("auditor").contentType("application/json").body(Map.of("granted", false, "reason", "x")).put(url).then().statusCode(403);
        as("agent").contentType("application/json").body(Map.of("granted", false)).put(url).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", containsString("reason"));
        as("agent").contentType("application/json").body(Map.of("granted", false, "reason", "x"))
                .put("/contacts/customers/" + holder.customerId() + "/consents/fax").then().statusCode(400)
                .body("violations[0].field", equalTo("channel"));
        as("agent").contentType("application/json").body(Map.of("granted", false, "reason", "x"))
                .put("/contacts/customers/CUS-NOBODY/consents/email").then().statusCode(404);

        as("agent").contentType("application/json").body(Map.of("granted", false, "reason", "asked on the phone to stop emails"))
                .put(url).then().statusCode(200).body("consents.find { it.channel == 'EMAIL' }.granted", equalTo(false))
                .body("consentHistory[0].actor", equalTo("user-agent")).body("email", containsString("*"));

        ReminderRequested request = holder.reminder(Channel.EMAIL, "overdue-notice");
        KafkaTestClient.publish(request);
        assertThat(sent.await(request.reminderId(), DeliveryStatus.SUPPRESSED).reason()).startsWith("OPTED_OUT");
        as("complaints-officer").get("/contacts/accounts/" + holder.accountId()).then().statusCode(403);
    }

}
