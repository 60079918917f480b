package io.arrears.reminder.reports;

import io.arrears.clock.MovableClock;
import io.arrears.events.Channel;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.MissedReason;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.events.ReminderSent;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "reminder"))
class StrategyReportTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    MovableClock clock;

    @Test
    void theReportCountsCuresRollsPromisesAndContactsOfTheCasesOpenedInThePeriod() {
        Figures before = figures();
        String paid = "ACC-" + UUID.randomUUID();
        String rolled = "ACC-" + UUID.randomUUID();
        String contacted = "ACC-" + UUID.randomUUID();
        String paidCase = open(paid);
        String rolledCase = open(rolled);
        String contactedCase = open(contacted);

        as("agent").contentType("application/json").body(Map.of("outcome", "PROMISE_TO_PAY", "promisedAmount", "1000.00",
                "promisedDate", today().plusDays(7).toString())).post("/cases/" + paidCase + "/contacts").then().statusCode(201);
        KafkaTestClient.publish(new PaymentReceived(paid, "PAY-" + paid, new BigDecimal("1000.00"), BigDecimal.ZERO, "CNY", true));
        KafkaTestClient.publish(missed(rolled, 30, "30-59"));
        String smsStep = as("agent").get("/cases/" + contactedCase).then().statusCode(200).extract().jsonPath()
                .getString("steps.find { it.channel == 'SMS' && it.status == 'REQUESTED' }.id");
        OffsetDateTime at = OffsetDateTime.now(clock);
        // The provider's SENT and then its DELIVERED: one contact, not two.
        KafkaTestClient.publish(new ReminderSent(smsStep, contactedCase, contacted, Channel.SMS, DeliveryStatus.SENT, null, "M-1", at));
        KafkaTestClient.publish(new ReminderSent(smsStep, contactedCase, contacted, Channel.SMS, DeliveryStatus.DELIVERED, null, "M-1", at));

        await().atMost(BOUND).untilAsserted(() -> {
            as("agent").get("/cases/" + paidCase).then().body("state", equalTo("CLOSED"));
            as("agent").get("/cases/" + rolledCase).then().body("bucket", equalTo("30-59"));
            as("agent").get("/cases/" + contactedCase).then().body("contacts.size()", equalTo(2));
        });
        Figures after = figures();

        assertThat(after.opened - before.opened).isEqualTo(3);
        assertThat(after.cured - before.cured).isEqualTo(1);
        assertThat(after.promisesKept - before.promisesKept).isEqualTo(1);
        assertThat(after.smsContacts - before.smsContacts).isEqualTo(1);
        assertThat(after.cost.subtract(before.cost)).isEqualByComparingTo("0.05");
        assertThat(after.entered - before.entered).isEqualTo(3);
        assertThat(after.rolledOn - before.rolledOn).isEqualTo(1);
    }

    @Test
    void onlySupervisorsAndAuditorsReadItAndABadPeriodIs400NamingTheField() {
        as("agent").get("/reports/strategy").then().statusCode(403);
        as("auditor").get("/reports/strategy").then().statusCode(200).body("cureWithinDays", equalTo(30));
        as("supervisor").queryParam("from", "2031-03-10").queryParam("to", "2031-03-01").get("/reports/strategy").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("from"));
        as("supervisor").queryParam("to", "next week").get("/reports/strategy").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        as("supervisor").queryParam("from", "2020-01-01").queryParam("to", "2031-03-01").get("/reports/strategy").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
    }

    /** The champion arm's standard segment, where every case of this test falls (small balance, no broken promises). */
    private Figures figures() {
        JsonPath report = as("supervisor").queryParam("from", today().toString()).queryParam("to", today().plusDays(1).toString())
                .get("/reports/strategy").then().statusCode(200).extract().jsonPath();
        String group = "results.find { it.arm == 'champion' && it.segment == 'standard' }";
        if (report.get(group) == null) {
            return new Figures(0, 0, 0, 0, BigDecimal.ZERO, 0, 0);
        }
        Integer sms = report.get(group + ".contactsByChannel.SMS");
        return new Figures(report.getLong(group + ".casesOpened"), report.getLong(group + ".cured"), report.getLong(group + ".promisesKept"),
                sms == null ? 0 : sms, new BigDecimal(report.getString(group + ".contactCost")),
                report.getLong(group + ".rollRates.find { it.from == '1-29' }.entered"),
                report.getLong(group + ".rollRates.find { it.from == '1-29' }.rolled"));
    }

    private String open(String account) {
        KafkaTestClient.publish(missed(account, 4, "1-29"));
        return await().atMost(BOUND).until(() -> as("agent").queryParam("needsAgent", false).queryParam("accountId", account)
                .get("/cases").then().statusCode(200).extract().jsonPath().getString("items[0].id"), id -> id != null);
    }

    private PaymentMissed missed(String account, int daysPastDue, String bucket) {
        return new PaymentMissed(account, "CUS-" + account, "ST-" + account, today().minusDays(daysPastDue),
                new BigDecimal("1000.00"), new BigDecimal("1000.00"), new BigDecimal("5000.00"), "CNY", daysPastDue, bucket,
                MissedReason.MINIMUM_NOT_PAID, null, null, null);
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer("user-" + role, role));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    private record Figures(long opened, long cured, long promisesKept, long smsContacts, BigDecimal cost, long entered, long rolledOn) {
    }
}
