package io.arrears.contact.flow;

import io.agroal.api.AgroalDataSource;
import io.arrears.contact.Cardholder;
import io.arrears.events.Channel;
import io.arrears.events.CustomerUpdated;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.arrears.contact.ProviderPeers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.arrears.contact.Cardholder.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Core banking's customer feed arriving in bursts, as when a book is loaded: new and known cardholders in one batch. */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(ProviderPeers.class)
class CustomerFeedTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBurstOfNewAndKnownCardholdersLeavesEachAsItsLastUpdateSaysWithEachConsentRecordedOnce() throws SQLException {
        Cardholder known = Cardholder.create("en", "Asia/Shanghai");
        OffsetDateTime decided = OffsetDateTime.parse("2030-01-05T09:00:00+08:00");
        List<String> fresh = IntStream.range(0, 30).mapToObj(i -> "CUS-" + UUID.randomUUID()).toList();
        String changing = fresh.get(0);
        List<CustomerUpdated> burst = new ArrayList<>();
        fresh.forEach(c -> burst.add(update(c, List.of("ACC-" + c), "+8613900000001", List.of(new CustomerUpdated.Consent(Channel.SMS, false, decided)))));
        // The same burst moves one new cardholder to another phone and gives it a second account,
        // and repeats the known cardholder with a new phone and a consent.
        burst.add(update(changing, List.of("ACC-" + changing, "ACC-2-" + changing), "+8613900000002",
                List.of(new CustomerUpdated.Consent(Channel.SMS, false, decided))));
        burst.add(update(known.customerId(), List.of(known.accountId()), "+8613900000003",
                List.of(new CustomerUpdated.Consent(Channel.EMAIL, false, decided))));
        KafkaTestClient.publishAll(burst);

        await().atMost(BOUND).until(() -> fresh.stream().allMatch(c -> as("agent").get("/contacts/customers/" + c).statusCode() == 200)
                && profile(known.customerId()).getList("consents.channel").contains("EMAIL")
                && profile(changing).getList("phones").equals(List.of("+86*******0002")));

        for (String c : fresh) {
            JsonPath p = profile(c);
            assertThat(p.getList("consents.channel", String.class)).containsExactly("SMS");
            assertThat(p.getList("consentHistory.granted", Boolean.class)).as("consent history of %s", c).containsExactly(false);
            assertThat(p.getList("phones", String.class)).hasSize(1);
        }
        JsonPath knownNow = profile(known.customerId());
        assertThat(knownNow.getList("phones", String.class)).containsExactly("+86*******0003");
        assertThat(knownNow.getList("consentHistory.channel", String.class)).containsExactly("EMAIL");
        assertThat(holders("ACC-" + changing, "ACC-2-" + changing)).containsExactly(changing, changing);
        assertThat(holders("ACC-" + fresh.get(1))).containsExactly(fresh.get(1));
    }

    private List<String> holders(String... accountIds) throws SQLException {
        List<String> holders = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("select customer_id from customer_account where account_id = any(?) order by account_id")) {
            query.setArray(1, db.createArrayOf("varchar", accountIds));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    holders.add(rs.getString(1));
                }
            }
        }
        return holders;
    }

    private static CustomerUpdated update(String customerId, List<String> accounts, String phone, List<CustomerUpdated.Consent> consents) {
        return new CustomerUpdated(customerId, accounts, "Li Wei", List.of(new CustomerUpdated.Phone(phone, "MOBILE", true)),
                "li.wei@example.com", null, "zh-CN", "Asia/Shanghai", consents, false);
    }

    private static JsonPath profile(String customerId) {
        return as("agent").get("/contacts/customers/" + customerId).then().statusCode(200).extract().jsonPath();
    }
}
