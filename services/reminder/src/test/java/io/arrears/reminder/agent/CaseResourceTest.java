package io.arrears.reminder.agent;

import io.arrears.events.MissedReason;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.events.PlanRejected;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.clock.MovableClock;
import io.arrears.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "reminder"))
class CaseResourceTest {

    @Inject
    MovableClock clock;

    private String account;
    private String caseId;

    @BeforeEach
    void openCase() {
        account = "ACC-" + UUID.randomUUID();
        KafkaTestClient.publish(new PaymentMissed(account, "CUS-" + account, "ST-" + account, today().minusDays(4),
                new BigDecimal("1000.00"), new BigDecimal("1000.00"), new BigDecimal("5000.00"), "CNY", 1, "1-29",
                MissedReason.MINIMUM_NOT_PAID, null, null, null));
        caseId = await().atMost(Duration.ofSeconds(30)).until(() -> as("agent").queryParam("needsAgent", false)
                .queryParam("accountId", account).get("/cases").then().statusCode(200).extract().jsonPath()
                .getString("items[0].id"), id -> id != null);
    }

    @Test
    void withoutATokenTheAnswerIs401AndAnotherRoleGets403() {
        given().get("/cases/" + caseId).then().statusCode(401).contentType("application/problem+json");
        as("complaints-officer").get("/cases/" + caseId).then().statusCode(403).contentType("application/problem+json");
        as("auditor").contentType("application/json").body(Map.of("type", "DEFERRAL")).post("/cases/" + caseId + "/plans")
                .then().statusCode(403);
    }

    @Test
    void theTimelineSaysWhetherAnEventAnAgentOrTheScheduleChangedTheCase() {
        as("agent").contentType("application/json").body(Map.of("outcome", "NO_ANSWER")).post("/cases/" + caseId + "/contacts")
                .then().statusCode(201);
        as("agent").get("/cases/" + caseId).then().statusCode(200)
                .body("timeline.find { it.kind == 'OPENED' }.actor", equalTo("PaymentMissed"))
                .body("timeline.find { it.kind == 'OPENED' }.actorKind", equalTo("EVENT"))
                .body("timeline.find { it.kind == 'AGENT_CONTACT' }.actor", equalTo("user-agent"))
                .body("timeline.find { it.kind == 'AGENT_CONTACT' }.actorKind", equalTo("AGENT"));
    }

    @Test
    void anUnknownCaseIs404() {
        as("agent").get("/cases/CASE-NOPE").then().statusCode(404).body("detail", containsString("CASE-NOPE"));
    }

    @Test
    void invalidInputIs400NamingTheField() {
        as("agent").contentType("application/json").body(Map.of("note", "no outcome"))
                .post("/cases/" + caseId + "/contacts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("outcome")));
        as("agent").contentType("application/json").body(Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", today().plusDays(5).toString()))
                .post("/cases/" + caseId + "/contacts").then().statusCode(400).body("violations[0].field", equalTo("promisedAmount"));
        as("agent").contentType("application/json").body(Map.of("outcome", "PROMISE_TO_PAY", "promisedAmount", "10.00",
                        "promisedDate", today().plusDays(90).toString()))
                .post("/cases/" + caseId + "/contacts").then().statusCode(400).body("violations[0].field", equalTo("promisedDate"));
        as("agent").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 1))
                .post("/cases/" + caseId + "/plans").then().statusCode(400).body("violations.field", hasItem(containsString("instalments")));
        as("agent").contentType("application/json").body(Map.of("type", "DEFERRAL"))
                .post("/cases/" + caseId + "/plans").then().statusCode(400).body("violations[0].field", equalTo("payBy"));
        as("agent").contentType("application/json").body(Map.of("type", "WEEKLY"))
                .post("/cases/" + caseId + "/plans").then().statusCode(400);
        as("agent").queryParam("state", "SLEEPING").get("/cases").then().statusCode(400).body("violations[0].field", equalTo("state"));
    }

    @Test
    void aBodyThatCannotBeReadIs400NamingTheFieldAndChangesNothing() {
        as("agent").contentType("application/json").body("{\"type\":\"INSTALMENTS\",\"instalments\":\"many\"}")
                .post("/cases/" + caseId + "/plans").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("instalments")).body("violations[0].message", equalTo("must be a whole number"));
        as("agent").contentType("application/json").body("{\"type\":\"WEEKLY\",\"instalments\":2}")
                .post("/cases/" + caseId + "/plans").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("type")).body("violations[0].message", containsString("INSTALMENTS"));
        as("agent").contentType("application/json").body("{\"type\":\"DEFERRAL\",\"payBy\":\"next week\"}")
                .post("/cases/" + caseId + "/plans").then().statusCode(400).body("violations[0].field", equalTo("payBy"));
        as("agent").contentType("application/json").body("{\"type\":\"INSTALMENTS\",")
                .post("/cases/" + caseId + "/plans").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        as("supervisor").contentType("application/json").body("{\"type\":\"INSTALMENTS\",\"instalments\":2,\"amount\":\"1e20\"}")
                .post("/cases/" + caseId + "/plans").then().statusCode(400).body("violations[0].field", equalTo("amount"));
        as("agent").contentType("application/json").body("{\"outcome\":\"PROMISE_TO_PAY\",\"promisedAmount\":\"12.345678\","
                        + "\"promisedDate\":\"" + today().plusDays(3) + "\"}")
                .post("/cases/" + caseId + "/contacts").then().statusCode(400).body("violations[0].field", equalTo("promisedAmount"));
        as("agent").queryParam("page", Integer.MAX_VALUE).queryParam("size", 200).get("/cases").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
        as("agent").queryParam("size", "lots").get("/cases").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"));
        as("agent").queryParam("needsAgent", "perhaps").get("/cases").then().statusCode(400).body("violations[0].field", equalTo("needsAgent"));
        as("agent").get("/cases/" + caseId).then().body("state", equalTo("OPEN")).body("plans.size()", equalTo(0))
                .body("calls.size()", equalTo(0)).body("amountOverdue", equalTo("1000.00"));
    }

    @Test
    void aPlanBeyondTheAgentLimitNeedsASupervisor() {
        Map<String, Object> plan = Map.of("type", "INSTALMENTS", "instalments", 18);
        as("agent").contentType("application/json").body(plan).post("/cases/" + caseId + "/plans")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("max-instalments 18 is beyond the allowed 12; a supervisor must agree this plan"))
                .body("violations[0].field", equalTo("max-instalments"));
        as("supervisor").contentType("application/json").body(plan).post("/cases/" + caseId + "/plans")
                .then().statusCode(201).body("instalments.size()", equalTo(18)).body("total", equalTo("1000.00"));
        as("agent").get("/cases/" + caseId).then().body("state", equalTo("IN_PLAN"));
        as("supervisor").contentType("application/json").body(plan).post("/cases/" + caseId + "/plans")
                .then().statusCode(409).body("detail", containsString("already has plan"));
    }

    @Test
    void aPreviewShowsTheInstalmentsAndWhyAPlanNeedsASupervisorWithoutAgreeingAnything() {
        as("agent").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 4))
                .post("/cases/" + caseId + "/plans/preview").then().statusCode(200)
                .body("verdict", equalTo("WITHIN_LIMITS")).body("instalments.size()", equalTo(4)).body("toPay", equalTo("1000.00"))
                .body("instalments[0].amount", equalTo("250.00")).body("agentLimits.maxInstalments", equalTo(12));
        as("agent").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 18))
                .post("/cases/" + caseId + "/plans/preview").then().statusCode(200)
                .body("verdict", equalTo("NEEDS_SUPERVISOR")).body("breach.limit", equalTo("max-instalments"))
                .body("breach.message", containsString("a supervisor must agree this plan"));
        as("supervisor").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 18))
                .post("/cases/" + caseId + "/plans/preview").then().statusCode(200).body("verdict", equalTo("WITHIN_LIMITS"));
        as("agent").contentType("application/json").body(Map.of("type", "DEFERRAL"))
                .post("/cases/" + caseId + "/plans/preview").then().statusCode(400).body("violations[0].field", equalTo("payBy"));
        as("agent").get("/cases/" + caseId).then().body("state", equalTo("OPEN")).body("plans.size()", equalTo(0));
    }

    @Test
    void aPlanBeyondTheAgentLimitWaitsForAnotherSupervisorWhoApprovesItIntoAPlan() {
        Map<String, Object> plan = Map.of("type", "INSTALMENTS", "instalments", 18);
        as("agent").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 4))
                .post("/cases/" + caseId + "/plan-approvals").then().statusCode(409).body("detail", containsString("within an agent's limits"));
        String approval = as("agent").contentType("application/json").body(plan).post("/cases/" + caseId + "/plan-approvals")
                .then().statusCode(201).body("status", equalTo("PENDING")).body("limit", equalTo("max-instalments"))
                .extract().path("id");
        as("agent").contentType("application/json").body(plan).post("/cases/" + caseId + "/plan-approvals")
                .then().statusCode(409).body("detail", containsString("already waiting"));
        as("supervisor").get("/plan-approvals").then().statusCode(200).body("id", hasItem(approval));
        as("agent").post("/plan-approvals/" + approval + "/approve").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("user-agent", "supervisor"))
                .post("/plan-approvals/" + approval + "/approve").then().statusCode(403).body("detail", containsString("another supervisor"));

        as("supervisor").post("/plan-approvals/" + approval + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("user-supervisor")).body("planId", containsString("PLAN-"));
        as("agent").get("/cases/" + caseId).then().body("state", equalTo("IN_PLAN")).body("plans[0].instalments.size()", equalTo(18))
                .body("timeline.detail", hasItem(containsString("sent to a supervisor as " + approval)));
        as("supervisor").post("/plan-approvals/" + approval + "/approve").then().statusCode(409);
        as("supervisor").get("/plan-approvals").then().body("id", not(hasItem(approval)));
        as("supervisor").get("/reports/operations").then().statusCode(200)
                .body("plans.find { it.group == 'INSTALMENTS' && it.key == 'ACTIVE' }.count", greaterThanOrEqualTo(1))
                .body("cases.key", hasItem("IN_PLAN"));
    }

    @Test
    void aWaitingPlanIsWithdrawnWhenTheCaseGetsAnotherPlanAndCanNoLongerBeApproved() {
        String approval = as("agent").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 18))
                .post("/cases/" + caseId + "/plan-approvals").then().statusCode(201).extract().path("id");
        as("agent").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 6))
                .post("/cases/" + caseId + "/plans").then().statusCode(201);

        as("supervisor").get("/plan-approvals").then().statusCode(200).body("id", not(hasItem(approval)));
        as("supervisor").post("/plan-approvals/" + approval + "/approve").then().statusCode(409)
                .body("detail", containsString("WITHDRAWN"));
        as("agent").get("/cases/" + caseId).then().body("plans.size()", equalTo(1)).body("plans[0].instalments.size()", equalTo(6))
                .body("timeline.detail", hasItem(containsString("plan approval " + approval + " withdrawn: plan PLAN-")));
    }

    @Test
    void aDeclinedPlanSaysWhyAndLeavesTheCaseAsItWas() {
        String approval = as("agent").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 18))
                .post("/cases/" + caseId + "/plan-approvals").then().statusCode(201).extract().path("id");
        as("supervisor").contentType("application/json").body(Map.of("note", " ")).post("/plan-approvals/" + approval + "/decline")
                .then().statusCode(400).body("violations[0].field", containsString("note"));
        as("supervisor").contentType("application/json").body(Map.of("note", "income does not support 18 months"))
                .post("/plan-approvals/" + approval + "/decline").then().statusCode(200).body("status", equalTo("DECLINED"));
        as("agent").get("/cases/" + caseId).then().body("state", equalTo("OPEN")).body("plans.size()", equalTo(0))
                .body("timeline.detail", hasItem(containsString("declined: income does not support 18 months")));
    }

    @Test
    void anAgentCannotForgiveTheDebtByTypingASmallAmount() {
        as("agent").contentType("application/json").body("{\"type\":\"INSTALMENTS\",\"amount\":\"0.02\",\"instalments\":2}")
                .post("/cases/" + caseId + "/plans").then().statusCode(403).contentType("application/problem+json")
                .body("violations[0].field", equalTo("max-waiver-percent"))
                .body("detail", containsString("100.00% is beyond the allowed 40%; no role may agree this"));
        as("agent").get("/cases/" + caseId).then().body("state", equalTo("OPEN")).body("plans.size()", equalTo(0));
        as("auditor").get("/cases/" + caseId + "/audit").then().statusCode(200)
                .body("action", equalTo(java.util.List.of("LIMIT_REFUSED")))
                .body("[0].actor", equalTo("user-agent")).body("[0].authority", equalTo("AGENT"))
                .body("[0].limits", containsString("max-waiver-percent=10"));
    }

    @Test
    void aSupervisorsOverrideAndTheWaiverAreOnTheAuditTrailWithTheLimitsInForce() {
        as("supervisor").contentType("application/json").body(Map.of("type", "INSTALMENTS", "amount", "800.00", "instalments", 4))
                .post("/cases/" + caseId + "/plans").then().statusCode(201).body("writtenOff", equalTo("200.00"));
        as("auditor").get("/cases/" + caseId + "/audit").then().statusCode(200)
                .body("action", equalTo(java.util.List.of("PLAN_AGREED", "WAIVER", "LIMIT_OVERRIDE")))
                .body("actor", everyItem(equalTo("user-supervisor")))
                .body("[1].detail", containsString("forgiven 200.00 CNY of 1000.00 CNY (20.00%)"))
                .body("[2].detail", containsString("max-waiver-percent 20.00% > 10%"))
                .body("[2].limits", containsString("max-waiver-percent=10"));
        as("agent").get("/cases/" + caseId + "/audit").then().statusCode(403);
    }

    @Test
    void aPlanTheAccountServiceRefusesTakesTheCaseBackToAnAgent() {
        String planId = as("agent").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 2))
                .post("/cases/" + caseId + "/plans").then().statusCode(201).extract().path("id");
        as("agent").get("/cases/" + caseId).then().body("state", equalTo("IN_PLAN"));

        KafkaTestClient.publish(new PlanRejected(planId, caseId, account, "plan " + planId + " covers 1000.00 CNY of the 1200.00 CNY arrears",
                java.time.OffsetDateTime.now(clock)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("agent").get("/cases/" + caseId).then()
                .body("state", equalTo("OPEN")).body("plans[0].status", equalTo("REJECTED"))
                .body("needsAgentSince", org.hamcrest.Matchers.notNullValue())
                .body("steps.findAll { it.kind == 'LADDER' && it.status == 'PENDING' }.size()", org.hamcrest.Matchers.greaterThan(0)));
        as("supervisor").get("/cases/" + caseId + "/audit").then()
                .body("action", hasItem("PLAN_REJECTED")).body("detail", hasItem(containsString("1200.00 CNY arrears")));
    }

    @Test
    void aPromiseSuspendsTheLadderAndAClosedCaseTakesNoMoreContacts() {
        as("agent").contentType("application/json").body(Map.of("outcome", "PROMISE_TO_PAY", "promisedAmount", "400.00",
                        "promisedDate", today().plusDays(7).toString(), "note", "pays on payday"))
                .post("/cases/" + caseId + "/contacts").then().statusCode(201)
                .body("state", equalTo("PROMISED")).body("promises[0].status", equalTo("OPEN"))
                .body("calls[0].outcome", equalTo("PROMISE_TO_PAY")).body("calls[0].agent", equalTo("user-agent"))
                .body("steps.findAll { it.kind == 'LADDER' && it.status == 'PENDING' }.size()", equalTo(0));

        KafkaTestClient.publish(new PaymentReceived(account, "PAY-" + account, new BigDecimal("1000.00"), BigDecimal.ZERO, "CNY", true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("agent").get("/cases/" + caseId).then()
                .body("state", equalTo("CLOSED")).body("promises[0].status", equalTo("KEPT")));
        as("agent").contentType("application/json").body(Map.of("outcome", "REACHED"))
                .post("/cases/" + caseId + "/contacts").then().statusCode(409).body("detail", containsString("closed"));
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer("user-" + role, role));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }
}
