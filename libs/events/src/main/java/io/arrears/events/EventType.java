package io.arrears.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue: for each event, its topic, CloudEvents type, record class, schema, and who may produce it.
 * A consumer takes an event only from its producer's {@code ce_source}: core banking's systems under
 * {@code /corebanking/}, each of our events from the one service that owns it.
 */
public enum EventType {
    STATEMENT_ISSUED(Topics.STATEMENTS, "corebanking", StatementIssued.class, "/corebanking/"),
    PAYMENT_POSTED(Topics.PAYMENTS, "corebanking", PaymentPosted.class, "/corebanking/"),
    BUSINESS_DAY_CLOSED(Topics.BUSINESS_DAY, "corebanking", BusinessDayClosed.class, "/corebanking/"),
    CUSTOMER_UPDATED(Topics.CUSTOMERS, "corebanking", CustomerUpdated.class, "/corebanking/"),
    PAYMENT_DUE_SOON(Topics.PAYMENT_DUE_SOON, "arrears", PaymentDueSoon.class, Producers.ACCOUNT),
    PAYMENT_MISSED(Topics.PAYMENT_MISSED, "arrears", PaymentMissed.class, Producers.ACCOUNT),
    PAYMENT_RECEIVED(Topics.PAYMENT_RECEIVED, "arrears", PaymentReceived.class, Producers.ACCOUNT),
    REMINDER_REQUESTED(Topics.REMINDER_REQUESTED, "arrears", ReminderRequested.class, Producers.REMINDER),
    REMINDER_SENT(Topics.REMINDER_SENT, "arrears", ReminderSent.class, Producers.CONTACT_CHANNEL),
    PLAN_AGREED(Topics.PLAN_AGREED, "arrears", PlanAgreed.class, Producers.REMINDER),
    PLAN_BROKEN(Topics.PLAN_BROKEN, "arrears", PlanBroken.class, Producers.ACCOUNT),
    PLAN_COMPLETED(Topics.PLAN_COMPLETED, "arrears", PlanCompleted.class, Producers.ACCOUNT),
    PLAN_REJECTED(Topics.PLAN_REJECTED, "arrears", PlanRejected.class, Producers.ACCOUNT),
    COMPLAINT_OPENED(Topics.COMPLAINT_OPENED, "arrears", ComplaintOpened.class, Producers.COMPLAINT),
    COMPLAINT_RESOLVED(Topics.COMPLAINT_RESOLVED, "arrears", ComplaintResolved.class, Producers.COMPLAINT),
    CASE_ESCALATED(Topics.CASE_ESCALATED, "arrears", CaseEscalated.class, Producers.REMINDER),
    AGENT_CALL_LOGGED(Topics.AGENT_CALL_LOGGED, "arrears", AgentCallLogged.class, Producers.REMINDER),
    ACCOUNT_PLACED(Topics.ACCOUNT_PLACED, "arrears", AccountPlaced.class, Producers.AGENCY),
    ACCOUNT_RECALLED(Topics.ACCOUNT_RECALLED, "arrears", AccountRecalled.class, Producers.AGENCY),
    AGENCY_ACTION_REPORTED(Topics.AGENCY_ACTION_REPORTED, "arrears", AgencyActionReported.class, Producers.AGENCY);

    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.recordClass, Function.identity()));
    private static final Map<String, EventType> BY_TOPIC =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.topic, Function.identity()));

    private final String topic;
    private final String ceType;
    private final Class<? extends Event> recordClass;
    private final String producer;

    EventType(String topic, String domain, Class<? extends Event> recordClass, String producer) {
        this.topic = topic;
        this.ceType = domain + "." + recordClass.getSimpleName() + ".v1";
        this.recordClass = recordClass;
        this.producer = producer;
    }

    /** The {@code ce_source} of the only producer allowed, or its prefix when it ends with '/'. */
    public String producer() {
        return producer;
    }

    public boolean isFromProducer(String source) {
        return source != null && (producer.endsWith("/") ? source.startsWith(producer) && source.length() > producer.length()
                : source.equals(producer));
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

    /** The services' {@code ce_source}s ({@code arrears.messaging.source}). */
    private static final class Producers {
        static final String ACCOUNT = "/arrears/account";
        static final String REMINDER = "/arrears/reminder";
        static final String CONTACT_CHANNEL = "/arrears/contact-channel";
        static final String COMPLAINT = "/arrears/complaint";
        static final String AGENCY = "/arrears/agency";
    }
}
