package io.arrears.reminder.privacy;

import io.agroal.api.AgroalDataSource;
import io.arrears.events.MissedReason;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.clock.MovableClock;
import io.arrears.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A closed case keeps its agents' notes and reminder facts for the retention period, and not a day longer. */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "reminder"))
class RecordRetentionTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String NOTE = "Spoke with Wang Fang on 13800138000, will pay Friday";

    @Inject
    RecordRetention retention;
    @Inject
    MovableClock clock;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    io.arrears.reminder.lifecycle.StepFiring firing;

    @Test
    void aClosedCaseLosesItsPersonalDetailsAfterThePeriodAndAnOpenOneKeepsThem() throws Exception {
        String closed = caseWithANote();
        KafkaTestClient.publish(new PaymentReceived(accountOf(closed), "PAY-" + closed, new BigDecimal("300.00"), BigDecimal.ZERO, "CNY", true));
        await().atMost(BOUND).until(() -> "CLOSED".equals(caseFile(closed).getString("state")));
        String open = caseWithANote();
        OffsetDateTime closedAt = OffsetDateTime.parse(caseFile(closed).getString("closedAt"));

        retention.run(closedAt.plus(Duration.ofDays(1095)).minusMinutes(1));
        assertThat(personalDetails(closed)).containsExactly(NOTE, "REACHED: " + NOTE, "7788", "facts");

        retention.run(closedAt.plus(Duration.ofDays(1095)).plusMinutes(1));
        assertThat(personalDetails(closed)).containsExactly(null, "REACHED", null, null);
        assertThat(personalDetails(open)).containsExactly(NOTE, "REACHED: " + NOTE, "7788", "facts");
        JsonPath file = caseFile(closed);
        assertThat(file.getString("closedReason")).isEqualTo("PAID");
        assertThat(file.getList("calls.outcome", String.class)).containsExactly("REACHED");
    }

    @Test
    void aPeriodShorterThanTwoYearsStopsStartUp() {
        assertThatThrownBy(() -> RecordRetention.requireLawful(Duration.ofDays(729)))
                .hasMessageContaining("reminder.retention.closed-cases").hasMessageContaining("730");
        RecordRetention.requireLawful(Duration.ofDays(730));
    }

    private String caseWithANote() {
        String account = "ACC-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        KafkaTestClient.publish(new PaymentMissed(account, "CUS-" + account, "ST-" + account, today.minusDays(4),
                new BigDecimal("300.00"), new BigDecimal("300.00"), new BigDecimal("3000.00"), "CNY", 1, "1-29",
                MissedReason.MINIMUM_NOT_PAID, null, "CLASSIC", "7788"));
        String caseId = await().atMost(BOUND).until(() -> caseIdOf(account), id -> id != null);
        given().header("Authorization", TestTokens.bearer("agent-9", "agent")).contentType("application/json")
                .body(Map.of("outcome", "REACHED", "note", NOTE)).post("/cases/" + caseId + "/contacts").then().statusCode(201);
        // The day's first reminders go out, each keeping the facts it was written from.
        await().atMost(BOUND).until(() -> {
            firing.fireDue();
            return "facts".equals(personalDetails(caseId).get(3));
        });
        return caseId;
    }

    /** The agent's note, the timeline's account of the call, the card's last digits, and whether any step keeps its facts. */
    private List<String> personalDetails(String caseId) throws Exception {
        List<String> details = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            details.add(single(connection, "select note from agent_contact where case_id = ?", caseId));
            details.add(single(connection, "select detail from case_timeline where case_id = ? and kind = 'AGENT_CONTACT'", caseId));
            details.add(single(connection, "select card_last4 from collection_case where id = ?", caseId));
            details.add(single(connection, "select case when count(*) > 0 then 'facts' end from scheduled_step where case_id = ? and facts is not null", caseId));
        }
        return details;
    }

    private static String single(Connection connection, String sql, String caseId) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, caseId);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                String value = rows.getString(1);
                assertThat(rows.next()).as(sql + " (one row)").isFalse();
                return value;
            }
        }
    }

    private String caseIdOf(String account) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select id from collection_case where account_id = ?")) {
            statement.setString(1, account);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private String accountOf(String caseId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select account_id from collection_case where id = ?")) {
            statement.setString(1, caseId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static JsonPath caseFile(String caseId) {
        return given().header("Authorization", TestTokens.bearer("agent-1", "agent"))
                .get("/cases/" + caseId).then().statusCode(200).extract().jsonPath();
    }
}
