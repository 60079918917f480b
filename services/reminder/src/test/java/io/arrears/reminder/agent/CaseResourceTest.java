package io.arrears.reminder.agent;

import io.arrears.events.MissedReason;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.MovableClock;
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
import static org.hamcrest.Matchers.hasItem;

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
    void aPlanBeyondTheAgentLimitNeedsASupervisor() {
        Map<String, Object> plan = Map.of("type", "INSTALMENTS", "instalments", 18);
        as("agent").contentType("application/json").body(plan).post("/cases/" + caseId + "/plans")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("max-instalments 18 is beyond the allowed 12; a supervisor must agree this plan"))
                .body("violations[0].field", equalTo("max-instalments"));
        as("supervisor").contentType("application/json").body(plan).post("/cases/" + caseId + "/plans")
                .then().statusCode(201).body("instalments.size()", equalTo(18)).body("total", equalTo(1000.00f));
        as("agent").get("/cases/" + caseId).then().body("state", equalTo("IN_PLAN"));
        as("supervisor").contentType("application/json").body(plan).post("/cases/" + caseId + "/plans")
                .then().statusCode(409).body("detail", containsString("already has plan"));
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
