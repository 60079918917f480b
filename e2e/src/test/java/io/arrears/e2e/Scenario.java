package io.arrears.e2e;

import io.arrears.e2e.CoreBanking.Cycle;
import io.arrears.e2e.CoreBanking.Holder;
import io.arrears.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The steps the end-to-end tests share: a missed payment that opens a case, and reading what the services hold. */
final class Scenario {

    static final Duration BOUND = Duration.ofSeconds(60);
    private static final TheSystem system = TheSystem.get();

    private Scenario() {
    }

    /** Issues a statement, lets it go unpaid past the grace period, and returns the case the reminder service opens. */
    static String missedPayment(Holder holder) {
        return missedPayment(holder, CoreBanking.nextCycle());
    }

    static String missedPayment(Holder holder, Cycle cycle) {
        CoreBanking.statement(holder, cycle, "261.52");
        CoreBanking.closeDays(cycle.issued(), cycle.firstDayPastDue());
        return await().atMost(BOUND).until(() -> as("agent").queryParam("needsAgent", false).queryParam("accountId", holder.accountId())
                .get(system.url("reminder") + "/cases").then().statusCode(200).extract().jsonPath().getString("items[0].id"), id -> id != null);
    }

    static JsonPath caseFile(String caseId) {
        return as("agent").get(system.url("reminder") + "/cases/" + caseId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath account(Holder holder) {
        return as("agent").get(system.url("account") + "/accounts/" + holder.accountId()).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath contactHistory(Holder holder) {
        return as("auditor").get(system.url("contact-channel") + "/contacts/accounts/" + holder.accountId()).then().statusCode(200)
                .extract().jsonPath();
    }


    /** A fixed-offset zone in which it is around noon now, so contact is allowed whenever the tests run. */
    static String middayZone() {
        return zoneWhereItIs(12);
    }

    static String zoneWhereItIs(int hour) {
        int utcHour = OffsetDateTime.now(ZoneOffset.UTC).getHour();
        return ZoneOffset.ofHours(Math.floorMod(hour - utcHour + 12, 24) - 12).getId();
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer("e2e-" + role, role));
    }
}
