package io.arrears.chaos;

import io.arrears.events.BusinessDayClosed;
import io.arrears.events.CloudEventHeaders;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.Event;
import io.arrears.events.EventJson;
import io.arrears.events.EventType;
import io.arrears.events.PaymentPosted;
import io.arrears.events.StatementIssued;
import io.smallrye.jwt.build.Jwt;
import io.arrears.localinfra.SigningKeys;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * A statement day's worth of work for one scenario: cardholders whose statements all fall due on the
 * same day, the business days that make every one of them miss it, and what people do meanwhile
 * (some pay, some complain, some agree a plan). Accounts carry the scenario's tag, so the ledger
 * can tell them from other scenarios'.
 */
final class Burst implements AutoCloseable {

    static final String MINIMUM = "261.52";

    /** One cardholder of the burst, living where it is midday now, so that contact is allowed at once. */
    record Holder(String accountId, String customerId, String phone, String email) {

        String phoneDigits() {
            return phone.substring(1);
        }
    }

    final String tag;
    final List<Holder> holders = new ArrayList<>();
    final LocalDate issued;
    final LocalDate due;
    private final ChaosSystem system;
    private final KafkaProducer<String, byte[]> producer;

    Burst(ChaosSystem system, String tag, int accounts, LocalDate issued) {
        this.system = system;
        this.tag = tag;
        this.issued = issued;
        this.due = issued.plusDays(25);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        for (int i = 0; i < accounts; i++) {
            String account = String.format("%s-%05d", tag, i);
            holders.add(new Holder(account, "CUS-" + account, String.format("+8613%09d", Math.abs((tag + i).hashCode()) % 1_000_000_000),
                    "holder" + i + "." + tag.toLowerCase() + "@example.com"));
        }
    }

    /** Day 1 past due: the due date plus 3 days of grace, plus one. */
    LocalDate firstDayPastDue() {
        return due.plusDays(4);
    }

    /** Core banking's nightly extract: the cardholders, then their statements. */
    void publishBook() {
        String zone = middayZone();
        for (Holder h : holders) {
            send(new CustomerUpdated(h.customerId(), List.of(h.accountId()), "Wang Fang",
                    List.of(new CustomerUpdated.Phone(h.phone(), "MOBILE", true)), h.email(),
                    new CustomerUpdated.PostalAddress(List.of("1 Nanjing Road"), "Shanghai", "200001", null, "CN"), "en", zone,
                    List.of(), false));
        }
        for (Holder h : holders) {
            send(new StatementIssued(h.accountId(), h.customerId(), "ST-" + h.accountId(), issued, due, new BigDecimal("3000.00"),
                    new BigDecimal(MINIMUM), "CNY", "CLASSIC", "4321"));
        }
        producer.flush();
    }

    /** Closes every business day from the statement date to day 1 past due: every account misses its minimum. */
    void closeDaysToFirstDayPastDue() {
        for (LocalDate day = issued; !day.isAfter(firstDayPastDue()); day = day.plusDays(1)) {
            send(new BusinessDayClosed(day));
        }
        producer.flush();
    }

    /** The holders pay their minimum in full, which cures them. */
    void pay(List<Holder> payers) {
        OffsetDateTime postedAt = firstDayPastDue().atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
        for (Holder h : payers) {
            send(new PaymentPosted(h.accountId(), "PAY-" + h.accountId(), new BigDecimal(MINIMUM), "CNY", postedAt, "ONLINE"));
        }
        producer.flush();
    }

    /** The holder complains by phone about harassment, which holds all contact. */
    String complain(Holder h) {
        return as("agent").contentType("application/json")
                .body(Map.of("accountId", h.accountId(), "category", "HARASSMENT", "description", "too many messages", "channel", "PHONE"))
                .post(system.url("complaint") + "/complaints").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** An agent agrees an instalment plan on the holder's case; false while the case does not exist yet. */
    boolean agreePlan(Holder h) {
        String caseId = as("agent").queryParam("needsAgent", false).queryParam("accountId", h.accountId())
                .get(system.url("reminder") + "/cases").then().statusCode(200).extract().jsonPath().getString("items[0].id");
        if (caseId == null) {
            return false;
        }
        int status = as("agent").contentType("application/json").body(Map.of("type", "INSTALMENTS", "instalments", 2))
                .post(system.url("reminder") + "/cases/" + caseId + "/plans").then().extract().statusCode();
        return status == 201;
    }

    RequestSpecification as(String role) {
        String token = Jwt.issuer(ChaosSystem.ISSUER).audience("arrears").upn("chaos-" + role).subject("chaos-" + role).groups(Set.of(role))
                .expiresIn(Duration.ofHours(2)).sign(SigningKeys.privateKey(system.keys));
        return given().header("Authorization", "Bearer " + token);
    }

    private void send(Event event) {
        CloudEventHeaders headers = CloudEventHeaders.forNewEvent(event, "/corebanking/chaos", OffsetDateTime.now());
        RecordHeaders kafka = new RecordHeaders();
        headers.toMap().forEach((k, v) -> kafka.add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(new ProducerRecord<>(EventType.of(event).topic(), null, event.key(), EventJson.write(event), kafka));
    }

    /** A fixed-offset zone in which it is around noon now. */
    static String middayZone() {
        int utcHour = OffsetDateTime.now(ZoneOffset.UTC).getHour();
        return ZoneOffset.ofHours(Math.floorMod(12 - utcHour + 12, 24) - 12).getId();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
