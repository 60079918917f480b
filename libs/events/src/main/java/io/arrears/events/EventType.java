package io.arrears.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue: for each event, its topic, CloudEvents type, record class and schema. */
public enum EventType {
    STATEMENT_ISSUED(Topics.STATEMENTS, "corebanking", StatementIssued.class),
    PAYMENT_POSTED(Topics.PAYMENTS, "corebanking", PaymentPosted.class),
    BUSINESS_DAY_CLOSED(Topics.BUSINESS_DAY, "corebanking", BusinessDayClosed.class),
    CUSTOMER_UPDATED(Topics.CUSTOMERS, "corebanking", CustomerUpdated.class),
    PAYMENT_DUE_SOON(Topics.PAYMENT_DUE_SOON, "arrears", PaymentDueSoon.class),
    PAYMENT_MISSED(Topics.PAYMENT_MISSED, "arrears", PaymentMissed.class),
    PAYMENT_RECEIVED(Topics.PAYMENT_RECEIVED, "arrears", PaymentReceived.class),
    REMINDER_REQUESTED(Topics.REMINDER_REQUESTED, "arrears", ReminderRequested.class),
    REMINDER_SENT(Topics.REMINDER_SENT, "arrears", ReminderSent.class),
    PLAN_AGREED(Topics.PLAN_AGREED, "arrears", PlanAgreed.class),
    PLAN_BROKEN(Topics.PLAN_BROKEN, "arrears", PlanBroken.class),
    PLAN_COMPLETED(Topics.PLAN_COMPLETED, "arrears", PlanCompleted.class),
    COMPLAINT_OPENED(Topics.COMPLAINT_OPENED, "arrears", ComplaintOpened.class),
    COMPLAINT_RESOLVED(Topics.COMPLAINT_RESOLVED, "arrears", ComplaintResolved.class),
    CASE_ESCALATED(Topics.CASE_ESCALATED, "arrears", CaseEscalated.class);

    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.recordClass, Function.identity()));
    private static final Map<String, EventType> BY_TOPIC =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.topic, Function.identity()));

    private final String topic;
    private final String ceType;
    private final Class<? extends Event> recordClass;

    EventType(String topic, String domain, Class<? extends Event> recordClass) {
        this.topic = topic;
        this.ceType = domain + "." + recordClass.getSimpleName() + ".v1";
        this.recordClass = recordClass;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code type}, e.g. {@code arrears.PaymentMissed.v1}. */
    public String ceType() {
        return ceType;
    }

    public Class<? extends Event> recordClass() {
        return recordClass;
    }

    public String schemaResource() {
        return "/schemas/" + recordClass.getSimpleName() + ".v1.schema.json";
    }

    public static EventType of(Event event) {
        return of(event.getClass());
    }

    public static EventType of(Class<?> recordClass) {
        EventType type = BY_CLASS.get(recordClass);
        if (type == null) {
            throw new IllegalArgumentException(recordClass.getName() + " is not an event contract");
        }
        return type;
    }

    public static Optional<EventType> forTopic(String topic) {
        return Optional.ofNullable(BY_TOPIC.get(topic));
    }
}
