package io.arrears.contact.flow;

import io.arrears.contact.Cardholder;
import io.arrears.contact.Peers;
import io.arrears.contact.ProviderPeers;
import io.arrears.contact.SentEvents;
import io.arrears.contact.dispatch.Dispatcher;
import io.arrears.contact.privacy.RecordRetention;
import io.arrears.events.Channel;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.ReminderRequested;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.clock.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.arrears.contact.Cardholder.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** A former customer's personal data erased on request, and collection records anonymised when their time is up. */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(ProviderPeers.class)
class PersonalDataFlowTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    Dispatcher dispatcher;
    @Inject
    MovableClock clock;
    @Inject
    RecordRetention retention;

    private SentEvents sent;

    @BeforeEach
    void open() {
        Peers.startAll();
        sent = new SentEvents(dispatcher);
    }

    @AfterEach
    void close() {
        sent.close();
    }

    @Test
    void aFormerCustomersPersonalDataIsErasedOnRequestAndTheAnonymousRecordStays() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        as("agent").contentType("application/json").body(Map.of("granted", false, "reason", "Li Wei asked on 138 0013 8000 to stop"))
                .put("/contacts/customers/" + holder.customerId() + "/consents/SMS").then().statusCode(200);
        ReminderRequested email = holder.reminder(Channel.EMAIL, "overdue-notice");
        KafkaTestClient.publish(email);
        sent.await(email.reminderId(), DeliveryStatus.SENT);

        as("supervisor").post("/contacts/customers/" + holder.customerId() + "/erasure").then().statusCode(409)
                .body("detail", containsString("still holds accounts"));
        as("agent").post("/contacts/customers/" + holder.customerId() + "/erasure").then().statusCode(403);

        KafkaTestClient.publish(new CustomerUpdated(holder.customerId(), List.of(holder.accountId()), "Li Wei",
                List.of(new CustomerUpdated.Phone(holder.phone(), "MOBILE", true)), holder.email(), null, "en", "Asia/Shanghai",
                List.of(), false, true));
        await().atMost(BOUND).until(() -> holder.profile().getBoolean("relationshipEnded"));

        JsonPath erased = as("supervisor").post("/contacts/customers/" + holder.customerId() + "/erasure").then().statusCode(200)
                .extract().jsonPath();
        assertThat(erased.getString("name")).isEqualTo("[erased]");
        assertThat(erased.getString("email")).isNull();
        assertThat(erased.getList("phones")).isEmpty();
        assertThat(erased.getString("erasedAt")).isNotNull();
        assertThat(erased.getList("consentHistory.reason")).containsOnly("[erased]");
        assertThat(erased.getList("consentHistory.granted")).containsExactly(false);

        JsonPath history = holder.history();
        assertThat(history.getList("attempts.status")).containsExactly("SENT");
        assertThat(history.getList("attempts.channel")).containsExactly("EMAIL");
        assertThat(history.getList("attempts.destination")).containsOnlyNulls();
    }

    @Test
    void collectionRecordsAreAnonymisedOnlyAfterTheirRetentionPeriod() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested email = holder.reminder(Channel.EMAIL, "overdue-notice");
        KafkaTestClient.publish(email);
        sent.await(email.reminderId(), DeliveryStatus.SENT);

        retention.run();
        assertThat(holder.history().getList("attempts.destination")).doesNotContainNull();
        assertThat(holder.history().getList("attempts[0].decisions")).isNotEmpty();

        Instant now = clock.instant();
        try {
            clock.advance(Duration.ofDays(1096));
            retention.run();
        } finally {
            clock.moveTo(now);
        }
        JsonPath history = holder.history();
        assertThat(history.getList("attempts.destination")).containsOnlyNulls();
        assertThat(history.getList("attempts.status")).containsExactly("SENT");
        assertThat(history.getList("attempts[0].decisions")).isEmpty();
    }
}
