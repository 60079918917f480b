package io.arrears.complaint.privacy;

import io.agroal.api.AgroalDataSource;
import io.arrears.complaint.config.ComplaintConfig;
import io.arrears.events.Channel;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.ReminderSent;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.clock.MovableClock;
import io.arrears.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A resolved complaint keeps the cardholder's words for the retention period, then only its facts. */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "complaint"))
class RecordRetentionTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String WORDS = "Wang Fang, 13800138000: they called me at night";
    private static final Duration PERIOD = Duration.ofDays(1095);

    @Inject
    RecordRetention retention;
    @Inject
    MovableClock clock;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aResolvedComplaintLosesItsFreeTextAfterThePeriodAndAnOpenOneKeepsIt() {
        String account = "ACC-" + UUID.randomUUID();
        String resolved = file(account);
        as("complaints-officer").post("/complaints/" + resolved + "/acknowledge").then().statusCode(200);
        as("complaints-officer").post("/complaints/" + resolved + "/investigate").then().statusCode(200);
        as("complaints-officer").contentType("application/json").body(Map.of("outcome", "UPHELD", "remedy", "refund to Wang Fang"))
                .post("/complaints/" + resolved + "/resolve").then().statusCode(200);
        String open = file(account);
        OffsetDateTime resolvedAt = OffsetDateTime.parse(detail(resolved).getString("resolvedAt"));

        retention.run(resolvedAt.plus(PERIOD).minusMinutes(1));
        assertThat(detail(resolved).getString("description")).isEqualTo(WORDS);

        retention.run(resolvedAt.plus(PERIOD).plusMinutes(1));
        JsonPath after = detail(resolved);
        assertThat(after.getString("description")).isEqualTo(RecordRetention.REMOVED);
        assertThat(after.getString("remedy")).isEqualTo(RecordRetention.REMOVED);
        assertThat(after.getString("outcome")).isEqualTo("UPHELD");
        assertThat(after.getString("category")).isEqualTo("HARASSMENT");
        assertThat(after.getList("audit.action", String.class)).containsExactly("RECEIVED", "ACKNOWLEDGED", "INVESTIGATING", "RESOLVED");
        assertThat(after.getList("audit.detail", String.class)).noneMatch(d -> d != null && (d.contains("Wang") || d.contains("refund")));
        assertThat(detail(open).getString("description")).isEqualTo(WORDS);
    }

    @Test
    void theAuditTrailStillRefusesEveryChangeButTheRetentionCut() throws Exception {
        String id = file("ACC-" + UUID.randomUUID());
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> execute(connection, "update complaint_audit set actor = 'someone-else' where complaint_id = ?", id))
                    .hasMessageContaining("not allowed");
            assertThatThrownBy(() -> execute(connection, "update complaint_audit set detail = 'rewritten' where complaint_id = ?", id))
                    .hasMessageContaining("not allowed");
            assertThatThrownBy(() -> execute(connection, "delete from complaint_audit where complaint_id = ?", id))
                    .hasMessageContaining("not allowed");
        }
    }

    @Test
    void contactEvidenceIsDeletedOnceOlderThanItsPeriod() throws Exception {
        String account = "ACC-" + UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(clock);
        KafkaTestClient.publish(new ReminderSent("REM-" + account, "CASE-" + account, account, Channel.SMS, DeliveryStatus.SENT, null,
                "MSG-" + account, at));
        await().atMost(BOUND).until(() -> evidenceRows(account) == 1);

        retention.run(at.plus(PERIOD).minusMinutes(1));
        assertThat(evidenceRows(account)).isEqualTo(1);
        retention.run(at.plus(PERIOD).plusMinutes(1));
        assertThat(evidenceRows(account)).isZero();
    }

    @Test
    void periodsShorterThanTwoYearsStopStartUp() {
        assertThatThrownBy(() -> RecordRetention.requireLawful(periods(Duration.ofDays(729), PERIOD)))
                .hasMessageContaining("complaint.retention").hasMessageContaining("730");
        assertThatThrownBy(() -> RecordRetention.requireLawful(periods(PERIOD, Duration.ofDays(365))))
                .hasMessageContaining("contact-evidence 365");
        RecordRetention.requireLawful(periods(Duration.ofDays(730), Duration.ofDays(730)));
    }

    private static ComplaintConfig.Retention periods(Duration complaints, Duration evidence) {
        return new ComplaintConfig.Retention() {
            @Override
            public Duration resolvedComplaints() {
                return complaints;
            }

            @Override
            public Duration contactEvidence() {
                return evidence;
            }

            @Override
            public String runAt() {
                return "0 50 2 * * ?";
            }
        };
    }

    private String file(String account) {
        return as("complaints-officer").contentType("application/json")
                .body(Map.of("accountId", account, "category", "HARASSMENT", "description", WORDS, "channel", "PHONE",
                        "evidenceRefs", List.of("REC-1")))
                .post("/complaints").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static JsonPath detail(String id) {
        return as("complaints-officer").get("/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer("user-" + role, role));
    }

    private int evidenceRows(String account) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(*) from contact_event where account_id = ?")) {
            statement.setString(1, account);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void execute(Connection connection, String sql, String id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
    }
}
