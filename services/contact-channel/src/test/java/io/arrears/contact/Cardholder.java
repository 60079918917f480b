package io.arrears.contact;

import io.arrears.events.Channel;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.ReminderRequested;
import io.arrears.events.TemplateFacts;
import io.arrears.testing.KafkaTestClient;
import io.arrears.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** A cardholder of the tests' own: one account, one mobile, an email and an address, published as core banking would. */
public record Cardholder(String accountId, String customerId, String phone, String email, String language, String timezone) {

    static final Duration BOUND = Duration.ofSeconds(30);

    /** A cardholder whose contact data core banking has published and contact-channel has taken in. */
    public static Cardholder create(String language, String timezone) {
        Cardholder holder = unpublished(language, timezone);
        holder.publish();
        return holder;
    }

    /** A cardholder core banking has not told contact-channel about yet. */
    public static Cardholder unpublished(String language, String timezone) {
        String account = "ACC-" + UUID.randomUUID();
        String phone = "+86138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return new Cardholder(account, "CUS-" + account, phone, "li.wei+" + account.substring(4, 12) + "@example.com", language, timezone);
    }

    public void publish() {
        KafkaTestClient.publish(new CustomerUpdated(customerId, List.of(accountId), "Li Wei",
                List.of(new CustomerUpdated.Phone(phone, "MOBILE", true)), email,
                new CustomerUpdated.PostalAddress(List.of("88 Century Avenue", "Apt 1201"), "Shanghai", "200120", null, "CN"),
                language, timezone, List.of(), false));
        await().atMost(BOUND).until(() -> as("agent").get("/contacts/customers/" + customerId).statusCode() == 200);
    }

    /** The last four digits of every test cardholder's card, as core banking sends them. */
    public static final String CARD_LAST4 = "5821";

    public ReminderRequested reminder(Channel channel, String templateId) {
        return new ReminderRequested("REM-" + UUID.randomUUID(), "CASE-" + accountId, accountId, customerId, channel, templateId, null,
                TemplateFacts.ofCase("CASE-" + accountId, "CNY", new BigDecimal("300.00"), new BigDecimal("300.00"), new BigDecimal("3000.00"),
                        LocalDate.parse("2030-02-20"), 5, "1-29", CARD_LAST4), OffsetDateTime.parse("2030-01-01T00:00:00Z"));
    }

    public String phoneDigits() {
        return phone.substring(1);
    }

    public JsonPath history() {
        return as("auditor").get("/contacts/accounts/" + accountId).then().statusCode(200).extract().jsonPath();
    }

    public JsonPath profile() {
        return as("agent").get("/contacts/customers/" + customerId).then().statusCode(200).extract().jsonPath();
    }

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer("user-" + role, role));
    }
}
