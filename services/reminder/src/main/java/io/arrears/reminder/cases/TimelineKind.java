package io.arrears.reminder.cases;

/** What a timeline entry records. Stored by name, so a new kind is added at the end and none is renamed. */
public enum TimelineKind {
    OPENED, UPDATED, STATE, SEGMENT, LADDER, STEP, CONTACT, FALLBACK, AGENT_CONTACT, PROMISE, PLAN, PAYMENT, COMPLAINT, HOLD, RELEASED, AGENCY
}
