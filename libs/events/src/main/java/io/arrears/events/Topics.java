package io.arrears.events;

/** Topic names: {@code arrears.<event>.v1} for our own events, {@code corebanking.<stream>.v1} upstream. */
public final class Topics {

    public static final String STATEMENTS = "corebanking.statements.v1";
    public static final String PAYMENTS = "corebanking.payments.v1";
    public static final String BUSINESS_DAY = "corebanking.business-day.v1";
    public static final String CUSTOMERS = "corebanking.customers.v1";

    public static final String PAYMENT_DUE_SOON = "arrears.payment-due-soon.v1";
    public static final String PAYMENT_MISSED = "arrears.payment-missed.v1";
    public static final String PAYMENT_RECEIVED = "arrears.payment-received.v1";
    public static final String REMINDER_REQUESTED = "arrears.reminder-requested.v1";
    public static final String REMINDER_SENT = "arrears.reminder-sent.v1";
    public static final String PLAN_AGREED = "arrears.plan-agreed.v1";
    public static final String PLAN_BROKEN = "arrears.plan-broken.v1";
    public static final String PLAN_COMPLETED = "arrears.plan-completed.v1";
    public static final String PLAN_REJECTED = "arrears.plan-rejected.v1";
    public static final String COMPLAINT_OPENED = "arrears.complaint-opened.v1";
    public static final String COMPLAINT_RESOLVED = "arrears.complaint-resolved.v1";
    public static final String CASE_ESCALATED = "arrears.case-escalated.v1";
    public static final String AGENT_CALL_LOGGED = "arrears.agent-call-logged.v1";
    public static final String ACCOUNT_PLACED = "arrears.account-placed.v1";
    public static final String ACCOUNT_RECALLED = "arrears.account-recalled.v1";
    public static final String AGENCY_ACTION_REPORTED = "arrears.agency-action-reported.v1";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
