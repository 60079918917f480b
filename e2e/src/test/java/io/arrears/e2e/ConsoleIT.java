package io.arrears.e2e;

import io.arrears.e2e.CoreBanking.Cycle;
import io.arrears.e2e.CoreBanking.Holder;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.arrears.e2e.Scenario.BOUND;
import static io.arrears.e2e.Scenario.as;
import static io.arrears.e2e.Scenario.caseFile;
import static io.arrears.e2e.Scenario.contactHistory;
import static io.arrears.e2e.Scenario.middayZone;
import static io.arrears.e2e.Scenario.missedPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real headless Chromium against the running system: people sign in, read and click,
 * and what they did is checked in the services' own records. Every page is kept as a screenshot
 * (target/screenshots) for a person to look at.
 */
class ConsoleIT {

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
    void anAgentRecordsAPromiseThenAgreesAPlanAndSeesTheLadderStopOnTheTimeline() {
        Holder holder = CoreBanking.holder(middayZone());
        String caseId = missedPayment(holder);
        await().atMost(BOUND).until(() -> caseFile(caseId).getList("steps.status").contains("PENDING"));

        browser.signInAs("e2e-agent", "agent");
        assertThat(browser.url()).endsWith("/queue");
        browser.screenshot("agent-queue");
        browser.open("/cases/" + caseId);
        assertThat(browser.text("amount-overdue")).isEqualTo("261.52 CNY");
        assertThat(browser.page()).as("contact points are masked").doesNotContain(holder.email()).doesNotContain(holder.phone())
                .doesNotContain(holder.phoneDigits());
        assertThat(browser.url()).doesNotContain(holder.accountId());

        browser.choose("outcome", "PROMISE_TO_PAY");
        browser.type("promisedAmount", "100.00");
        browser.date("promisedDate", bankToday().plusDays(3).toString());
        browser.click("record-call");
        assertThat(browser.text("notice")).contains("The promise is recorded");
        assertThat(browser.text("case-state")).isEqualTo("Promised");
        assertThat(browser.text("timeline")).contains("to pay 100.00 CNY by " + bankToday().plusDays(3));

        browser.choose("type", "INSTALMENTS");
        browser.type("instalments", "3");
        browser.until(d -> d.findElement(By.id("preview")).getText().contains("Within your limits"));
        assertThat(browser.find("preview-instalments").findElements(By.cssSelector("tbody tr"))).hasSize(3);
        browser.screenshot("case-plan-preview");
        browser.click("agree-plan");

        assertThat(browser.text("notice")).contains("The plan is agreed");
        assertThat(browser.text("case-state")).isEqualTo("In plan");
        assertThat(browser.text("timeline")).contains("INSTALMENTS plan").contains("the ladder stops");
        assertThat(browser.text("steps").lines().filter(l -> l.contains("LADDER")))
                .allMatch(l -> !l.contains("PENDING"), "no ladder step still pending").anyMatch(l -> l.contains("CANCELLED plan PLAN-"));
        browser.screenshot("case-page");
        JsonPath file = caseFile(caseId);
        assertThat(file.getString("state")).isEqualTo("IN_PLAN");
        assertThat(file.getList("plans.status")).containsExactly("ACTIVE");
        assertThat(file.getList("promises.status")).containsExactly("SUPERSEDED");
    }

    @Test
    void aPlanBeyondTheAgentsLimitIsRefusedAndAnotherSupervisorApprovesIt() {
        Holder holder = CoreBanking.holder(middayZone());
        String caseId = missedPayment(holder);

        browser.signInAs("e2e-agent", "agent");
        browser.open("/cases/" + caseId);
        browser.choose("type", "INSTALMENTS");
        browser.type("instalments", "18");
        browser.until(d -> d.findElement(By.id("preview")).getText().contains("Needs a supervisor"));
        assertThat(browser.text("preview-result")).contains("max-instalments 18 is beyond the allowed 12");
        browser.click("agree-plan");
        assertThat(browser.text("plan-problem")).contains("max-instalments 18 is beyond the allowed 12");
        assertThat(browser.text("needs-supervisor")).contains("send them to a supervisor");
        browser.screenshot("plan-refused");
        assertThat(caseFile(caseId).getList("plans")).isEmpty();

        browser.click("ask-supervisor");
        assertThat(browser.text("notice")).contains("waiting for a supervisor");

        browser.signInAs("e2e-supervisor", "supervisor");
        assertThat(browser.url()).endsWith("/dashboard");
        browser.open("/approvals");
        assertThat(browser.page()).contains("max-instalments 18 is beyond the allowed 12").contains("e2e-agent");
        browser.screenshot("approvals");
        browser.click("approve-" + caseId);
        assertThat(browser.text("notice")).contains("Approved");

        browser.open("/cases/" + caseId);
        assertThat(browser.text("case-state")).isEqualTo("In plan");
        assertThat(browser.text("timeline")).contains("approved: plan").contains("asked for by e2e-agent");
        JsonPath file = caseFile(caseId);
        assertThat(file.getString("plans[0].agreedBy")).isEqualTo("e2e-supervisor");
        assertThat(file.getList("plans[0].instalments")).hasSize(18);
    }

    @Test
    void aComplaintOfficerResolvesAComplaintAndTheHoldIsReleased() {
        Holder holder = CoreBanking.holder(middayZone());
        String caseId = missedPayment(holder);
        await().atMost(BOUND).until(() -> system.smsc.submitted().stream().anyMatch(s -> s.destination().equals(holder.phoneDigits())));
        String complaint = as("agent").contentType("application/json")
                .body(Map.of("accountId", holder.accountId(), "category", "HARASSMENT", "description", "three calls before eight", "channel", "PHONE"))
                .post(system.url("complaint") + "/complaints").then().statusCode(201).extract().jsonPath().getString("id");
        await().atMost(BOUND).until(() -> "ON_HOLD".equals(caseFile(caseId).getString("state")));

        browser.signInAs("e2e-officer", "complaints-officer");
        assertThat(browser.url()).endsWith("/complaints");
        // The queue shows an id's prefix and the random end of its UUID (CMP-…5e8c9f3a).
        assertThat(browser.text("complaints")).contains("CMP-" + complaint.substring(complaint.length() - 8));
        browser.screenshot("complaint-queue");
        browser.open("/complaints/" + complaint);
        assertThat(browser.text("holds-contact")).isEqualTo("Yes");
        await().atMost(BOUND).until(() -> {
            browser.open("/complaints/" + complaint);
            return browser.text("evidence").contains("SMS");
        });
        browser.click("acknowledge");
        assertThat(browser.text("notice")).isEqualTo("Acknowledged.");
        browser.click("investigate");
        assertThat(browser.text("complaint-state")).isEqualTo("Investigating");
        browser.choose("outcome", "PARTIALLY_UPHELD");
        browser.type("remedy", "Apology sent; calls moved after eight");
        browser.screenshot("complaint-page");
        browser.click("resolve");
        assertThat(browser.text("complaint-state")).isEqualTo("Resolved");

        await().atMost(BOUND).until(() -> "OPEN".equals(caseFile(caseId).getString("state")));
        await().atMost(BOUND).until(() -> contactHistory(holder).getString("holds[0].releasedAt") != null);
        browser.signInAs("e2e-agent", "agent");
        browser.open("/cases/" + caseId);
        assertThat(browser.text("case-state")).isEqualTo("Open");
    }

    @Test
    void theDashboardAndTheStrategyResultsShowBothArmsAfterASmallSeededMonth() {
        List<Holder> month = seedUntilBothArmsHaveCases();

        browser.signInAs("e2e-supervisor", "supervisor");
        browser.open("/dashboard");
        assertThat(browser.text("cases-table")).as("this month's cases are in their first bucket").contains("1-29");
        // The page shows the reminder service's own counts: once the system is quiet, the same totals.
        await().atMost(BOUND).until(() -> {
            JsonPath figures = as("supervisor").get(system.url("reminder") + "/reports/operations").then().statusCode(200).extract().jsonPath();
            browser.open("/dashboard");
            return lastCell(browser.text("cases-table")).equals(Long.toString(sum(figures.getList("cases.count", Integer.class))))
                    && lastCell(browser.text("reminders-table")).equals(Long.toString(sum(figures.getList("reminders.count", Integer.class))))
                    && browser.text("reminders-table").contains("SMS");
        });
        assertThat(browser.text("promise-bars") + browser.text("plan-bars")).isNotBlank();
        browser.screenshot("dashboard");

        browser.open("/strategy");
        String table = browser.text("strategy-table");
        assertThat(table).contains("champion").contains("challenger");
        assertThat(browser.find("cure-chart").findElements(By.cssSelector(".bar-row"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.find("cost-chart").getText()).contains("CNY");
        browser.screenshot("strategy-results");

        browser.click("language-zh");
        assertThat(browser.page()).contains("主策略与挑战策略").contains("天内治愈率");
        browser.screenshot("strategy-results-zh");
        assertThat(month).isNotEmpty();
    }

    /**
     * Statements for six cardholders at a time on one cycle, one of them paying back after the grace, at least
     * once and until both arms hold cases.
     */
    private static List<Holder> seedUntilBothArmsHaveCases() {
        List<Holder> seeded = new ArrayList<>();
        for (int round = 0; round == 0 || round < 8 && !bothArmsHaveCases(); round++) {
            Cycle cycle = CoreBanking.nextCycle();
            List<Holder> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Holder holder = CoreBanking.holder(middayZone());
                CoreBanking.statement(holder, cycle, "261.52");
                batch.add(holder);
            }
            CoreBanking.closeDays(cycle.issued(), cycle.firstDayPastDue());
            await().atMost(BOUND).until(() -> batch.stream().allMatch(ConsoleIT::hasCase));
            CoreBanking.pay(batch.get(0), "261.52", cycle.firstDayPastDue().plusDays(1));
            CoreBanking.closeDays(cycle.firstDayPastDue().plusDays(1), cycle.firstDayPastDue().plusDays(2));
            seeded.addAll(batch);
        }
        assertThat(bothArmsHaveCases()).as("both arms have cases after seeding " + seeded.size() + " cardholders").isTrue();
        return seeded;
    }

    private static String lastCell(String table) {
        String[] cells = table.strip().split("\\s+");
        return cells[cells.length - 1];
    }

    private static long sum(List<Integer> counts) {
        return counts.stream().mapToLong(Integer::longValue).sum();
    }

    private static boolean hasCase(Holder holder) {
        return as("agent").queryParam("needsAgent", false).queryParam("accountId", holder.accountId())
                .get(system.url("reminder") + "/cases").then().statusCode(200).extract().jsonPath().getInt("total") > 0;
    }

    private static boolean bothArmsHaveCases() {
        List<String> arms = as("supervisor").get(system.url("reminder") + "/reports/strategy").then().statusCode(200).extract().jsonPath()
                .getList("results.arm");
        return arms.contains("champion") && arms.contains("challenger");
    }

    private static LocalDate bankToday() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
