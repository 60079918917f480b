package io.arrears.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleMatchesItsSchema(EventType type) {
        assertThat(EventSchemas.violations(type, SampleEvents.json(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordSerialisesToItsSchemaAndBack(EventType type) {
        JsonNode sample = SampleEvents.json(type);
        Event event = EventJson.bind(sample, type.recordClass());

        JsonNode written = EventJson.mapper().valueToTree(event);

        assertThat(EventSchemas.violations(type, written)).isEmpty();
        assertThat(written).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordComponentsAreExactlyTheSchemaProperties(EventType type) {
        Set<String> components = Arrays.stream(type.recordClass().getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        EventSchemas.schemaOf(type).get("properties").fieldNames().forEachRemaining(properties::add);

        assertThat(components).isEqualTo(properties);
    }

    @org.junit.jupiter.api.Test
    void templateFactsAreExactlyTheFactsTheReminderSchemaAllowsAndEveryOneIsWrittenAsAString() {
        Set<String> components = Arrays.stream(TemplateFacts.class.getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        EventSchemas.schemaOf(EventType.REMINDER_REQUESTED).get("properties").get("facts").get("properties").fieldNames()
                .forEachRemaining(properties::add);
        assertThat(components).isEqualTo(properties);

        TemplateFacts all = TemplateFacts.ofCase("CASE-1", "CNY", new java.math.BigDecimal("261.52"), new java.math.BigDecimal("200.00"),
                        new java.math.BigDecimal("5230.40"), java.time.LocalDate.of(2026, 10, 30), 35, "30-59", "4321")
                .withPromise(new java.math.BigDecimal("300.00"), java.time.LocalDate.of(2026, 11, 20))
                .withInstalment("PLAN-1", 2, 3, new java.math.BigDecimal("100.00"), java.time.LocalDate.of(2026, 12, 20));
        JsonNode written = EventJson.mapper().valueToTree(all);
        written.fields().forEachRemaining(field -> assertThat(field.getValue().isTextual()).as(field.getKey()).isTrue());
        assertThat(written.get("daysPastDue").asText()).isEqualTo("35");
        assertThat(EventJson.bind(written, TemplateFacts.class)).isEqualTo(all);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRequiredFieldIsEnforced(EventType type) {
        for (JsonNode required : EventSchemas.schemaOf(type).get("required")) {
            ObjectNode body = SampleEvents.json(type).deepCopy();
            body.remove(required.asText());
            assertThat(EventSchemas.violations(type, body)).as("without %s", required.asText())
                    .anyMatch(m -> m.contains(required.asText()));
        }
    }

    @Test
    void anEventWrittenAtAWholeMinuteCarriesItsSecondsInCeTime() {
        CloudEventHeaders headers = CloudEventHeaders.forNewEvent(SampleEvents.sample(PaymentPosted.class), "/corebanking/test",
                java.time.OffsetDateTime.parse("2030-06-30T10:00+08:00"));
        assertThat(headers.toMap().get(CloudEventHeaders.TIME)).isEqualTo("2030-06-30T02:00:00Z");
    }

    @Test
    void moneyAsAJsonNumberIsRejected() {
        ObjectNode body = SampleEvents.json(EventType.PAYMENT_POSTED).deepCopy();
        body.put("amount", 100.10);

        assertThat(EventSchemas.violations(EventType.PAYMENT_POSTED, body)).anyMatch(m -> m.contains("amount"));
    }

    @Test
    void malformedDateAndCurrencyAreRejected() {
        ObjectNode body = SampleEvents.json(EventType.STATEMENT_ISSUED).deepCopy();
        body.put("dueDate", "30/10/2026");
        body.put("currency", "yuan");

        assertThat(EventSchemas.violations(EventType.STATEMENT_ISSUED, body))
                .anyMatch(m -> m.contains("dueDate"))
                .anyMatch(m -> m.contains("currency"));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"STATEMENT_ISSUED", "PAYMENT_MISSED", "PAYMENT_DUE_SOON"})
    void theCardIsNamedByExactlyFourDigitsOrNotAtAll(EventType type) {
        ObjectNode body = SampleEvents.json(type).deepCopy();
        for (String notTheLastFour : new String[] {"123", "12345", "ACC1", "6222020000000000", "**** 4321"}) {
            body.put("cardLast4", notTheLastFour);
            assertThat(EventSchemas.violations(type, body)).as(notTheLastFour).anyMatch(m -> m.contains("cardLast4"));
        }
        body.remove("cardLast4");
        assertThat(EventSchemas.violations(type, body)).isEmpty();
    }

    @Test
    void moneyIsWrittenAsADecimalStringWithoutExponent() {
        PaymentReceived event = new PaymentReceived("A", "P", new BigDecimal("1E+3"), new BigDecimal("0.10"), "EUR", false);

        JsonNode json = EventJson.tree(event);

        assertThat(json.get("amount").isTextual()).isTrue();
        assertThat(json.get("amount").asText()).isEqualTo("1000");
        assertThat(json.get("remainingOverdue").asText()).isEqualTo("0.10");
    }

    @Test
    void timesKeepTheirOffset() {
        PaymentPosted posted = SampleEvents.sample(PaymentPosted.class);

        assertThat(posted.postedAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(EventJson.tree(posted).get("postedAt").asText()).isEqualTo("2026-11-02T09:15:00+08:00");
    }

    @Test
    void unknownFieldsAreToleratedSoOptionalAdditionsStayCompatible() {
        ObjectNode body = SampleEvents.json(EventType.BUSINESS_DAY_CLOSED).deepCopy();
        body.put("region", "EU");

        assertThat(EventJson.bind(body, BusinessDayClosed.class).businessDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(EventSchemas.violations(EventType.BUSINESS_DAY_CLOSED, body)).isEmpty();
    }

    @Test
    void reminderFactsAreTypedAndFreeTextIsRefused() {
        ObjectNode body = (ObjectNode) SampleEvents.json(EventType.REMINDER_REQUESTED);
        assertThat(EventSchemas.violations(EventType.REMINDER_REQUESTED, body)).isEmpty();

        ((ObjectNode) body.path("facts")).put("note", "Dear Li Wei, call 13800138000 now");
        assertThat(EventSchemas.violations(EventType.REMINDER_REQUESTED, body)).isNotEmpty();
        ((ObjectNode) body.path("facts")).remove("note");
        ((ObjectNode) body.path("facts")).put("amountOverdue", "261.52 CNY, or we call your employer");
        assertThat(EventSchemas.violations(EventType.REMINDER_REQUESTED, body)).isNotEmpty();
        ((ObjectNode) body.path("facts")).put("amountOverdue", "261.52");
        ((ObjectNode) body.path("facts")).put("bucket", "180+");
        ((ObjectNode) body.path("facts")).put("daysPastDue", "185");
        assertThat(EventSchemas.violations(EventType.REMINDER_REQUESTED, body)).isEmpty();
    }

    @Test
    void requireValidNamesEveryViolation() {
        ObjectNode body = SampleEvents.json(EventType.PAYMENT_MISSED).deepCopy();
        body.remove("accountId");
        body.put("daysPastDue", 0);

        assertThatThrownBy(() -> EventSchemas.requireValid(EventType.PAYMENT_MISSED, body))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("accountId")
                .hasMessageContaining("daysPastDue");
    }

    @Test
    void everyTopicHasOneEventTypeAndTypesAreVersioned() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.forTopic(type.topic())).contains(type);
            assertThat(type.ceType()).endsWith(type.recordClass().getSimpleName() + ".v1");
            assertThat(type.topic()).endsWith(".v1");
        }
    }
}
