package io.arrears.e2e;

import io.arrears.e2e.CoreBanking.Cycle;
import io.arrears.e2e.CoreBanking.Holder;
import io.arrears.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.arrears.e2e.Scenario.BOUND;
import static io.arrears.e2e.Scenario.as;
import static io.arrears.e2e.Scenario.caseFile;
import static io.arrears.e2e.Scenario.zoneWhereItIs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * From the ladder's escalation at 60 days past due to the recall when the cardholder pays: the agency
 * service places the account, the agency works it over its own API under the bank's contact rules, and
 * its work lands on the case's timeline.
 */
class AgencyIT {

    private static TheSystem system;
    private static Browser browser;

    @BeforeAll
    static void start() {
        system = TheSystem.get();
        browser = new Browser(system.url("console"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anEscalatedAccountIsWorkedByItsAgencyWithinTheRulesAndRecalledWhenThePaymentCuresIt() {
        // A cardholder for whom it is 23:00 now, with no region on file: only an agency that works anywhere qualifies.
        Holder holder = CoreBanking.holder(zoneWhereItIs(23));
        Cycle cycle = CoreBanking.nextCycle();
        CoreBanking.statement(holder, cycle, "261.52");
        // From day 1 past due: ageing is judged on each business date, and the days before it add nothing here.
        CoreBanking.closeDays(cycle.firstDayPastDue(), cycle.firstDayPastDue().plusDays(59));

        JsonPath placed = await().atMost(BOUND.multipliedBy(2)).until(() -> as("supervisor").queryParam("accountId", holder.accountId())
                .get(system.url("agency") + "/placements").then().statusCode(200).extract().jsonPath(), p -> p.getList("items").size() == 1);
        assertThat(placed.getString("items[0].status")).isEqualTo("ACTIVE");
        assertThat(placed.getString("items[0].agencyId")).isEqualTo("north-star");
        assertThat(placed.getString("items[0].bucket")).isEqualTo("60-89");
        String placement = placed.getString("items[0].placementId");
        String caseId = placed.getString("items[0].caseId");

        // The agency sees the cardholder as its contract allows; another agency does not see the placement at all.
        JsonPath own = agency("north-star").get(system.url("agency") + "/agency/placements/" + placement).then().statusCode(200)
                .extract().jsonPath();
        assertThat(own.getString("cardholder.name")).isEqualTo(CoreBanking.NAME);
        assertThat(own.getList("cardholder.phones")).containsExactly(holder.phone());
        agency("east-river").get(system.url("agency") + "/agency/placements/" + placement).then().statusCode(404);

        // A call at 23:00 in the cardholder's zone is refused before it is made; a letter is not a contact at a time of day.
        agency("north-star").contentType("application/json").body(Map.of("action", "CALL", "number", holder.phone()))
                .post(system.url("agency") + "/agency/placements/" + placement + "/actions").then().statusCode(422)
                .body("title", equalTo("CONTACT_WINDOW"));
        String letter = agency("north-star").contentType("application/json").body(Map.of("action", "LETTER"))
                .post(system.url("agency") + "/agency/placements/" + placement + "/actions").then().statusCode(201).extract().path("actionId");
        agency("north-star").contentType("application/json").body(Map.of("outcome", "SENT"))
                .post(system.url("agency") + "/agency/actions/" + letter + "/outcome").then().statusCode(200);

        // A supervisor sees the placement, the agencies' scorecards and their terms on the console's Agencies page.
        browser.signInAs("e2e-supervisor", "supervisor");
        browser.open("/agencies");
        assertThat(browser.text("placement-" + caseId)).contains("north-star").contains("60-89");
        assertThat(browser.text("scorecard-north-star")).startsWith("North Star Recovery Services");
        assertThat(browser.text("agency-east-river")).contains("JS, SH, ZJ").contains("60-89 0.12");
        browser.screenshot("agencies");

        // The cardholder pays everything overdue: the account is cured, and the placement comes back to the bank.
        BigDecimal overdue = new BigDecimal(Scenario.account(holder).getString("amountOverdue"));
        CoreBanking.pay(holder, overdue.toPlainString(), cycle.firstDayPastDue().plusDays(60));
        CoreBanking.closeDays(cycle.firstDayPastDue().plusDays(60), cycle.firstDayPastDue().plusDays(60));
        JsonPath recalled = await().atMost(BOUND).until(() -> as("auditor").get(system.url("agency") + "/placements/" + placement).then()
                .statusCode(200).extract().jsonPath(), p -> "RECALLED".equals(p.getString("status")));
        assertThat(recalled.getString("recallReason")).isEqualTo("CURED");
        agency("north-star").contentType("application/json").body(Map.of("action", "LETTER"))
                .post(system.url("agency") + "/agency/placements/" + placement + "/actions").then().statusCode(409)
                .body("title", equalTo("RECALLED")).body("detail", containsString("CURED"));

        // The case's timeline shows the agency's work beside the bank's.
        List<String> agencyLines = await().atMost(BOUND).until(() -> caseFile(caseId).getList("timeline.findAll { it.kind == 'AGENCY' }.detail",
                String.class), lines -> lines.size() == 3);
        assertThat(agencyLines).anySatisfy(l -> assertThat(l).startsWith("placed with agency north-star (only)"))
                .anySatisfy(l -> assertThat(l).isEqualTo("agency north-star: LETTER, SENT"))
                .anySatisfy(l -> assertThat(l).startsWith("recalled from agency north-star: CURED"));
        // The commission is the agency's share of what the bank received during the placement.
        JsonPath statement = as("supervisor").get(system.url("agency") + "/agencies/north-star/commission").then().statusCode(200)
                .extract().jsonPath();
        assertThat(new BigDecimal(statement.getString("lines.find { it.bucket == '60-89' }.collected"))).isGreaterThanOrEqualTo(overdue);
    }

    private static RequestSpecification agency(String agencyId) {
        return given().header("Authorization", TestTokens.agency("dialler-" + agencyId, agencyId));
    }
}
