package io.arrears.agency.flow;

import io.arrears.agency.placement.PlacementPeriods;
import io.arrears.agency.records.BankRecords;
import io.arrears.clock.MovableClock;
import io.arrears.events.AccountPlaced;
import io.arrears.events.AccountRecalled;
import io.arrears.events.AgencyActionReported;
import io.arrears.events.AgencyOutcome;
import io.arrears.events.CaseEscalated;
import io.arrears.events.ComplaintCategory;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.EscalationTarget;
import io.arrears.events.MissedReason;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.events.PlanAgreed;
import io.arrears.events.PlanType;
import io.arrears.events.RecallReason;
import io.arrears.events.Topics;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.TestTokens;
import io.arrears.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "agency"))
class AgencyFlowTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String EAST = "east-river";
    private static final String NORTH = "north-star";

    @Inject
    MovableClock clock;
    @Inject
    BankRecords records;
    @Inject
    PlacementPeriods periods;

    private String account;
    private String customer;
    private String phone;
    private List<CustomerUpdated.Consent> consents;

    /** A new cardholder for each test; the clock only moves forward, so each test starts where the last one left it. */
    @BeforeEach
    void cardholder() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        account = "ACC-" + id;
        customer = "CUS-" + id;
        consents = List.of();
        phone = "+86 138 " + (10_000_000 + Math.abs(id.hashCode() % 89_999_999));
    }

    @Test
    void anEscalatedAccountGoesToTheAgencyServingItsRegionAndNoOtherAgencyCanSeeOrTouchIt() {
        try (TopicProbe placed = TopicProbe.open(Topics.ACCOUNT_PLACED)) {
            String caseId = escalate("JS", "1200.00");
            var record = placed.awaitRecords(r -> account.equals(r.key()), BOUND).get(0);
            AccountPlaced event = placed.awaitEvents(AccountPlaced.class, e -> e.accountId().equals(account), 1, BOUND).get(0);
            assertThat(event.agencyId()).isEqualTo(EAST);
            assertThat(event.caseId()).isEqualTo(caseId);
            assertThat(event.arm()).isEqualTo("ONLY");
            assertThat(event.bucket()).isEqualTo("60-89");
            String body = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(body).doesNotContain("Wang Fang").doesNotContain(phone.replace(" ", "")).doesNotContain("Nanjing");

            JsonPath own = agency(EAST).get("/agency/placements/" + event.placementId()).then().statusCode(200).extract().jsonPath();
            assertThat(own.getString("cardholder.name")).isEqualTo("Wang Fang");
            assertThat(own.getList("cardholder.phones")).containsExactly(phone);
            assertThat(own.getString("cardholder.address")).contains("Nanjing");
            assertThat(own.getString("amountOverdue")).isEqualTo("1200.00");
            assertThat(own.getString("cardholder.cardLast4")).isEqualTo("4321");

            agency(NORTH).get("/agency/placements/" + event.placementId()).then().statusCode(404);
            agency(NORTH).contentType("application/json").body(Map.of("action", "CALL", "number", phone))
                    .post("/agency/placements/" + event.placementId() + "/actions").then().statusCode(404);
            agency(NORTH).get("/agency/placements?size=200").then().statusCode(200).body("items.placementId", not(hasItem(event.placementId())));
            agency(EAST).get("/agency/placements?status=ACTIVE&size=200").then().statusCode(200).body("items.placementId", hasItem(event.placementId()));
            given().header("Authorization", TestTokens.bearer("someone", "agency")).get("/agency/placements").then().statusCode(403);
        }
    }

    @Test
    void aCallAt2300LocalTimeIsRefusedWithTheRuleAndOneInTheMorningIsAllowedAndReported() {
        String placement = placedWith(EAST, "ZJ", "800.00");
        moveToNext(LocalTime.of(23, 0));
        agency(EAST).contentType("application/json").body(Map.of("action", "CALL", "number", phone))
                .post("/agency/placements/" + placement + "/actions").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("title", equalTo("CONTACT_WINDOW")).body("detail", containsString("08:00-21:00"));

        Instant morning = moveToNext(LocalTime.of(10, 15));
        String promisedFor = LocalDate.ofInstant(morning, SHANGHAI).plusDays(9).toString();
        agency(EAST).contentType("application/json").body(Map.of("action", "CALL", "number", "+86 139 0000 0000"))
                .post("/agency/placements/" + placement + "/actions").then().statusCode(422).body("title", equalTo("THIRD_PARTY"));
        agency(EAST).contentType("application/json").body(Map.of("action", "VISIT"))
                .post("/agency/placements/" + placement + "/actions").then().statusCode(422).body("title", equalTo("CHANNEL_NOT_CONTRACTED"));
        try (TopicProbe reported = TopicProbe.open(Topics.AGENCY_ACTION_REPORTED)) {
            String action = agency(EAST).contentType("application/json").body(Map.of("action", "CALL", "number", phone.replace(" ", "")))
                    .post("/agency/placements/" + placement + "/actions").then().statusCode(201).body("status", equalTo("ALLOWED"))
                    .extract().path("actionId");
            agency(EAST).contentType("application/json").body(Map.of("outcome", "PROMISE_TO_PAY", "promisedAmount", "900.00", "promisedDate", promisedFor))
                    .post("/agency/actions/" + action + "/outcome").then().statusCode(400).body("violations[0].field", equalTo("promisedAmount"));
            agency(EAST).contentType("application/json").body(Map.of("outcome", "SENT"))
                    .post("/agency/actions/" + action + "/outcome").then().statusCode(400).body("violations[0].field", equalTo("outcome"));
            agency(EAST).contentType("application/json").body(Map.of("outcome", "PROMISE_TO_PAY", "promisedAmount", "300.00", "promisedDate", promisedFor))
                    .post("/agency/actions/" + action + "/outcome").then().statusCode(200).body("status", equalTo("REPORTED"));
            agency(EAST).contentType("application/json").body(Map.of("outcome", "CONVERSATION"))
                    .post("/agency/actions/" + action + "/outcome").then().statusCode(409);

            AgencyActionReported event = reported.awaitEvents(AgencyActionReported.class, e -> e.accountId().equals(account), 1, BOUND).get(0);
            assertThat(event.outcome()).isEqualTo(AgencyOutcome.PROMISE_TO_PAY);
            assertThat(event.conversation()).isTrue();
            assertThat(event.customerId()).isEqualTo(customer);
            assertThat(event.promisedAmount()).isEqualByComparingTo("300.00");
            assertThat(event.actedAt().toInstant()).isEqualTo(morning);
        }
        JsonPath detail = bank("auditor").get("/placements/" + placement).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("actions.status")).containsExactlyInAnyOrder("REFUSED", "REFUSED", "REFUSED", "REPORTED");
        assertThat(detail.getList("actions.rule")).containsExactlyInAnyOrder("CONTACT_WINDOW", "THIRD_PARTY", "CHANNEL_NOT_CONTRACTED", "ALLOWED");
        assertThat(detail.getString("actions[0].rule")).isEqualTo("CONTACT_WINDOW");
    }

    @Test
    void aCardholderWhoOptedOutOfCallsIsNotCalledByTheAgencyButMayBeWrittenTo() {
        consents = List.of(new CustomerUpdated.Consent(io.arrears.events.Channel.VOICE, false, OffsetDateTime.now(clock)));
        String placement = placedWith(EAST, "JS", "640.00");
        moveToNext(LocalTime.of(11, 0));
        agency(EAST).contentType("application/json").body(Map.of("action", "CALL", "number", phone))
                .post("/agency/placements/" + placement + "/actions").then().statusCode(422).body("title", equalTo("OPTED_OUT"));
        agency(EAST).contentType("application/json").body(Map.of("action", "LETTER"))
                .post("/agency/placements/" + placement + "/actions").then().statusCode(201);
    }

    @Test
    void aPaymentIsCommissionedAndTheCurePaymentRecallsSoTheAgencysNextActionIsRefused() {
        String placement = placedWith(EAST, "JS", "1000.10");
        agency(EAST).contentType("application/json").body(Map.of("reference", "ER-" + account, "amount", "400.00", "collectedOn", "2030-04-01"))
                .post("/agency/placements/" + placement + "/collections").then().statusCode(201);
        String month = YearMonth.now(clock.withZone(SHANGHAI)).toString();
        BigDecimal before = collected(EAST, month);
        try (TopicProbe recalled = TopicProbe.open(Topics.ACCOUNT_RECALLED)) {
            paid("400.00", "600.10", false);
            await().atMost(BOUND).until(() -> collected(EAST, month).subtract(before).compareTo(new BigDecimal("400.00")) == 0);
            agency(EAST).get("/agency/placements/" + placement).then().statusCode(200).body("status", equalTo("ACTIVE"))
                    .body("amountOverdue", equalTo("600.10"));

            paid("600.10", "0.00", true);
            AccountRecalled recall = recalled.awaitEvents(AccountRecalled.class, e -> e.accountId().equals(account), 1, BOUND).get(0);
            assertThat(recall.reason()).isEqualTo(RecallReason.CURED);
            assertThat(recall.agencyId()).isEqualTo(EAST);
        }
        // The month's 60-89 line: everything collected in it at 12%, rounded half up once.
        JsonPath statement = statement(EAST, month);
        BigDecimal collected = new BigDecimal(statement.getString("lines.find { it.bucket == '60-89' }.collected"));
        assertThat(collected.subtract(before)).isEqualByComparingTo("1000.10");
        assertThat(statement.getString("lines.find { it.bucket == '60-89' }.commission"))
                .isEqualTo(collected.multiply(new BigDecimal("0.12")).setScale(2, RoundingMode.HALF_UP).toPlainString());
        assertThat(statement.getString("commission")).isEqualTo(statement.getString("lines.find { it.bucket == '60-89' }.commission"));
        agency(EAST).contentType("application/json").body(Map.of("action", "CALL", "number", phone))
                .post("/agency/placements/" + placement + "/actions").then().statusCode(409).body("title", equalTo("RECALLED"))
                .body("detail", containsString("CURED"));
        agency(EAST).get("/agency/placements/" + placement).then().statusCode(200).body("status", equalTo("RECALLED"))
                .body("cardholder", nullValue());
        JsonPath scorecards = bank("supervisor").get("/agencies/scorecards?month=" + month).then().statusCode(200).extract().jsonPath();
        Map<String, Object> east = scorecards.getMap("find { it.agencyId == 'east-river' }");
        assertThat(((Number) east.get("cured")).intValue()).isPositive();
        assertThat(new BigDecimal(east.get("claimed").toString())).isGreaterThanOrEqualTo(new BigDecimal("400.00"));
        assertThat(((Number) east.get("refused")).intValue()).isPositive();
    }

    @Test
    void aComplaintThatHoldsContactRecallsTheAccountAndSoDoesAPlanTheBankAgrees() {
        String held = placedWith(EAST, "JS", "500.00");
        String heldAccount = account;
        cardholder();
        String planned = placedWith(NORTH, "GD", "700.00");
        try (TopicProbe recalled = TopicProbe.open(Topics.ACCOUNT_RECALLED)) {
            KafkaTestClient.publish(new ComplaintOpened("CMP-" + heldAccount, heldAccount, ComplaintCategory.HARASSMENT, true, OffsetDateTime.now(clock)));
            KafkaTestClient.publish(new PlanAgreed("PLN-" + account, "CASE-" + account, account, PlanType.INSTALMENTS,
                    List.of(new PlanAgreed.Instalment(LocalDate.parse("2030-05-01"), new BigDecimal("700.00"))), BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, "CNY", "agent-7", OffsetDateTime.now(clock)));
            assertThat(recalled.awaitEvents(AccountRecalled.class, e -> e.placementId().equals(held), 1, BOUND).get(0).reason())
                    .isEqualTo(RecallReason.COMPLAINT_HOLD);
            assertThat(recalled.awaitEvents(AccountRecalled.class, e -> e.placementId().equals(planned), 1, BOUND).get(0).reason())
                    .isEqualTo(RecallReason.PLAN_AGREED);
        }
    }

    @Test
    void thePlacementEndsWithItsPeriod() {
        String placement = placedWith(NORTH, "BJ", "300.00");
        try (TopicProbe recalled = TopicProbe.open(Topics.ACCOUNT_RECALLED)) {
            clock.advance(Duration.ofDays(89));
            periods.check();
            bank("agent").get("/placements/" + placement).then().body("status", equalTo("ACTIVE"));
            clock.advance(Duration.ofDays(1));
            periods.check();
            assertThat(recalled.awaitEvents(AccountRecalled.class, e -> e.placementId().equals(placement), 1, BOUND).get(0).reason())
                    .isEqualTo(RecallReason.PERIOD_ENDED);
        }
    }

    @Test
    void aRecallForNonPerformancePlacesTheAccountWithAnotherAgency() {
        try (TopicProbe placed = TopicProbe.open(Topics.ACCOUNT_PLACED); TopicProbe recalled = TopicProbe.open(Topics.ACCOUNT_RECALLED)) {
            escalate("SH", "2500.00");
            AccountPlaced first = placed.awaitEvents(AccountPlaced.class, e -> e.accountId().equals(account), 1, BOUND).get(0);
            JsonPath result = bank("supervisor").contentType("application/json")
                    .body(Map.of("reason", "NON_PERFORMANCE", "note", "no contact in three weeks"))
                    .post("/placements/" + first.placementId() + "/recall").then().statusCode(200).extract().jsonPath();
            assertThat(result.getString("recalled.status")).isEqualTo("RECALLED");
            assertThat(result.getString("recalled.recalledBy")).isEqualTo("sup-1");
            String other = first.agencyId().equals(EAST) ? NORTH : EAST;
            assertThat(result.getString("replacement.agencyId")).isEqualTo(other);
            assertThat(result.getString("replacement.previousId")).isEqualTo(first.placementId());

            assertThat(recalled.awaitEvents(AccountRecalled.class, e -> e.placementId().equals(first.placementId()), 1, BOUND).get(0).reason())
                    .isEqualTo(RecallReason.NON_PERFORMANCE);
            List<AccountPlaced> both = placed.awaitEvents(AccountPlaced.class, e -> e.accountId().equals(account), 2, BOUND);
            assertThat(both.get(1).agencyId()).isEqualTo(other);

            bank("supervisor").contentType("application/json").body(Map.of("reason", "SUPERVISOR", "note", "again"))
                    .post("/placements/" + first.placementId() + "/recall").then().statusCode(409);
            bank("supervisor").contentType("application/json").body(Map.of("reason", "CURED", "note", "not mine to say"))
                    .post("/placements/" + both.get(1).placementId() + "/recall").then().statusCode(400).body("violations[0].field", equalTo("reason"));
        }
    }

    @Test
    void whenNoAgencyQualifiesTheCaseIsLeftUnplacedWithEachAgencysReason() {
        escalate("XZ", "900.00");
        await().atMost(BOUND).until(() -> bank("supervisor").get("/placements?accountId=" + account).then().extract().jsonPath()
                .getList("items").size() == 1);
        JsonPath unplaced = bank("supervisor").get("/placements?accountId=" + account).then().extract().jsonPath();
        assertThat(unplaced.getString("items[0].status")).isEqualTo("UNPLACED");
        assertThat(unplaced.getString("items[0].unplacedReason")).contains("east-river: does not work in region XZ")
                .contains("north-star: does not work in region XZ");
    }

    @Test
    void theWhitelistIsPublishedToAnyone() {
        JsonPath listed = given().get("/agencies/whitelist").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("id")).contains(EAST, NORTH);
        assertThat(listed.getList("name")).contains("East River Collections Co., Ltd.");
        assertThat(listed.getString("find { it.id == 'east-river' }.reviewedOn")).isEqualTo("2030-01-15");
        bank("agent").get("/agencies").then().statusCode(200).body("find { it.id == 'east-river' }.commission.'60-89'", equalTo("0.12"));
    }

    private String placedWith(String agencyId, String region, String overdue) {
        try (TopicProbe placed = TopicProbe.open(Topics.ACCOUNT_PLACED)) {
            escalate(region, overdue);
            AccountPlaced event = placed.awaitEvents(AccountPlaced.class, e -> e.accountId().equals(account), 1, BOUND).get(0);
            assertThat(event.agencyId()).isEqualTo(agencyId);
            return event.placementId();
        }
    }

    /** The bank's records of a cardholder in {@code region}, then the reminder service's escalation of their case. */
    private String escalate(String region, String overdue) {
        KafkaTestClient.publish(new CustomerUpdated(customer, List.of(account), "Wang Fang", List.of(new CustomerUpdated.Phone(phone, "MOBILE", true)),
                "wang.fang@example.cn", new CustomerUpdated.PostalAddress(List.of("88 Zhongshan Road"), "Nanjing", "210000", region, "CN"), "zh-CN",
                "Asia/Shanghai", consents, false));
        KafkaTestClient.publish(new PaymentMissed(account, customer, "STM-" + account, LocalDate.parse("2030-01-31"), new BigDecimal(overdue),
                new BigDecimal("200.00"), new BigDecimal(overdue).add(new BigDecimal("3000")), "CNY", 60, "60-89", MissedReason.MINIMUM_NOT_PAID,
                null, "Platinum", "4321"));
        await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() -> records.account(account).isPresent()
                && records.customer(customer).isPresent()));
        String caseId = "CASE-" + account;
        KafkaTestClient.publish(new CaseEscalated(caseId, account, EscalationTarget.AGENCY, "ladder day 60", 60, new BigDecimal(overdue), "CNY",
                OffsetDateTime.now(clock)));
        return caseId;
    }

    private void paid(String amount, String remaining, boolean cured) {
        KafkaTestClient.publishAt(new PaymentReceived(account, "PAY-" + UUID.randomUUID(), new BigDecimal(amount), new BigDecimal(remaining), "CNY",
                cured), OffsetDateTime.now(clock));
    }

    private JsonPath statement(String agencyId, String month) {
        return bank("supervisor").get("/agencies/" + agencyId + "/commission?month=" + month).then().statusCode(200).extract().jsonPath();
    }

    private BigDecimal collected(String agencyId, String month) {
        return new BigDecimal(statement(agencyId, month).getString("collected"));
    }

    /** Moves the clock to the next {@code time} in Shanghai after now. */
    private Instant moveToNext(LocalTime time) {
        ZonedDateTime now = clock.instant().atZone(SHANGHAI);
        ZonedDateTime next = now.toLocalDate().atTime(time).atZone(SHANGHAI);
        return clock.moveTo((next.isAfter(now) ? next : next.plusDays(1)).toInstant());
    }

    private static RequestSpecification agency(String agencyId) {
        return given().header("Authorization", TestTokens.agency("dialler-" + agencyId, agencyId));
    }

    private static RequestSpecification bank(String role) {
        return given().header("Authorization", TestTokens.bearer(role.equals("supervisor") ? "sup-1" : role + "-1", role));
    }
}
