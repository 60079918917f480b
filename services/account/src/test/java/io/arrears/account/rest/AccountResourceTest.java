package io.arrears.account.rest;

import io.arrears.events.StatementIssued;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "account"))
class AccountResourceTest {

    @Test
    void withoutATokenTheAnswerIs401() {
        given().get("/accounts/ACC-1").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void pathTricksDoNotGetPastTheRoleCheck() {
        String account = "ACC-PATH-" + UUID.randomUUID();
        KafkaTestClient.publish(new StatementIssued(account, "CUS-1", account + "-ST", LocalDate.of(2099, 1, 5),
                LocalDate.of(2099, 1, 30), new BigDecimal("10.00"), new BigDecimal("1.00"), "CNY", null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", TestTokens.bearer("agent-1", "agent"))
                .get("/accounts/{id}", account).statusCode() == 200);

        for (String path : new String[] {"/accounts;x=1/" + account, "/accounts/" + account + ";x", "/accounts%3Bx/" + account,
                "//accounts/" + account, "/./accounts/" + account, "/q/../accounts/" + account, "/q/%2e%2e/accounts/" + account,
                "/accounts%2F" + account, "/ACCOUNTS/" + account}) {
            int anonymous = given().urlEncodingEnabled(false).get(path).statusCode();
            int wrongRole = given().urlEncodingEnabled(false).header("Authorization", TestTokens.bearer("cs-1", "complaints-officer"))
                    .get(path).statusCode();
            org.assertj.core.api.Assertions.assertThat(anonymous).as("no token, %s", path).isIn(400, 401, 404);
            org.assertj.core.api.Assertions.assertThat(wrongRole).as("complaints officer, %s", path).isIn(400, 403, 404);
        }
    }

    @Test
    void aRoleWithoutAccessGets403() {
        given().header("Authorization", TestTokens.bearer("cs-1", "complaints-officer"))
                .get("/accounts/ACC-1").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anUnknownAccountIs404WithAProblemBody() {
        given().header("Authorization", TestTokens.bearer("agent-1", "agent"))
                .get("/accounts/ACC-NOPE").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("detail", containsString("ACC-NOPE"));
    }

    @Test
    void listsArePagedAndFiltered() {
        String prefix = "PAGE-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            KafkaTestClient.publish(new StatementIssued(prefix + "-" + i, "CUS-1", prefix + "-ST-" + i, LocalDate.of(2099, 1, 5),
                    LocalDate.of(2099, 1, 30), new BigDecimal("10.00"), new BigDecimal("1.00"), "CNY", null, null));
        }
        for (int i = 0; i < 3; i++) {
            String id = prefix + "-" + i;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("Authorization", TestTokens.bearer("sup-1", "supervisor"))
                            .get("/accounts/" + id).then().statusCode(200));
        }

        given().header("Authorization", TestTokens.bearer("aud-1", "auditor"))
                .queryParam("status", "CURRENT").queryParam("page", 0).queryParam("size", 2)
                .get("/accounts").then().statusCode(200)
                .body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(3)).body("items.status", everyItem(equalTo("CURRENT")));
    }

    @Test
    void badQueryParametersAre400NamingTheField() {
        given().header("Authorization", TestTokens.bearer("agent-1", "agent"))
                .queryParam("size", 0).queryParam("status", "LATE")
                .get("/accounts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("size", "status"));
        given().header("Authorization", TestTokens.bearer("agent-1", "agent"))
                .queryParam("bucket", "1-30")
                .get("/accounts").then().statusCode(400).body("violations[0].field", equalTo("bucket"));
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("arrears_outbox"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/accounts"));
    }
}
