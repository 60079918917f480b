package io.arrears.reminder.flow;

import io.arrears.events.AgentCallLogged;
import io.arrears.events.AccountPlaced;
import io.arrears.events.AccountRecalled;
import io.arrears.events.AgencyAction;
import io.arrears.events.AgencyActionReported;
import io.arrears.events.AgencyOutcome;
import io.arrears.events.CaseEscalated;
import io.arrears.events.RecallReason;
import io.arrears.events.Channel;
import io.arrears.events.ComplaintCategory;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintOutcome;
import io.arrears.events.ComplaintResolved;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.EscalationTarget;
import io.arrears.events.MissedReason;
import io.arrears.events.PaymentDueSoon;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.events.PlanAgreed;
import io.arrears.events.ReminderRequested;
import io.arrears.events.ReminderSent;
import io.arrears.events.SuppressionReason;
import io.arrears.events.Topics;
import io.arrears.messaging.Outcome;
import io.arrears.reminder.lifecycle.CaseLifecycle;
import io.arrears.reminder.lifecycle.StepFiring;
import io.arrears.reminder.schedule.PreDueReminders;
import io.arrears.reminder.schedule.ScheduledStep;
import io.arrears.reminder.schedule.StepRepository;
import io.arrears.reminder.schedule.StepStatus;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.clock.MovableClock;
import io.arrears.testing.TestTokens;
import io.arrears.testing.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The ladder end to end: events in through the real broker, ReminderRequested and CaseEscalated out
 * through the outbox. Days pass by moving the shared clock, never by waiting; tests only move it forward.
 */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "reminder"))
class ReminderFlowTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    MovableClock clock;
    @Inject
    StepFiring firing;
    @Inject
    MeterRegistry registry;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    CaseLifecycle lifecycle;
    @Inject
    PreDueReminders preDue;
    @Inject
    StepRepository steps;
    @Inject
    EntityManager entityManager;

    private TopicProbe requested;
    private String account;

    @BeforeEach
    void open() {
        requested = TopicProbe.open(Topics.REMINDER_REQUESTED);
        account = "ACC-" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        requested.close();
    }

    @Test
    void stepsLockedTogetherAreKnownToTheSessionAsLockedSoFindingOneLocksNothingAgain() {
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        List<String> ids = await().atMost(BOUND).until(() -> stepIds(account), found -> found.size() > 1);

        QuarkusTransaction.requiringNew().run(() -> {
            List<ScheduledStep> locked = steps.lockAll(ids);

            assertThat(locked).extracting(step -> step.id).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(locked).allSatisfy(step -> assertThat(entityManager.getLockMode(step)).isEqualTo(LockModeType.PESSIMISTIC_WRITE));
        });
    }

    @Test
    void aMissedPaymentStartsTheLadderAndAPaymentThatCuresStopsIt() {
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));

        List<ReminderRequested> dayOne = awaitRequests(2);
        assertThat(dayOne).extracting(ReminderRequested::channel).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL);
        assertThat(dayOne).allSatisfy(r -> {
            assertThat(r.templateId()).isEqualTo("overdue-notice");
            assertThat(r.customerId()).isEqualTo("CUS-" + account);
            assertThat(r.facts().amountOverdue()).isEqualTo(new BigDecimal("300.00"));
            assertThat(r.facts().currency()).isEqualTo("CNY");
            assertThat(r.facts().daysPastDue()).isEqualTo(1);
            assertThat(r.facts().customerId()).isNull();
        });
        String caseId = dayOne.get(0).caseId();

        daysLater(4);
        assertThat(awaitRequests(3)).extracting(ReminderRequested::channel).contains(Channel.VOICE);

        KafkaTestClient.publish(new PaymentReceived(account, "PAY-1", new BigDecimal("300.00"), BigDecimal.ZERO, "CNY", true));
        await().atMost(BOUND).until(() -> caseFile(caseId).getString("state").equals("CLOSED"));

        daysLater(30);
        firing.fireDue();
        JsonPath file = caseFile(caseId);
        assertThat(file.getString("closedReason")).isEqualTo("PAID");
        assertThat(file.getString("product")).isEqualTo("CLASSIC");
        assertThat(file.getList("steps.status", String.class)).doesNotContain("PENDING", "SUSPENDED").contains("CANCELLED");
        assertThat(requested.events(ReminderRequested.class, r -> r.accountId().equals(account))).hasSize(3);
    }

    /**
     * A day-one reminder due as its case opens is requested in the transaction that opens the case, so its step is
     * written once, REQUESTED, instead of PENDING and then again by the scheduler. PostgreSQL's xmin names the
     * transaction that wrote a row's current version: the case's and its requested steps' are the same. The clock
     * ticks as a real one does, so a due time compared with a moment read before it was given is found in the future.
     */
    @Test
    void aReminderDueAsItsCaseOpensIsRequestedInTheTransactionThatOpensTheCase() throws SQLException {
        List<ReminderRequested> dayOne;
        try (MovableClock.Ticking ticking = clock.ticking(Duration.ofNanos(1_000))) {
            KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
            dayOne = await().atMost(BOUND)
                    .until(() -> requested.events(ReminderRequested.class, r -> r.accountId().equals(account)), list -> list.size() >= 2);
        }

        Map<String, String> written = new TreeMap<>();
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("""
                     select s.channel, s.status, s.xmin::text = c.xmin::text from scheduled_step s join collection_case c on c.id = s.case_id
                     where s.account_id = ? and s.status <> 'PENDING'""")) {
            query.setString(1, account);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    written.put(rows.getString(1), rows.getString(2) + (rows.getBoolean(3) ? ", with the case" : ", later"));
                }
            }
        }
        assertThat(written).containsExactlyEntriesOf(new TreeMap<>(Map.of("EMAIL", "REQUESTED, with the case", "SMS", "REQUESTED, with the case")));
        JsonPath file = caseFile(dayOne.get(0).caseId());
        assertThat(file.getList("timeline.detail", String.class))
                .anySatisfy(detail -> assertThat(detail).startsWith("LADDER SMS overdue-notice requested as reminder"))
                .anySatisfy(detail -> assertThat(detail).startsWith("LADDER EMAIL"));
        // The requests are read off their steps, after the ladder they belong to, and kept in no timeline row.
        assertThat(file.getList("timeline.kind", String.class)).containsSubsequence("OPENED", "LADDER", "STEP", "STEP");
        assertThat(timelineRows(dayOne.get(0).caseId(), "STEP")).isZero();
    }

    @Test
    void aComplaintHoldsContactAndItsResolutionResumesWithoutABurst() {
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        String caseId = awaitRequests(2).get(0).caseId();

        KafkaTestClient.publish(new ComplaintOpened("CMP-" + account, account, ComplaintCategory.HARASSMENT, true, now()));
        await().atMost(BOUND).until(() -> caseFile(caseId).getString("state").equals("ON_HOLD"));

        daysLater(12);
        firing.fireDue();
        assertThat(requested.events(ReminderRequested.class, r -> r.accountId().equals(account))).hasSize(2);

        // Counted before the resolution: the scheduler may fire the agent call as soon as the case is OPEN again.
        // Other tests' cases share the counter, so it must have grown by at least this case's call.
        double agentCallsBefore = agentCallsFired();
        KafkaTestClient.publish(new ComplaintResolved("CMP-" + account, account, ComplaintCategory.HARASSMENT, true,
                ComplaintOutcome.REJECTED, now()));
        await().atMost(BOUND).until(() -> caseFile(caseId).getString("state").equals("OPEN"));
        firing.fireDue();

        JsonPath file = caseFile(caseId);
        assertThat(stepStatus(file, "VOICE")).isEqualTo("SKIPPED");
        assertThat(stepStatus(file, "AGENT_CALL")).isEqualTo("DONE");
        assertThat(agentCallsFired()).isGreaterThanOrEqualTo(agentCallsBefore + 1);
        assertThat(file.getString("needsAgentSince")).isNotNull();
        assertThat(requested.events(ReminderRequested.class, r -> r.accountId().equals(account))).hasSize(2);
    }

    @Test
    void anAgreedPlanStopsTheLadderAndABrokenOneResumesItAtTheBucketsStep() {
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        String caseId = awaitRequests(2).get(0).caseId();

        try (TopicProbe agreed = TopicProbe.open(Topics.PLAN_AGREED)) {
            given().header("Authorization", TestTokens.bearer("agent-7", "agent")).contentType("application/json")
                    .body(Map.of("type", "INSTALMENTS", "amount", "300.00", "instalments", 3))
                    .post("/cases/" + caseId + "/plans").then().statusCode(201);
            PlanAgreed plan = agreed.awaitEvents(PlanAgreed.class, p -> p.accountId().equals(account), 1, BOUND).get(0);
            assertThat(plan.instalments()).extracting(i -> i.amount().toPlainString()).containsExactly("100.00", "100.00", "100.00");
            assertThat(plan.agreedBy()).isEqualTo("agent-7");
            assertThat(plan.caseId()).isEqualTo(caseId);

            JsonPath file = caseFile(caseId);
            assertThat(file.getString("state")).isEqualTo("IN_PLAN");
            assertThat(stepStatus(file, "VOICE")).isEqualTo("CANCELLED");

            daysLater(28);
            ReminderRequested instalmentReminder = awaitRequests(3).get(2);
            assertThat(instalmentReminder.templateId()).isEqualTo("plan-instalment-reminder");
            assertThat(instalmentReminder.facts().instalmentNumber()).isEqualTo(1);
            assertThat(instalmentReminder.facts().instalmentAmount()).isEqualTo(new BigDecimal("100.00"));
            assertThat(instalmentReminder.facts().instalmentDueDate()).isEqualTo(plan.instalments().get(0).dueDate());

            daysLater(7);
            KafkaTestClient.publish(missed(30, "30-59", MissedReason.PLAN_INSTALMENT_MISSED, plan.planId()));
        }
        ReminderRequested letter = awaitRequests(4).get(3);
        assertThat(letter.channel()).isEqualTo(Channel.LETTER);
        assertThat(letter.templateId()).isEqualTo("formal-letter");
        JsonPath file = caseFile(caseId);
        assertThat(file.getString("state")).isEqualTo("OPEN");
        assertThat(file.getInt("brokenPlans")).isEqualTo(1);
        assertThat(file.getList("plans.status", String.class)).containsExactly("BROKEN");
    }

    @Test
    void aPromiseSuspendsTheLadderAndOneNotKeptByItsDateResumesIt() {
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        String caseId = awaitRequests(2).get(0).caseId();
        try (TopicProbe calls = TopicProbe.open(Topics.AGENT_CALL_LOGGED)) {
            given().header("Authorization", TestTokens.bearer("agent-3", "agent")).contentType("application/json")
                    .body(Map.of("outcome", "NO_ANSWER")).post("/cases/" + caseId + "/contacts").then().statusCode(201);
            given().header("Authorization", TestTokens.bearer("agent-3", "agent")).contentType("application/json")
                    .body(Map.of("outcome", "PROMISE_TO_PAY", "promisedAmount", "300.00", "promisedDate", today().plusDays(3).toString()))
                    .post("/cases/" + caseId + "/contacts").then().statusCode(201).body("state", equalTo("PROMISED"));
            // Both calls go to contact-channel, whose call rules count an agent's conversations with the automated ones.
            List<AgentCallLogged> logged = calls.awaitEvents(AgentCallLogged.class, c -> c.accountId().equals(account), 2, BOUND);
            assertThat(logged).extracting(AgentCallLogged::conversation).containsExactly(false, true);
            assertThat(logged).allSatisfy(c -> {
                assertThat(c.caseId()).isEqualTo(caseId);
                assertThat(c.customerId()).isEqualTo("CUS-" + account);
            });
            assertThat(logged).extracting(AgentCallLogged::callId).doesNotHaveDuplicates();
        }

        KafkaTestClient.publish(new PaymentReceived(account, "PAY-PART", new BigDecimal("100.00"), new BigDecimal("200.00"), "CNY", false));
        await().atMost(BOUND).until(() -> "100.00".equals(caseFile(caseId).getString("promises[0].paid")));

        daysLater(2);
        ReminderRequested promiseReminder = awaitRequests(3).get(2);
        assertThat(promiseReminder.templateId()).isEqualTo("promise-reminder");
        assertThat(promiseReminder.facts().promisedAmount()).isEqualTo(new BigDecimal("300.00"));
        assertThat(promiseReminder.facts().promisedDate()).isEqualTo(today().plusDays(1));
        assertThat(caseFile(caseId).getString("state")).isEqualTo("PROMISED");

        daysLater(2);
        ReminderRequested resumed = awaitRequests(4).get(3);
        assertThat(resumed.channel()).isEqualTo(Channel.VOICE);
        assertThat(resumed.templateId()).isEqualTo("overdue-call");
        JsonPath file = caseFile(caseId);
        assertThat(file.getString("state")).isEqualTo("OPEN");
        assertThat(file.getInt("brokenPromises")).isEqualTo(1);
        assertThat(file.getList("promises.status", String.class)).containsExactly("BROKEN");
        assertThat(file.getList("steps.findAll { it.kind == 'PROMISE_CHECK' }.reason", String.class)).containsExactly("promise BROKEN");
    }

    @Test
    void aFailedPreDueSmsFallsBackToEmailAndNeverToTheSameChannelTwice() {
        KafkaTestClient.publish(new PaymentDueSoon(account, "CUS-" + account, "ST-" + account, today().plusDays(3),
                new BigDecimal("120.00"), new BigDecimal("120.00"), "CNY", "7788"));
        ReminderRequested sms = awaitRequests(1).get(0);
        assertThat(sms.channel()).isEqualTo(Channel.SMS);
        assertThat(sms.templateId()).isEqualTo("pre-due-reminder");
        assertThat(sms.caseId()).isEqualTo("DUE-ST-" + account);
        assertThat(sms.facts().minimumDue()).isEqualTo(new BigDecimal("120.00"));
        assertThat(sms.facts().cardLast4()).isEqualTo("7788");

        KafkaTestClient.publish(sent(sms, DeliveryStatus.FAILED, "gateway rejected the number"));
        ReminderRequested email = awaitRequests(2).get(1);
        assertThat(email.channel()).isEqualTo(Channel.EMAIL);
        assertThat(email.templateId()).isEqualTo("pre-due-reminder");
        assertThat(email.facts()).isEqualTo(sms.facts());

        KafkaTestClient.publish(sent(email, DeliveryStatus.SUPPRESSED, SuppressionReason.NO_CONTACT_POINT.reason("no email address")));
        ReminderRequested letter = awaitRequests(3).get(2);
        assertThat(letter.channel()).isEqualTo(Channel.LETTER);

        KafkaTestClient.publish(sent(letter, DeliveryStatus.FAILED, "returned to sender"));
        KafkaTestClient.publish(new PaymentDueSoon(account, "CUS-" + account, "ST-" + account, today().plusDays(3),
                new BigDecimal("120.00"), new BigDecimal("120.00"), "CNY", "7788"));
        String marker = "ACC-" + UUID.randomUUID();
        KafkaTestClient.publish(new PaymentDueSoon(marker, "CUS-" + marker, "ST-" + marker, today().plusDays(3),
                new BigDecimal("1.00"), new BigDecimal("1.00"), "CNY", null));
        requested.awaitEvents(ReminderRequested.class, r -> r.accountId().equals(marker), 1, BOUND);
        firing.fireDue();
        assertThat(requested.events(ReminderRequested.class, r -> r.accountId().equals(account))).hasSize(3);
    }

    @Test
    void duplicatedEventsChangeNothing() {
        double refusedBefore = outcomes("reminder.reminder-sent", "dead-lettered");
        PaymentMissed first = missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null);
        String ceId = KafkaTestClient.publish(first);
        KafkaTestClient.publish(first, ceId);
        KafkaTestClient.publish(missed(2, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        List<ReminderRequested> dayOne = awaitRequests(2);
        ReminderRequested sms = dayOne.stream().filter(r -> r.channel() == Channel.SMS).findFirst().orElseThrow();
        ReminderRequested email = dayOne.stream().filter(r -> r.channel() == Channel.EMAIL).findFirst().orElseThrow();
        ReminderSent delivered = sent(sms, DeliveryStatus.DELIVERED, null);
        String sentId = KafkaTestClient.publish(delivered);
        KafkaTestClient.publish(delivered, sentId);
        KafkaTestClient.publish(sent(sms, DeliveryStatus.SENT, null));
        await().atMost(BOUND).until(() -> caseFile(sms.caseId()).getList("contacts").size() == 2);

        // Read again long after the first copy was applied (no inbox remembers outcomes), then the email's
        // outcome behind it on the same account's partition: once that is in, the copy has been read.
        KafkaTestClient.publish(delivered, sentId);
        KafkaTestClient.publish(sent(email, DeliveryStatus.SENT, null));
        await().atMost(BOUND).until(() -> caseFile(sms.caseId()).getList("contacts").size() >= 3);
        firing.fireDue();
        JsonPath file = caseFile(sms.caseId());
        assertThat(given().header("Authorization", TestTokens.bearer("sup-1", "supervisor"))
                .queryParam("needsAgent", false).queryParam("accountId", account)
                .get("/cases").then().statusCode(200).extract().jsonPath().getInt("total")).isEqualTo(1);
        assertThat(file.getList("steps.findAll { it.channel == 'SMS' && it.ladderDay == 1 }.status", String.class))
                .containsExactly("DELIVERED");
        assertThat(requested.events(ReminderRequested.class, r -> r.accountId().equals(account))).hasSize(2);
        // Routine outcomes are the case's contact history; the timeline does not repeat them.
        assertThat(file.getList("contacts.findAll { it.reminderId == '" + sms.reminderId() + "' }.status", String.class))
                .containsExactlyInAnyOrder("DELIVERED", "SENT");
        assertThat(file.getList("contacts.status", String.class)).hasSize(3);
        // Taken as already known, not refused as a clash with the record kept the first time.
        assertThat(outcomes("reminder.reminder-sent", "dead-lettered")).isEqualTo(refusedBefore);
        assertThat(file.getList("timeline.findAll { it.kind == 'CONTACT' }")).isEmpty();
    }

    @Test
    void outcomesReadTogetherMoveEachStepInTheOrderTheyCameAndKeepTheProvidersWord() {
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        List<ReminderRequested> dayOne = awaitRequests(2);
        ReminderRequested sms = dayOne.stream().filter(r -> r.channel() == Channel.SMS).findFirst().orElseThrow();
        ReminderRequested email = dayOne.stream().filter(r -> r.channel() == Channel.EMAIL).findFirst().orElseThrow();
        OffsetDateTime deliveredAt = now().plusSeconds(40).truncatedTo(ChronoUnit.MICROS);
        KafkaTestClient.publishAll(List.of(
                sent(sms, DeliveryStatus.SENT, null),
                new ReminderSent(sms.reminderId(), sms.caseId(), sms.accountId(), Channel.SMS, DeliveryStatus.DELIVERED, "DELIVRD",
                        "MSG-" + sms.reminderId(), deliveredAt),
                // A slow provider's SENT behind its DELIVERED: recorded in the history, never undoing the delivery.
                sent(email, DeliveryStatus.DELIVERED, null),
                sent(email, DeliveryStatus.SENT, "late")));

        await().atMost(BOUND).until(() -> caseFile(sms.caseId()).getList("contacts").size() == 4);
        QuarkusTransaction.requiringNew().run(() -> {
            ScheduledStep text = steps.findById(sms.reminderId());
            assertThat(text.status).isEqualTo(StepStatus.DELIVERED);
            assertThat(text.statusReason).isEqualTo("DELIVRD");
            assertThat(text.providerMessageId).isEqualTo("MSG-" + sms.reminderId());
            assertThat(text.outcomeAt).isAtSameInstantAs(deliveredAt);
            ScheduledStep mail = steps.findById(email.reminderId());
            assertThat(mail.status).isEqualTo(StepStatus.DELIVERED);
            assertThat(mail.statusReason).isNull();
        });
        assertThat(caseFile(sms.caseId()).getList("contacts.findAll { it.reminderId == '" + email.reminderId() + "' }.status", String.class))
                .containsExactlyInAnyOrder("DELIVERED", "SENT");
    }

    @Test
    void aReceiptsOutcomeCarryingItsSendMovesTheStepOnceAndKeepsBothInTheContactHistory() {
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        List<ReminderRequested> dayOne = awaitRequests(2);
        ReminderRequested sms = dayOne.stream().filter(r -> r.channel() == Channel.SMS).findFirst().orElseThrow();
        OffsetDateTime sentAt = now().plusSeconds(5).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime deliveredAt = sentAt.plusSeconds(3);
        ReminderSent delivered = new ReminderSent(sms.reminderId(), sms.caseId(), sms.accountId(), Channel.SMS, DeliveryStatus.DELIVERED,
                "DELIVRD", "MSG-" + sms.reminderId(), deliveredAt, sentAt);
        KafkaTestClient.publish(delivered);

        JsonPath file = await().atMost(BOUND).until(() -> caseFile(sms.caseId()), f -> f.getList("contacts").size() == 2);
        assertThat(file.getList("contacts.status", String.class)).containsExactly("SENT", "DELIVERED");
        assertThat(OffsetDateTime.parse(file.getString("contacts[0].at"))).isAtSameInstantAs(sentAt);
        assertThat(OffsetDateTime.parse(file.getString("contacts[1].at"))).isAtSameInstantAs(deliveredAt);
        QuarkusTransaction.requiringNew().run(() -> {
            ScheduledStep text = steps.findById(sms.reminderId());
            assertThat(text.status).isEqualTo(StepStatus.DELIVERED);
            assertThat(text.outcomeAt).isAtSameInstantAs(deliveredAt);
            // The step says both; no other row repeats them.
            assertThat(text.sentAt).isAtSameInstantAs(sentAt);
            assertThat(contactRecords(sms.reminderId())).isEmpty();
        });

        // The same send told alone as well (its receipt was late for one replica, not for the other): nothing new.
        KafkaTestClient.publish(new ReminderSent(sms.reminderId(), sms.caseId(), sms.accountId(), Channel.SMS, DeliveryStatus.SENT, null,
                "MSG-" + sms.reminderId(), sentAt));
        KafkaTestClient.publish(delivered);
        ReminderRequested email = dayOne.stream().filter(r -> r.channel() == Channel.EMAIL).findFirst().orElseThrow();
        KafkaTestClient.publish(sent(email, DeliveryStatus.SENT, null));
        await().atMost(BOUND).until(() -> caseFile(sms.caseId()).getList("contacts").size() == 3);
        assertThat(caseFile(sms.caseId()).getList("contacts.findAll { it.reminderId == '" + sms.reminderId() + "' }.status", String.class))
                .containsExactly("SENT", "DELIVERED");
        QuarkusTransaction.requiringNew().run(() -> assertThat(steps.findById(sms.reminderId()).status).isEqualTo(StepStatus.DELIVERED));
    }

    @Test
    void anOutcomeACollectorMustActOnIsOnTheTimelineAsWellAsInTheContactHistory() {
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        List<ReminderRequested> dayOne = awaitRequests(2);
        ReminderRequested sms = dayOne.stream().filter(r -> r.channel() == Channel.SMS).findFirst().orElseThrow();
        ReminderRequested email = dayOne.stream().filter(r -> r.channel() == Channel.EMAIL).findFirst().orElseThrow();
        KafkaTestClient.publish(sent(email, DeliveryStatus.SENT, null));
        KafkaTestClient.publish(sent(sms, DeliveryStatus.UNKNOWN, "the SMS centre did not answer the submit"));

        JsonPath file = await().atMost(BOUND).until(() -> caseFile(sms.caseId()), f -> f.getList("contacts").size() == 2);
        assertThat(file.getList("timeline.findAll { it.kind == 'CONTACT' }.detail", String.class))
                .containsExactly("SMS reminder " + sms.reminderId() + ": UNKNOWN (the SMS centre did not answer the submit)");
        // The email's send is on its step; the UNKNOWN, which the step moves on from once the receipt comes, is kept as told.
        assertThat(file.getList("contacts.status", String.class)).containsExactlyInAnyOrder("SENT", "UNKNOWN");
        assertThat(contactRecords(email.reminderId())).isEmpty();
        assertThat(contactRecords(sms.reminderId())).containsExactly("UNKNOWN");
    }

    @Test
    void aPaymentThatOvertakesThePaymentMissedBeforeItStillMeansNoContact() {
        OffsetDateTime missedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
        double payments = applied("reminder.payment-received");
        KafkaTestClient.publishAt(new PaymentReceived(account, "PAY-EARLY-" + account, new BigDecimal("300.00"), BigDecimal.ZERO, "CNY", true),
                missedAt.plusMinutes(5));
        await().atMost(BOUND).until(() -> applied("reminder.payment-received") > payments);
        KafkaTestClient.publishAt(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null), missedAt);

        JsonPath file = await().atMost(BOUND).until(() -> caseOf(account), f -> f != null && f.getString("state").equals("CLOSED"));
        firing.fireDue();
        assertThat(file.getString("closedReason")).isEqualTo("PAID");
        assertThat(file.getList("steps.status", String.class)).doesNotContain("PENDING", "SENT", "DELIVERED");
        assertThat(requested.events(ReminderRequested.class, r -> r.accountId().equals(account))).isEmpty();
    }

    @Test
    void aPaymentFromAnEarlierEpisodeDoesNotCloseANewCase() {
        OffsetDateTime missedAt = OffsetDateTime.now(ZoneOffset.UTC);
        double payments = applied("reminder.payment-received");
        KafkaTestClient.publishAt(new PaymentReceived(account, "PAY-OLD-" + account, new BigDecimal("300.00"), BigDecimal.ZERO, "CNY", true),
                missedAt.minusDays(20));
        await().atMost(BOUND).until(() -> applied("reminder.payment-received") > payments);
        KafkaTestClient.publishAt(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null), missedAt);

        assertThat(awaitRequests(2)).extracting(ReminderRequested::templateId).containsOnly("overdue-notice");
        assertThat(caseOf(account).getString("state")).isNotEqualTo("CLOSED");
    }

    @Test
    void aCaseOpenedWhileAComplaintHoldsContactLinesUpItsLadderSuspendedAndSendsNothing() {
        double holds = applied("reminder.complaint-opened");
        KafkaTestClient.publish(new ComplaintOpened("CMP-" + account, account, ComplaintCategory.HARASSMENT, true, now()));
        await().atMost(BOUND).until(() -> applied("reminder.complaint-opened") > holds);

        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        JsonPath opened = await().atMost(BOUND).until(() -> caseOf(account), f -> f != null);
        firing.fireDue();

        JsonPath file = caseFile(opened.getString("id"));
        assertThat(file.getString("state")).isEqualTo("ON_HOLD");
        assertThat(stepStatus(file, "SMS")).isEqualTo("SUSPENDED");
        assertThat(stepStatus(file, "EMAIL")).isEqualTo("SUSPENDED");
        assertThat(requested.events(ReminderRequested.class, r -> r.accountId().equals(account))).isEmpty();
    }

    @Test
    void aCaseOpenedInATransactionIsFoundByTheNextPaymentMissedOfItsAccountThere() {
        // The intake reads a transaction's accounts ahead (no open case, no hold, no kept payment); what the
        // first event opens, the second must find, or the account would have two cases.
        PaymentMissed first = missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null);
        PaymentMissed later = missed(31, "30-59", MissedReason.MINIMUM_NOT_PAID, null);
        QuarkusTransaction.requiringNew().run(() -> {
            lifecycle.beforePaymentsMissed(List.of(first, later));
            assertThat(lifecycle.paymentMissed(first, now())).isEqualTo(Outcome.applied());
            assertThat(lifecycle.paymentMissed(later, now())).isEqualTo(Outcome.applied());
        });

        JsonPath cases = given().header("Authorization", TestTokens.bearer("sup-1", "supervisor"))
                .queryParam("needsAgent", false).queryParam("accountId", account)
                .get("/cases").then().statusCode(200).extract().jsonPath();
        assertThat(cases.getList("items.id")).hasSize(1);
        assertThat(cases.getString("items[0].bucket")).isEqualTo("30-59");
    }

    @Test
    void aDueSoonAnnouncedTwiceInOneTransactionMakesItsRemindersOnce() {
        PaymentDueSoon due = new PaymentDueSoon(account, "CUS-" + account, "ST-" + account, today().plusDays(3),
                new BigDecimal("120.00"), new BigDecimal("120.00"), "CNY", "7788");
        QuarkusTransaction.requiringNew().run(() -> {
            preDue.beforeDueSoon(List.of(due, due));
            preDue.dueSoon(due);
            preDue.dueSoon(due);
        });

        assertThat(awaitRequests(1)).extracting(ReminderRequested::channel).containsExactly(Channel.SMS);
    }

    /**
     * A pre-due reminder is due as it is announced: it is requested in the announcement's transaction, its step
     * written once (the xmin that wrote it then is the one it has after the scheduler's poll), never PENDING.
     */
    @Test
    void aPreDueReminderIsRequestedInTheTransactionThatAnnouncesIt() throws SQLException {
        PaymentDueSoon due = new PaymentDueSoon(account, "CUS-" + account, "ST-" + account, today().plusDays(3),
                new BigDecimal("120.00"), new BigDecimal("120.00"), "CNY", "7788");
        String writtenBy = QuarkusTransaction.requiringNew().call(() -> {
            preDue.beforeDueSoon(List.of(due));
            preDue.dueSoon(due);
            entityManager.flush();
            return (String) entityManager.createNativeQuery("select xmin::text from scheduled_step where account_id = :account")
                    .setParameter("account", account).getSingleResult();
        });

        assertThat(awaitRequests(1)).extracting(ReminderRequested::templateId).containsExactly("pre-due-reminder");
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("select status, xmin::text from scheduled_step where account_id = ?")) {
            query.setString(1, account);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("REQUESTED");
                assertThat(rows.getString(2)).as("written once, by the announcement's transaction").isEqualTo(writtenBy);
                assertThat(rows.next()).isFalse();
            }
        }
    }

    /**
     * A case opened by a PaymentMissed is inserted as it stands once its state and ladder are set, never inserted and
     * then updated in the same flush; its steps too are inserted once. PostgreSQL counts a connection's writes per
     * table (pg_stat_xact_user_tables) until it reports them, which may be after later transactions on a pooled
     * connection: the counts are read before and after the event, in its transaction, and compared.
     */
    @Test
    void aCaseOpenedByAPaymentMissedIsInsertedOnceAndNotUpdated() {
        PaymentMissed first = missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null);
        Map<String, String> written = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, long[]> before = writesSoFar();
            lifecycle.beforePaymentsMissed(List.of(first));
            lifecycle.paymentMissed(first, now());
            entityManager.flush();
            Map<String, long[]> after = writesSoFar();
            Map<String, String> counts = new TreeMap<>();
            for (String table : List.of("collection_case", "scheduled_step")) {
                long[] was = before.getOrDefault(table, new long[2]);
                long[] is = after.getOrDefault(table, new long[2]);
                counts.put(table, (is[0] - was[0]) + " inserted, " + (is[1] - was[1]) + " updated");
            }
            return counts;
        });

        long ladder = QuarkusTransaction.requiringNew().call(() -> steps.count("accountId", account));
        assertThat(ladder).isPositive();
        assertThat(written).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "collection_case", "1 inserted, 0 updated",
                "scheduled_step", ladder + " inserted, 0 updated")));
        assertThat(awaitRequests(2)).extracting(ReminderRequested::channel).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL);
    }

    /** Rows inserted and updated per table by this connection and not yet reported, this transaction's among them. */
    private Map<String, long[]> writesSoFar() {
        Map<String, long[]> counts = new TreeMap<>();
        for (Object row : entityManager.createNativeQuery("""
                        select relname, n_tup_ins, n_tup_upd from pg_stat_xact_user_tables
                        where relname in ('collection_case', 'scheduled_step')""").getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put((String) columns[0], new long[] {((Number) columns[1]).longValue(), ((Number) columns[2]).longValue()});
        }
        return counts;
    }

    @Test
    void aComplaintResolvedBeforeItsOpeningArrivesHoldsNothing() {
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        String caseId = awaitRequests(2).get(0).caseId();

        double resolutions = applied("reminder.complaint-resolved");
        KafkaTestClient.publish(new ComplaintResolved("CMP-" + account, account, ComplaintCategory.HARASSMENT, true,
                ComplaintOutcome.UPHELD, now()));
        await().atMost(BOUND).until(() -> applied("reminder.complaint-resolved") > resolutions);
        KafkaTestClient.publish(new ComplaintOpened("CMP-" + account, account, ComplaintCategory.HARASSMENT, true, now().minusHours(1)));
        await().atMost(BOUND).until(() -> caseFile(caseId).getList("timeline.detail", String.class).stream()
                .anyMatch(d -> d.contains("arrived after its resolution")));

        assertThat(caseFile(caseId).getString("state")).isNotEqualTo("ON_HOLD");
        daysLater(4);
        assertThat(awaitRequests(3)).extracting(ReminderRequested::channel).contains(Channel.VOICE);
    }

    @Test
    void aDueSoonReminderReadAfterTheStatementWentPastDueIsNeverSent() {
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        awaitRequests(2);
        double dueSoon = applied("reminder.payment-due-soon");
        KafkaTestClient.publish(new PaymentDueSoon(account, "CUS-" + account, "ST-" + account, today().minusDays(4),
                new BigDecimal("300.00"), new BigDecimal("300.00"), "CNY", "7788"));
        await().atMost(BOUND).until(() -> applied("reminder.payment-due-soon") > dueSoon);

        firing.fireDue();

        assertThat(requested.events(ReminderRequested.class, r -> r.accountId().equals(account)))
                .extracting(ReminderRequested::templateId).doesNotContain("pre-due-reminder").hasSize(2);
    }

    @Test
    void aStepThatCannotFireIsParkedWithItsReasonAndTheStepsBehindItStillFire() throws Exception {
        String other = "ACC-" + UUID.randomUUID();
        KafkaTestClient.publish(missed(1, "1-29", MissedReason.MINIMUM_NOT_PAID, null));
        KafkaTestClient.publish(missedBy(other));
        awaitRequests(2);
        await().atMost(BOUND).until(() -> requested.events(ReminderRequested.class, r -> r.accountId().equals(other)).size() >= 2);
        // A release after this one wrote a channel this one does not know, on the day-5 step due first.
        try (Connection db = dataSource.getConnection()) {
            int changed = db.createStatement().executeUpdate("update scheduled_step set channel = 'PIGEON', due_at = due_at - interval '1 minute' "
                    + "where account_id = '" + account + "' and status = 'PENDING' and ladder_day = 5");
            assertThat(changed).isEqualTo(1);
        }

        daysLater(4);
        firing.fireDue();

        await().atMost(BOUND).until(() -> requested.events(ReminderRequested.class, r -> r.accountId().equals(other)
                && r.channel() == Channel.VOICE).size() == 1);
        try (Connection db = dataSource.getConnection();
             var rs = db.createStatement().executeQuery("select status, status_reason from scheduled_step where account_id = '"
                     + account + "' and ladder_day = 5")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("PARKED");
            assertThat(rs.getString(2)).startsWith("could not fire:").contains("PIGEON");
        }
        assertThat(registry.find("arrears.reminder.steps.parked").counter().count()).isPositive();
    }

    @Test
    void sixtyDaysPastDuePlacesTheCaseWithAnAgency() {
        try (TopicProbe escalated = TopicProbe.open(Topics.CASE_ESCALATED)) {
            KafkaTestClient.publish(missed(60, "60-89", MissedReason.MINIMUM_NOT_PAID, null));

            CaseEscalated placement = escalated.awaitEvents(CaseEscalated.class, e -> e.accountId().equals(account), 1, BOUND).get(0);
            assertThat(placement.target()).isEqualTo(EscalationTarget.AGENCY);
            assertThat(placement.daysPastDue()).isEqualTo(60);
            assertThat(placement.reason()).contains("ladder day 60");
            assertThat(awaitRequests(1)).extracting(ReminderRequested::templateId).containsExactly("formal-letter");
            await().atMost(BOUND).until(() -> caseFile(placement.caseId()).getString("state").equals("ESCALATED_AGENCY"));

            // The agency's work shows on the case's timeline.
            OffsetDateTime at = now();
            KafkaTestClient.publish(new AccountPlaced("PLC-" + account, placement.caseId(), account, "east-river", "60-89", 60,
                    new BigDecimal("300.00"), "CNY", "ONLY", at, at.plusDays(90)));
            KafkaTestClient.publish(new AgencyActionReported("ACT-" + account, "PLC-" + account, placement.caseId(), account, "CUS-" + account,
                    "east-river", AgencyAction.CALL, AgencyOutcome.PROMISE_TO_PAY, true, new BigDecimal("100.00"), today().plusDays(5), "CNY", at));
            KafkaTestClient.publish(new AccountRecalled("PLC-" + account, placement.caseId(), account, "east-river", RecallReason.CURED,
                    "payment PAY-1 cleared the arrears", at));
            await().atMost(BOUND).until(() -> caseFile(placement.caseId()).getList("timeline.findAll { it.kind == 'AGENCY' }").size() == 3);
            assertThat(caseFile(placement.caseId()).getList("timeline.findAll { it.kind == 'AGENCY' }.detail", String.class))
                    .anySatisfy(d -> assertThat(d).startsWith("placed with agency east-river (only) until"))
                    .anySatisfy(d -> assertThat(d).isEqualTo("agency east-river: CALL, PROMISE_TO_PAY of 100.00 CNY by " + today().plusDays(5)))
                    .anySatisfy(d -> assertThat(d).isEqualTo("recalled from agency east-river: CURED (payment PAY-1 cleared the arrears)"));
        }
    }

    private PaymentMissed missedBy(String accountId) {
        return new PaymentMissed(accountId, "CUS-" + accountId, "ST-" + accountId, today().minusDays(4),
                new BigDecimal("300.00"), new BigDecimal("300.00"), new BigDecimal("3000.00"), "CNY", 1, "1-29",
                MissedReason.MINIMUM_NOT_PAID, null, "CLASSIC", null);
    }

    private List<String> stepIds(String accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select id from scheduled_step where account_id = ?")) {
            query.setString(1, accountId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private PaymentMissed missed(int daysPastDue, String bucket, MissedReason reason, String planId) {
        return new PaymentMissed(account, "CUS-" + account, "ST-" + account, today().minusDays(daysPastDue + 3L),
                new BigDecimal("300.00"), new BigDecimal("300.00"), new BigDecimal("3000.00"), "CNY", daysPastDue, bucket, reason, planId, "CLASSIC", "7788");
    }

    private ReminderSent sent(ReminderRequested request, DeliveryStatus status, String reason) {
        return new ReminderSent(request.reminderId(), request.caseId(), request.accountId(), request.channel(), status, reason,
                "MSG-" + request.reminderId(), now());
    }

    private List<ReminderRequested> awaitRequests(int count) {
        firing.fireDue();
        return await().atMost(BOUND).until(() -> {
            firing.fireDue();
            return requested.events(ReminderRequested.class, r -> r.accountId().equals(account));
        }, list -> list.size() >= count);
    }

    /** The account's newest case, open or closed, or null while it has none. */
    private static JsonPath caseOf(String accountId) {
        JsonPath list = given().header("Authorization", TestTokens.bearer("sup-1", "supervisor"))
                .queryParam("needsAgent", false).queryParam("accountId", accountId)
                .get("/cases").then().statusCode(200).extract().jsonPath();
        String id = list.getString("items[0].id");
        return id == null ? null : caseFile(id);
    }

    /** Events the consumer has applied so far: waiting for it to grow waits for one event to be consumed. */
    private double applied(String consumer) {
        return outcomes(consumer, "applied");
    }

    private double outcomes(String consumer, String outcome) {
        return registry.find("arrears.inbox.events").tag("consumer", consumer).tag("outcome", outcome)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static JsonPath caseFile(String caseId) {
        return given().header("Authorization", TestTokens.bearer("agent-1", "agent"))
                .get("/cases/" + caseId).then().statusCode(200).extract().jsonPath();
    }

    private static String stepStatus(JsonPath file, String channel) {
        return file.getString("steps.find { it.channel == '" + channel + "' }.status");
    }

    private void daysLater(int days) {
        clock.advance(Duration.ofDays(days));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private double agentCallsFired() {
        return registry.find("arrears.reminder.steps.fired").tag("channel", "AGENT_CALL").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private long timelineRows(String caseId, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from case_timeline where case_id = ?1 and kind = ?2")
                .setParameter(1, caseId).setParameter(2, kind).getSingleResult()).longValue());
    }

    /** The statuses kept for a reminder in the contact records, beside its step. */
    @SuppressWarnings("unchecked")
    private List<String> contactRecords(String reminderId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select status from contact_record where step_id = ?1 order by status")
                .setParameter(1, reminderId).getResultList());
    }
}
